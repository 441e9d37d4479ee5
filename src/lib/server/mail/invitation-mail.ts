import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { roleLabel } from '$lib/auth/roles';
import { formatLongDate } from '$lib/format/dates';
import type { Db } from '../db/client';
import { project, type ProjectRole } from '../db/schema';
import { logger } from '../log/logger';
import type { Mail, Mailer } from './mailer';

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

/** How the coordinator is told the invitation left: sent, only logged, or not sent at all. */
export type MailOutcome = 'sent' | 'logged' | 'failed';

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
	try {
		await mailer.send(invitationMail({ ...input, projectTitle: found?.title ?? '' }));
		return mailer.mode === 'smtp' ? 'sent' : 'logged';
	} catch (error) {
		logger.error({ err: error }, 'invitation mail failed');
		return 'failed';
	}
}
