import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/format/dates';
import { deliver, type Mail, type Mailer, type MailOutcome } from './mailer';

/** The password-reset mail an administrator sends (issue 13), in the administrator's language. */
export function resetMail(input: { to: string; link: string; expiresAt: Date }): Mail {
	const text = [
		m.mail_greeting(),
		'',
		m.mail_reset_text(),
		'',
		m.mail_reset_action({ date: formatDateTime(input.expiresAt) }),
		input.link,
		'',
		m.mail_reset_ignore(),
		'',
		`-- \n${m.mail_signature()}`
	].join('\n');
	return { to: input.to, subject: m.mail_reset_subject(), text };
}

/** Mails a reset link; the link comes back too, for the administrator to pass on if mail failed. */
export async function deliverReset(
	mailer: Mailer,
	origin: string,
	input: { token: string; email: string; expiresAt: Date }
): Promise<{ link: string; mailed: MailOutcome }> {
	const link = new URL(`/reset/${input.token}`, origin).href;
	const mailed = await deliver(mailer, resetMail({ ...input, to: input.email, link }), 'reset');
	return { link, mailed };
}
