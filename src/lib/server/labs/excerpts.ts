import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	caseEvent,
	caseIdentity,
	lab,
	labSession,
	labSessionCase,
	labSessionExcerpt
} from '../db/schema';
import { authorize } from '../access/policy';
import { ConflictError, InvalidError, UnauthorizedError } from '../errors';
import { recordCaseAccess } from '../cases/audit';
import { erasedAt } from '../cases/erasure';
import { caseResource, findCase } from '../cases/records';
import { pseudonymise } from '../../cases/pseudonymise';
import type { ExcerptInput } from '../../labs/excerpt-form';

/**
 * Sharing a note with a lab without the identity: the record's operator picks a note, trims it
 * to what the lab should read, and the server replaces every identity trace the record holds
 * with the pseudonym before storing it. Only that stored text ever reaches the lab; the note
 * itself stays on the case page. Audited in the case log; erasure removes the excerpts too.
 */

export interface ShareTarget {
	sessionId: string;
	sessionTitle: string;
	labTitle: string;
	startsAt: Date;
}

/** The sessions a case is attached to: the only places an excerpt of its notes may go. */
export async function targets(db: Db, caseId: string): Promise<ShareTarget[]> {
	return db
		.select({
			sessionId: labSession.id,
			sessionTitle: labSession.title,
			labTitle: lab.title,
			startsAt: labSession.startsAt
		})
		.from(labSessionCase)
		.innerJoin(labSession, eq(labSession.id, labSessionCase.sessionId))
		.innerJoin(lab, eq(lab.id, labSession.labId))
		.where(eq(labSessionCase.caseId, caseId))
		.orderBy(desc(labSession.startsAt));
}

/** The identity's traces of a record, or null once erased. */
async function identityOf(db: Db, caseId: string) {
	const [row] = await db.select().from(caseIdentity).where(eq(caseIdentity.caseId, caseId));
	return row ?? null;
}

/** A note as the lab would receive it, for the operator to trim before sharing. */
export async function preview(db: Db, caseId: string, pseudonym: string, note: string) {
	const identity = await identityOf(db, caseId);
	return identity ? pseudonymise(note, identity, pseudonym) : note;
}

export async function share(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string,
	input: ExcerptInput
): Promise<{ id: string; text: string }> {
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.write', caseResource(found));
	if (await erasedAt(db, projectId, caseId)) throw new ConflictError('cases_erased');
	const [event] = await db
		.select({ id: caseEvent.id })
		.from(caseEvent)
		.where(and(eq(caseEvent.id, input.eventId), eq(caseEvent.caseId, caseId)));
	if (!event) throw new InvalidError('invalid', { eventId: ['invalid'] });
	const [attached] = await db
		.select({ sessionId: labSessionCase.sessionId })
		.from(labSessionCase)
		.where(and(eq(labSessionCase.sessionId, input.sessionId), eq(labSessionCase.caseId, caseId)));
	if (!attached) throw new InvalidError('labs_excerpt_session', { sessionId: ['invalid'] });
	const text = await preview(db, caseId, found.pseudonym, input.text);
	const [row] = await db
		.insert(labSessionExcerpt)
		.values({ sessionId: input.sessionId, caseId, eventId: event.id, text, sharedById: actor.id })
		.returning({ id: labSessionExcerpt.id, text: labSessionExcerpt.text });
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.lab_excerpt',
		projectId,
		caseId,
		detail: { sessionId: input.sessionId, eventId: event.id, excerptId: row.id }
	});
	return row;
}

/** The excerpts shared with a session, per case: text and date, nothing else. */
export async function forSession(db: Db, sessionId: string, caseIds: string[]) {
	if (caseIds.length === 0) return [];
	return db
		.select({
			id: labSessionExcerpt.id,
			caseId: labSessionExcerpt.caseId,
			text: labSessionExcerpt.text,
			createdAt: labSessionExcerpt.createdAt
		})
		.from(labSessionExcerpt)
		.where(
			and(eq(labSessionExcerpt.sessionId, sessionId), inArray(labSessionExcerpt.caseId, caseIds))
		)
		.orderBy(asc(labSessionExcerpt.createdAt));
}
