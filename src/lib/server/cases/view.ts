import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	caseEvent,
	caseIdentity,
	municipality,
	organisation,
	person,
	type CaseEventKind,
	type CaseIdentity,
	type CaseStatus
} from '../db/schema';
import { authorize, decide } from '../access/policy';
import { UnauthorizedError } from '../errors';
import { waitingOn } from './follow-ups';
import { recordCaseAccess } from './audit';
import { erasedAt } from './erasure';
import { findCase } from './records';
import { caseReadResource } from './referrals';
import { organisationsNamed } from '../../cases/event-form';
import type { EventDetails, ReferralSource, TargetCategory } from '../../cases/pathway-values';

export interface CaseEventView {
	id: string;
	kind: CaseEventKind;
	occurredOn: string;
	/** Free text may name or describe the person: null unless the identity may be read. */
	note: string | null;
	status: CaseStatus | null;
	authorName: string | null;
	/** The kind's structured fields: not identifying, so every reader of the path gets them. */
	details: EventDetails;
}

export interface CaseView {
	id: string;
	projectId: string;
	pseudonym: string;
	status: CaseStatus;
	organisationName: string;
	updatedAt: Date;
	targetCategory: TargetCategory | null;
	municipalityId: string | null;
	municipalityName: string | null;
	referralSource: ReferralSource | null;
	/** Names of the organisations the events name (hosts, employers), by id. */
	organisationNames: Record<string, string>;
	/** Only for the record's organisation's operators, and those of an accepted referral sharing it. */
	identity: Omit<CaseIdentity, 'caseId'> | null;
	events: CaseEventView[];
	canWrite: boolean;
	/** GDPR art. 17: when identity and notes were erased; null while they are kept. */
	erasedAt: Date | null;
	canErase: boolean;
	/** May refer the person to another organisation (the record's operators). */
	canRefer: boolean;
	/** The six-month follow-up waiting to be recorded, its due date (cases/follow-ups.ts). */
	followUpDueOn: string | null;
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
	// Accepted referrals widen who reads; writing and erasing stay with the record's organisation.
	const resource = await caseReadResource(db, found);
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
			details: caseEvent.details,
			authorName: person.name
		})
		.from(caseEvent)
		.leftJoin(person, eq(person.id, caseEvent.authorId))
		.where(eq(caseEvent.caseId, caseId))
		.orderBy(asc(caseEvent.occurredOn), asc(caseEvent.createdAt));
	const organisationNames = await namesOf(
		db,
		events.flatMap((event) => organisationsNamed(event.details).map(([, id]) => id))
	);
	const [town] = found.municipalityId
		? await db
				.select({ name: municipality.name })
				.from(municipality)
				.where(eq(municipality.id, found.municipalityId))
		: [];
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
		targetCategory: found.targetCategory,
		municipalityId: found.municipalityId,
		municipalityName: town?.name ?? null,
		referralSource: found.referralSource,
		organisationNames,
		identity,
		events: events.map((event) => ({ ...event, note: identified ? event.note : null })),
		canWrite: decide(grant, 'case.write', resource),
		erasedAt: await erasedAt(db, found.projectId, caseId),
		canErase: decide(grant, 'case.erase', resource),
		canRefer: decide(grant, 'case.refer', resource),
		followUpDueOn: await waitingOn(db, caseId)
	};
}

async function namesOf(db: Ctx['db'], ids: string[]): Promise<Record<string, string>> {
	if (ids.length === 0) return {};
	const rows = await db
		.select({ id: organisation.id, name: organisation.name, shortName: organisation.shortName })
		.from(organisation)
		.where(inArray(organisation.id, [...new Set(ids)]));
	return Object.fromEntries(rows.map((row) => [row.id, row.shortName ?? row.name]));
}
