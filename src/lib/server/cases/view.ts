import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	caseEvent,
	caseIdentity,
	organisation,
	person,
	type CaseEventKind,
	type CaseIdentity,
	type CaseStatus
} from '../db/schema';
import { authorize, decide } from '../access/policy';
import { UnauthorizedError } from '../errors';
import { recordCaseAccess } from './audit';
import { caseResource, findCase } from './records';

export interface CaseEventView {
	id: string;
	kind: CaseEventKind;
	occurredOn: string;
	/** Free text may name or describe the person: null unless the identity may be read. */
	note: string | null;
	status: CaseStatus | null;
	authorName: string | null;
}

export interface CaseView {
	id: string;
	projectId: string;
	pseudonym: string;
	status: CaseStatus;
	organisationName: string;
	updatedAt: Date;
	/** Only for the case operators of the record's organisation; null for everyone else. */
	identity: Omit<CaseIdentity, 'caseId'> | null;
	events: CaseEventView[];
	canWrite: boolean;
}

/**
 * One record as the actor may see it. Pseudonymous readers get the path (status, dated event
 * kinds); the organisation's operators also get who the person is and the notes. Either read
 * is audited, with which of the two it was.
 */
export async function get(
	{ db, actor }: Ctx,
	projectId: string,
	caseId: string
): Promise<CaseView> {
	// Anonymous callers learn nothing, not even whether the id exists.
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	const resource = caseResource(found);
	const grant = await authorize(db, actor, 'case.read_pseudonymous', resource);
	const identified = decide(grant, 'case.read_identity', resource);
	const [identityRow] = identified
		? await db.select().from(caseIdentity).where(eq(caseIdentity.caseId, caseId))
		: [];
	const [owner] = await db
		.select({ name: organisation.name, shortName: organisation.shortName })
		.from(organisation)
		.where(eq(organisation.id, found.organisationId));
	const events = await db
		.select({
			id: caseEvent.id,
			kind: caseEvent.kind,
			occurredOn: caseEvent.occurredOn,
			note: caseEvent.note,
			status: caseEvent.status,
			authorName: person.name
		})
		.from(caseEvent)
		.leftJoin(person, eq(person.id, caseEvent.authorId))
		.where(eq(caseEvent.caseId, caseId))
		.orderBy(asc(caseEvent.occurredOn), asc(caseEvent.createdAt));
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: identified ? 'case.read_identity' : 'case.read_pseudonymous',
		projectId: found.projectId,
		caseId
	});
	const identity = identityRow
		? {
				fullName: identityRow.fullName,
				fiscalCode: identityRow.fiscalCode,
				phone: identityRow.phone,
				email: identityRow.email
			}
		: null;
	return {
		id: found.id,
		projectId: found.projectId,
		pseudonym: found.pseudonym,
		status: found.status,
		organisationName: owner.shortName ?? owner.name,
		updatedAt: found.updatedAt,
		identity,
		events: events.map((event) => ({ ...event, note: identified ? event.note : null })),
		canWrite: decide(grant, 'case.write', resource)
	};
}
