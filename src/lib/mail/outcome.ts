/** How the sender is told a mail left: sent, only logged (no SMTP_URL), or not sent at all. */
export type MailOutcome = 'sent' | 'logged' | 'failed';
