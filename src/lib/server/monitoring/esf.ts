import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { caseEsfProfile, type CaseEsfProfile } from '../db/schema';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import { recordCaseAccess } from '../cases/audit';
import { caseResource, findCase } from '../cases/records';
import { UnauthorizedError } from '../errors';
import type { EsfProfileInput } from '../../monitoring/esf';
import { loadParticipants, type Participant } from './pathway-facts';

export { followUpDue } from '../../cases/follow-up-due';

/**
 * ESF+ participant data: recorded by the operators of the case's organisation (it is as
 * personal as the identity), exported by the coordinator one pseudonymous row per participant.
 */

export type EsfProfileView = Omit<CaseEsfProfile, 'caseId' | 'updatedById'>;

export async function getProfile(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string
): Promise<{ pseudonym: string; profile: EsfProfileView | null }> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.read_identity', caseResource(found));
	const [row] = await db.select().from(caseEsfProfile).where(eq(caseEsfProfile.caseId, caseId));
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.read_identity',
		projectId,
		caseId
	});
	if (!row) return { pseudonym: found.pseudonym, profile: null };
	const { caseId: _c, updatedById: _u, ...profile } = row;
	return { pseudonym: found.pseudonym, profile };
}

export async function saveProfile(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: EsfProfileInput
): Promise<void> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.write', caseResource(found));
	const values = { ...input, updatedById: actor.id, updatedAt: new Date() };
	await db
		.insert(caseEsfProfile)
		.values({ caseId, ...values })
		.onConflictDoUpdate({ target: caseEsfProfile.caseId, set: values });
	// Ids only in the log: the answers are personal data.
	await record(db, {
		actorId: actor.id,
		action: 'case.esf_profile',
		resourceType: 'case',
		resourceId: caseId,
		projectId
	});
}

/** The rows of the region's CSV: every participant once, by pseudonym. Coordinator only. */
export async function participants({ db, actor }: Ctx, projectId: string): Promise<Participant[]> {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	const rows = await loadParticipants(db, projectId);
	await record(db, {
		actorId: signedIn.id,
		action: 'monitoring.esf_export',
		resourceType: 'project',
		resourceId: projectId,
		projectId,
		detail: { participants: rows.length }
	});
	return rows;
}
