import nodemailer from 'nodemailer';
import type { Config } from '../config';
import { logger } from '../log/logger';
import type { MailOutcome } from '../../mail/outcome';

/** One outgoing e-mail: plain text always, an optional calendar invitation (.ics). */
export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** An iCalendar body, sent as a `text/calendar` part and an `invito.ics` attachment. */
	ics?: string;
}

export interface Mailer {
	/** `smtp`: handed to the configured server; `log`: no SMTP_URL, written to the log instead. */
	readonly mode: 'smtp' | 'log';
	send(mail: Mail): Promise<void>;
	close(): void;
}

/**
 * Mail through nodemailer (ADR 0151): to `SMTP_URL` when set; otherwise each mail is written to
 * the log so development and demos show what would have left, and the UI says none was sent.
 */
export function createMailer(config: Config['mail']): Mailer {
	if (!config.smtpUrl) {
		return {
			mode: 'log',
			async send(mail) {
				logger.info({ mail }, 'mail not sent (no SMTP_URL): written here instead');
			},
			close() {}
		};
	}
	const transport = nodemailer.createTransport(config.smtpUrl);
	return {
		mode: 'smtp',
		async send(mail) {
			await transport.sendMail({
				from: config.from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				...(mail.ics
					? {
							icalEvent: { method: 'REQUEST', content: mail.ics },
							attachments: [
								{ filename: 'invito.ics', content: mail.ics, contentType: 'text/calendar' }
							]
						}
					: {})
			});
		},
		close: () => transport.close()
	};
}

export type { MailOutcome };

/** Sends one mail now; a failure is logged and told, never thrown (the caller shows the link). */
export async function deliver(mailer: Mailer, mail: Mail, what: string): Promise<MailOutcome> {
	try {
		await mailer.send(mail);
		return mailer.mode === 'smtp' ? 'sent' : 'logged';
	} catch (error) {
		logger.error({ err: error }, `${what} mail failed`);
		return 'failed';
	}
}
