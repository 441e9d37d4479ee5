import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { roleLabel } from '$lib/auth/roles';
import { formatLongDate } from '$lib/format/dates';
import type { Db } from '../db/client';
import { project, type ProjectRole } from '../db/schema';
import { deliver, type Mail, type Mailer, type MailOutcome } from './mailer';

export interface InvitationMail {
	to: string;
	projectTitle: string;
	role: ProjectRole;
	inviterName: string;
	link: string;
	expiresAt: Date;
}

/** The invitation e-mail, in the inviter's language (the invited person has none yet). */
export function invitationMail(input: InvitationMail): Mail {
	const text = [
		m.mail_greeting(),
		'',
		m.mail_invitation_text({
			inviter: input.inviterName,
			project: input.projectTitle,
			role: roleLabel(input.role)
		}),
		'',
		m.mail_invitation_action({ date: formatLongDate(input.expiresAt) }),
		input.link,
		'',
		m.mail_invitation_ignore(),
		'',
		`-- \n${m.mail_signature()}`
	].join('\n');
	return {
		to: input.to,
		subject: m.mail_invitation_subject({ project: input.projectTitle }),
		text
	};
}

export type { MailOutcome };

/**
 * Sends an invitation that has just been created. A failure never loses the invitation: the
 * coordinator still gets the link to pass on by hand.
 */
export async function sendInvitation(
	db: Db,
	mailer: Mailer,
	input: Omit<InvitationMail, 'projectTitle'> & { projectId: string }
): Promise<MailOutcome> {
	const [found] = await db
		.select({ title: project.title })
		.from(project)
		.where(eq(project.id, input.projectId));
	return deliver(
		mailer,
		invitationMail({ ...input, projectTitle: found?.title ?? '' }),
		'invitation'
	);
}

/**
 * A created invitation's link, mailed to the invited address: the members page and the
 * administrators' pages alike. The link comes back so the inviter can pass it on by hand.
 */
export async function deliverInvitation(
	db: Db,
	mailer: Mailer,
	origin: string,
	input: {
		token: string;
		expiresAt: Date;
		projectId: string;
		to: string;
		role: ProjectRole;
		inviterName: string;
	}
): Promise<{ link: string; mailed: MailOutcome }> {
	const link = new URL(`/invite/${input.token}`, origin).href;
	const mailed = await sendInvitation(db, mailer, { ...input, link });
	return { link, mailed };
}
