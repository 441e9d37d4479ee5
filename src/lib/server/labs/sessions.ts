import { and, asc, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { caseRecord, labSession, labSessionCase, type LabSession } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { InvalidError, NotFoundError, UnauthorizedError } from '../errors';
import { record } from '../audit/audit';
import { recordCaseAccess } from '../cases/audit';
import { romeToUtc } from '../../governance/rome-time';
import type { AttachInput, DetachInput, SessionInput } from '../../labs/lab-form';
import { findLab, labResource } from './labs';

const toInstant = (local: string) => romeToUtc(local.slice(0, 10), local.slice(11, 16));

/** Schedules a session of the lab; its board and notes open as `labboard:<id>`. */
export async function add(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	input: SessionInput
): Promise<LabSession> {
	const found = await findLab(db, projectId, labId);
	const { actor: signedIn } = await authorize(db, actor, 'lab.run', await labResource(db, found));
	const [row] = await db
		.insert(labSession)
		.values({
			labId,
			title: input.title,
			startsAt: toInstant(input.startsAt),
			endsAt: toInstant(input.endsAt),
			place: input.place
		})
		.returning();
	await record(db, {
		actorId: signedIn.id,
		action: 'lab.session',
		resourceType: 'lab_session',
		resourceId: row.id,
		projectId
	});
	return row;
}

/** Moves or renames a session (title, start, end, place): those who run labs only. */
export async function update(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	sessionId: string,
	input: SessionInput
): Promise<LabSession> {
	const { lab } = await findSession(db, projectId, labId, sessionId);
	const { actor: signedIn } = await authorize(db, actor, 'lab.run', await labResource(db, lab));
	const [row] = await db
		.update(labSession)
		.set({
			title: input.title,
			startsAt: toInstant(input.startsAt),
			endsAt: toInstant(input.endsAt),
			place: input.place
		})
		.where(eq(labSession.id, sessionId))
		.returning();
	await record(db, {
		actorId: signedIn.id,
		action: 'lab.session_update',
		resourceType: 'lab_session',
		resourceId: sessionId,
		projectId
	});
	return row;
}

export async function findSession(db: Db, projectId: string, labId: string, sessionId: string) {
	const found = await findLab(db, projectId, labId);
	const [session] = await db
		.select()
		.from(labSession)
		.where(and(eq(labSession.id, sessionId), eq(labSession.labId, labId)));
	if (!session) throw new NotFoundError('labs_session_not_found');
	return { lab: found, session };
}

/**
 * Attaches a case to a session by its pseudonym. Those who run labs may attach any case of the
 * project; a case operator, only a record of their own organisation.
 */
export async function attachCase(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	input: AttachInput
): Promise<void> {
	if (!actor) throw new UnauthorizedError();
	const { lab, session } = await findSession(db, projectId, labId, input.sessionId);
	const resource = await labResource(db, lab);
	const grant = await authorize(db, actor, 'lab.write', resource);
	const [found] = await db
		.select()
		.from(caseRecord)
		.where(
			and(
				eq(caseRecord.projectId, projectId),
				eq(caseRecord.pseudonym, input.pseudonym.toUpperCase())
			)
		);
	const caseResource = { projectId, organisationId: found?.organisationId ?? null };
	const allowed =
		found && (decide(grant, 'lab.run', resource) || decide(grant, 'case.write', caseResource));
	// An unknown pseudonym and a record one may not attach read alike: nothing is learnt.
	if (!allowed) throw new InvalidError('invalid', { pseudonym: [m.labs_case_unknown()] });
	await db
		.insert(labSessionCase)
		.values({ sessionId: session.id, caseId: found.id, attachedById: actor.id })
		.onConflictDoNothing();
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.lab_attach',
		projectId,
		caseId: found.id,
		detail: { sessionId: session.id }
	});
}

/**
 * Takes a case off a session — attached by mistake, or the person asked not to be discussed.
 * Whoever may attach it may detach it: those who run labs, or an operator of its organisation.
 * Audited in the case log, like the attachment.
 */
export async function detachCase(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	input: DetachInput
): Promise<void> {
	if (!actor) throw new UnauthorizedError();
	const { lab, session } = await findSession(db, projectId, labId, input.sessionId);
	const resource = await labResource(db, lab);
	const grant = await authorize(db, actor, 'lab.write', resource);
	const [attached] = await db
		.select({ caseId: labSessionCase.caseId, organisationId: caseRecord.organisationId })
		.from(labSessionCase)
		.innerJoin(caseRecord, eq(caseRecord.id, labSessionCase.caseId))
		.where(and(eq(labSessionCase.sessionId, session.id), eq(labSessionCase.caseId, input.caseId)));
	const allowed =
		attached &&
		(decide(grant, 'lab.run', resource) ||
			decide(grant, 'case.write', { projectId, organisationId: attached.organisationId }));
	// A case not on the session and one the asker may not take off read alike.
	if (!allowed) throw new InvalidError('labs_case_not_attached', { caseId: ['invalid'] });
	await db
		.delete(labSessionCase)
		.where(and(eq(labSessionCase.sessionId, session.id), eq(labSessionCase.caseId, input.caseId)));
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.lab_detach',
		projectId,
		caseId: input.caseId,
		detail: { sessionId: session.id }
	});
}

export interface SessionView {
	session: LabSession;
	canWrite: boolean;
	canRun: boolean;
}

export async function get(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	sessionId: string
): Promise<SessionView> {
	const { lab, session } = await findSession(db, projectId, labId, sessionId);
	const resource = await labResource(db, lab);
	const grant = await authorize(db, actor, 'lab.read', resource);
	return {
		session,
		canWrite: decide(grant, 'lab.write', resource),
		canRun: decide(grant, 'lab.run', resource)
	};
}

/** Sessions of the project's labs, for the calendar feed. */
export async function forCalendar(db: Db, labIds: string[]) {
	if (labIds.length === 0) return [];
	return db
		.select()
		.from(labSession)
		.where(inArray(labSession.labId, labIds))
		.orderBy(asc(labSession.startsAt));
}
