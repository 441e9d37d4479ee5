import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
	caseEsfProfile,
	caseEvent,
	caseRecord,
	type CaseEsfProfile,
	type CaseEventKind,
	type CaseStatus
} from '../db/schema';

/**
 * THE seam between the case records and monitoring: the only module of monitoring that reads
 * `case_record` / `case_event`. Everything else (indicators, dashboard, exports) works on the
 * typed facts below, which carry no identity, no note and no pseudonym.
 *
 * Today an event is kind + date + note + status, so the facts are what those allow. When the
 * structured pathway events land (orientation hours, course qualification, internship host and
 * months, hire employer kind / contract / hours, closure reason, case target category,
 * municipality), extend `PathwayEventFact` with optional fields, fill them in `loadPathwayFacts`,
 * and add the indicators in indicators.ts: nothing else reads the case tables. docs/monitoring.md.
 */

/** The event kinds that indicators count. */
export const PATHWAY_EVENT_KINDS = [
	'intake',
	'orientation',
	'course',
	'internship',
	'hire',
	'closure'
] as const satisfies readonly CaseEventKind[];
export type PathwayEventKind = (typeof PATHWAY_EVENT_KINDS)[number];

export interface PathwayEventFact {
	kind: PathwayEventKind;
	/** ISO date, YYYY-MM-DD (a `date` column: no time zone to get wrong). */
	on: string;
}

/** One person's path, as monitoring may know it. */
export interface PathwayPerson {
	/**
	 * Opaque key to count a person once (the case id). A person is one record per project (the
	 * pseudonym is unique in the project), so a person who re-enters is still one key. Used only
	 * for counting: never sent to a page or an export.
	 */
	key: string;
	organisationId: string;
	/** The project territory (district) of the case; null while cases record none. */
	districtId: string | null;
	/** First intake; failing that, the first event that moved the path past `referred`. */
	takenInChargeOn: string | null;
	/** The last closure, when the path is closed now; null while it is open. */
	closedOn: string | null;
	/** The counted events, in date order. */
	events: PathwayEventFact[];
}

interface RawRecord {
	id: string;
	organisationId: string;
	status: CaseStatus;
}

interface RawEvent {
	caseId: string;
	kind: CaseEventKind;
	occurredOn: string;
	status: CaseStatus | null;
}

const isPathwayKind = (kind: CaseEventKind): kind is PathwayEventKind =>
	(PATHWAY_EVENT_KINDS as readonly string[]).includes(kind);

/** Pure: one record and its events (date order) → the person's facts. */
export function derivePerson(record: RawRecord, events: readonly RawEvent[]): PathwayPerson {
	const intake = events.find((e) => e.kind === 'intake');
	const movedOn = events.find((e) => e.status !== null && e.status !== 'referred');
	let takenInChargeOn = intake?.occurredOn ?? movedOn?.occurredOn ?? null;
	// Past `referred` without a dated step (a record moved on by hand): its first event.
	if (takenInChargeOn === null && record.status !== 'referred' && events.length > 0) {
		takenInChargeOn = events[0].occurredOn;
	}
	const closures = events.filter((e) => e.kind === 'closure');
	const closedOn =
		record.status === 'closed'
			? (closures.at(-1)?.occurredOn ?? events.at(-1)?.occurredOn ?? null)
			: null;
	return {
		key: record.id,
		organisationId: record.organisationId,
		districtId: null,
		takenInChargeOn,
		closedOn,
		events: events
			.filter((e): e is RawEvent & { kind: PathwayEventKind } => isPathwayKind(e.kind))
			.map((e) => ({ kind: e.kind, on: e.occurredOn }))
	};
}

/**
 * Every person of the project as pathway facts, in one narrow query (no identity, no note);
 * callers must have authorised `monitoring.read` before.
 */
export async function loadPathwayFacts(db: Db, projectId: string): Promise<PathwayPerson[]> {
	// One row per case with its log folded into a string (kind:date:status, in date order):
	// 20,000 rows instead of 200,000 is what keeps the dashboard fast on PGlite (bench).
	// Every kind is read: a note may carry the status change that took the person in charge.
	const rows = await db
		.select({
			id: caseRecord.id,
			organisationId: caseRecord.organisationId,
			status: caseRecord.status,
			path: sql<
				string | null
			>`string_agg(${caseEvent.kind}::text || ':' || ${caseEvent.occurredOn}::text || ':' || coalesce(${caseEvent.status}::text, ''), ',' order by ${caseEvent.occurredOn}, ${caseEvent.createdAt})`
		})
		.from(caseRecord)
		.leftJoin(caseEvent, eq(caseEvent.caseId, caseRecord.id))
		.where(eq(caseRecord.projectId, projectId))
		.groupBy(caseRecord.id);
	return rows.map((row) => derivePerson(row, parsePath(row.id, row.path)));
}

/** The folded log back into events (kinds, dates and statuses contain no ':' or ','). */
export function parsePath(caseId: string, path: string | null): RawEvent[] {
	if (!path) return [];
	return path.split(',').map((entry) => {
		const [kind, occurredOn, status] = entry.split(':');
		return {
			caseId,
			kind: kind as CaseEventKind,
			occurredOn,
			status: (status || null) as CaseStatus | null
		};
	});
}

/** A participant for the ESF+ export: pseudonym, pathway facts and the ESF+ profile if any. */
export interface Participant {
	/** The case's pseudonym: no name, no fiscal code. */
	pseudonym: string;
	person: PathwayPerson;
	profile: Omit<CaseEsfProfile, 'caseId' | 'updatedById' | 'updatedAt'> | null;
}

/**
 * Every person of the project who entered the operation (taken in charge), once each, with the
 * ESF+ profile the operators recorded. Callers must have authorised the export before.
 */
export async function loadParticipants(db: Db, projectId: string): Promise<Participant[]> {
	const [people, pseudonyms, profiles] = await Promise.all([
		loadPathwayFacts(db, projectId),
		db
			.select({ id: caseRecord.id, pseudonym: caseRecord.pseudonym })
			.from(caseRecord)
			.where(eq(caseRecord.projectId, projectId)),
		db
			.select({ profile: caseEsfProfile })
			.from(caseEsfProfile)
			.innerJoin(caseRecord, eq(caseRecord.id, caseEsfProfile.caseId))
			.where(eq(caseRecord.projectId, projectId))
	]);
	const pseudonymOf = new Map(pseudonyms.map((r) => [r.id, r.pseudonym]));
	const profileOf = new Map(profiles.map((r) => [r.profile.caseId, r.profile]));
	return people
		.filter((p) => p.takenInChargeOn !== null)
		.map((p) => {
			const found = profileOf.get(p.key);
			const profile = found
				? (({ caseId: _c, updatedById: _u, updatedAt: _a, ...rest }) => rest)(found)
				: null;
			return { pseudonym: pseudonymOf.get(p.key) ?? '', person: p, profile };
		})
		.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
}
