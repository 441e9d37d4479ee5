import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
	caseEvent,
	caseRecord,
	district,
	labSessionCase,
	municipality,
	organisation
} from '../db/schema';
import { authorize, decide } from '../access/policy';
import { recordCaseAccess } from '../cases/audit';
import { organisationsNamed } from '../../cases/event-form';
import type { EventDetails, TargetCategory } from '../../cases/pathway-values';
import type { CaseEventKind } from '../db/schema';
import { forSession } from './excerpts';
import { labResource } from './labs';
import { findSession } from './sessions';

/**
 * What a lab sees of a case: an allow-list, not a filter (ADR 0110). The queries below select
 * only these columns, so the identity and the operators' notes never leave the database for a
 * lab, whatever a caller does with the result.
 */
export interface LabCase {
	id: string;
	pseudonym: string;
	targetCategory: TargetCategory | null;
	municipality: string | null;
	district: string | null;
	events: { kind: CaseEventKind; occurredOn: string; details: EventDetails }[];
	/** Whether the reader may take it off the session (see `sessions.detachCase`). */
	canDetach: boolean;
	/** Note excerpts its operators shared, pseudonymised before they were stored. */
	excerpts: { id: string; text: string; createdAt: Date }[];
}

export interface LabCases {
	cases: LabCase[];
	organisationNames: Record<string, string>;
}

/** The cases attached to a session, for its participants and those who run labs; audited per case. */
export async function list(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	sessionId: string
): Promise<LabCases> {
	const { lab } = await findSession(db, projectId, labId, sessionId);
	const resource = await labResource(db, lab);
	const grant = await authorize(db, actor, 'lab.write', resource);
	const signedIn = grant.actor;
	const runs = decide(grant, 'lab.run', resource);
	const rows = await db
		.select({
			id: caseRecord.id,
			// Read to decide who may detach; never returned.
			organisationId: caseRecord.organisationId,
			pseudonym: caseRecord.pseudonym,
			targetCategory: caseRecord.targetCategory,
			municipality: municipality.name,
			district: district.name
		})
		.from(labSessionCase)
		.innerJoin(caseRecord, eq(caseRecord.id, labSessionCase.caseId))
		.leftJoin(municipality, eq(municipality.id, caseRecord.municipalityId))
		.leftJoin(district, eq(district.id, municipality.districtId))
		.where(eq(labSessionCase.sessionId, sessionId))
		.orderBy(asc(caseRecord.pseudonym));
	const cases = rows.map(({ organisationId, ...c }) => ({
		...c,
		canDetach: runs || decide(grant, 'case.write', { projectId, organisationId })
	}));
	if (cases.length === 0) return { cases: [], organisationNames: {} };
	const events = await db
		.select({
			caseId: caseEvent.caseId,
			kind: caseEvent.kind,
			occurredOn: caseEvent.occurredOn,
			details: caseEvent.details
		})
		.from(caseEvent)
		.where(
			inArray(
				caseEvent.caseId,
				cases.map((c) => c.id)
			)
		)
		.orderBy(asc(caseEvent.occurredOn), asc(caseEvent.createdAt));
	const named = [
		...new Set(events.flatMap((e) => organisationsNamed(e.details).map(([, id]) => id)))
	];
	const names = named.length
		? await db
				.select({ id: organisation.id, name: organisation.name, shortName: organisation.shortName })
				.from(organisation)
				.where(inArray(organisation.id, named))
		: [];
	const excerpts = await forSession(
		db,
		sessionId,
		cases.map((c) => c.id)
	);
	for (const c of cases) {
		await recordCaseAccess(db, {
			actorId: signedIn.id,
			action: 'case.lab_read',
			projectId,
			caseId: c.id,
			detail: { sessionId }
		});
	}
	return {
		cases: cases.map((c) => ({
			...c,
			events: events
				.filter((e) => e.caseId === c.id)
				.map(({ kind, occurredOn, details }) => ({ kind, occurredOn, details })),
			excerpts: excerpts
				.filter((e) => e.caseId === c.id)
				.map(({ id, text, createdAt }) => ({ id, text, createdAt }))
		})),
		organisationNames: Object.fromEntries(names.map((n) => [n.id, n.shortName ?? n.name]))
	};
}
