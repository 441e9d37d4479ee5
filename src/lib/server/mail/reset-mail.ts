import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/format/dates';
import { deliver, type Mail, type Mailer, type MailOutcome } from './mailer';

/**
 * The password-reset mail (issue 13): sent by an administrator, in the administrator's language,
 * or asked for from the login page (`self`), in the person's own language.
 */
export function resetMail(input: {
	to: string;
	link: string;
	expiresAt: Date;
	askedBy?: 'admin' | 'self';
	locale?: 'it' | 'en';
}): Mail {
	const options = input.locale ? { locale: input.locale } : {};
	const self = input.askedBy === 'self';
	// Outside a request (the mail round) the language is the person's, not the page's.
	const intl = input.locale && (input.locale === 'en' ? 'en-GB' : 'it-IT');
	const text = [
		m.mail_greeting({}, options),
		'',
		self ? m.mail_forgot_text({}, options) : m.mail_reset_text({}, options),
		'',
		m.mail_reset_action({ date: formatDateTime(input.expiresAt, intl) }, options),
		input.link,
		'',
		self ? m.mail_forgot_ignore({}, options) : m.mail_reset_ignore({}, options),
		'',
		`-- \n${m.mail_signature({}, options)}`
	].join('\n');
	return { to: input.to, subject: m.mail_reset_subject({}, options), text };
}

/** Where a reset token is used: the page that sets the new password. */
export function resetLink(origin: string, token: string): string {
	return new URL(`/reset/${token}`, origin).href;
}

/** Mails a reset link; the link comes back too, for the administrator to pass on if mail failed. */
export async function deliverReset(
	mailer: Mailer,
	origin: string,
	input: { token: string; email: string; expiresAt: Date }
): Promise<{ link: string; mailed: MailOutcome }> {
	const link = resetLink(origin, input.token);
	const mailed = await deliver(mailer, resetMail({ ...input, to: input.email, link }), 'reset');
	return { link, mailed };
}
