import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/raw-query';
import { KNOWN_FOLLOW_UP_SITUATIONS } from '../../cases/pathway-values';
import { profileOf, type ProfileColumns } from './person-sql';
import {
	caseEsfProfile,
	caseEvent,
	caseRecord,
	district,
	municipality,
	type CaseEsfProfile,
	type CaseEventKind,
	type CaseStatus
} from '../db/schema';

/**
 * THE seam between the case records and monitoring: the only module of monitoring that reads
 * `case_record` / `case_event`. Everything else (indicators, dashboard, exports) works on the
 * typed facts below, which carry no identity, no note and no pseudonym.
 *
 * An event brings its counted structured fields (`case_event.details`, docs/labs.md): orientation
 * hours, internship-months, the hire's employer and contract, the closure's reason. The person's
 * territory is the district of the case's comune (territories register). docs/monitoring.md.
 */

/** The event kinds that indicators count. */
export const PATHWAY_EVENT_KINDS = [
	'intake',
	'orientation',
	'course',
	'internship',
	'hire',
	'closure',
	'follow_up'
] as const satisfies readonly CaseEventKind[];
export type PathwayEventKind = (typeof PATHWAY_EVENT_KINDS)[number];

export interface PathwayEventFact {
	kind: PathwayEventKind;
	/** ISO date, YYYY-MM-DD (a `date` column: no time zone to get wrong). */
	on: string;
	/** Orientation: hours of the meeting. */
	hours?: number;
	/** Internship: internship-months (typed, or from its start and end). */
	months?: number;
	/** Hire: the employer (an organisation of the register). */
	employerId?: string;
	/** Hire, follow-up: contract kind (pathway-values CONTRACT_KINDS). */
	contract?: string;
	/** Six-month follow-up: whether the person was employed. */
	employed?: boolean;
	/** Closure: reason (pathway-values CLOSURE_REASONS). */
	reason?: string;
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
	/** The district of the case's comune; null while the case names no comune. */
	districtId: string | null;
	/** That district's parent (Alto Milanese above Legnano), so targets of either count it. */
	parentDistrictId: string | null;
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
	districtId?: string | null;
	parentDistrictId?: string | null;
}

interface RawEvent {
	caseId: string;
	kind: CaseEventKind;
	occurredOn: string;
	status: CaseStatus | null;
	/** hours (orientation) or months (internship), as stored. */
	amount?: number;
	/** contract (hire) or reason (closure). */
	code?: string;
	/** employer (hire). */
	organisationId?: string;
	/** the situation found (six-month follow-up). */
	situation?: string;
}

const isKnownSituation = (situation: string | undefined): boolean =>
	(KNOWN_FOLLOW_UP_SITUATIONS as readonly (string | undefined)[]).includes(situation);

/** The structured fields of a raw event that its kind counts. */
function structured(event: RawEvent): Omit<PathwayEventFact, 'kind' | 'on'> {
	switch (event.kind) {
		case 'orientation':
			return event.amount === undefined ? {} : { hours: event.amount };
		case 'internship':
			return event.amount === undefined ? {} : { months: event.amount };
		case 'hire':
			return {
				...(event.organisationId ? { employerId: event.organisationId } : {}),
				...(event.code ? { contract: event.code } : {})
			};
		case 'closure':
			return event.code ? { reason: event.code } : {};
		case 'follow_up':
			return {
				// "Not reachable" says nothing of the situation (ADR 0203): no `employed` at all.
				...(isKnownSituation(event.situation) ? { employed: event.situation === 'employed' } : {}),
				...(event.code ? { contract: event.code } : {})
			};
		default:
			return {};
	}
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
		districtId: record.districtId ?? null,
		parentDistrictId: record.parentDistrictId ?? null,
		takenInChargeOn,
		closedOn,
		events: events
			.filter((e): e is RawEvent & { kind: PathwayEventKind } => isPathwayKind(e.kind))
			.map((e) => ({ kind: e.kind, on: e.occurredOn, ...structured(e) }))
	};
}

/**
 * Every person of the project as pathway facts, in one narrow query (no identity, no note);
 * callers must have authorised `monitoring.read` before.
 */
export async function loadPathwayFacts(db: Db, projectId: string): Promise<PathwayPerson[]> {
	// One row per case with its log folded into a string (kind:date:status:amount:code:org:
	// situation, in date order): 20,000 rows instead of 200,000 is what keeps the dashboard fast on PGlite
	// (bench). Every kind is read: a note may carry the status change that took the person in
	// charge. Amount is the orientation hours or internship-months; code the contract or the
	// closure reason; org the employer; situation the follow-up's. None holds ':' or ',' (numbers, codes, uuids).
	const d = caseEvent.details;
	const rows = await db
		.select({
			id: caseRecord.id,
			organisationId: caseRecord.organisationId,
			status: caseRecord.status,
			districtId: municipality.districtId,
			parentDistrictId: district.parentId,
			path: sql<string | null>`string_agg(
				${caseEvent.kind}::text || ':' || ${caseEvent.occurredOn}::text || ':' ||
				coalesce(${caseEvent.status}::text, '') || ':' ||
				coalesce(${d}->>'hours', ${d}->>'months', '') || ':' ||
				coalesce(${d}->>'contract', ${d}->>'reason', '') || ':' ||
				coalesce(${d}->>'employerOrganisationId', '') || ':' ||
				coalesce(${d}->>'situation', ''),
				',' order by ${caseEvent.occurredOn}, ${caseEvent.createdAt})`
		})
		.from(caseRecord)
		.leftJoin(caseEvent, eq(caseEvent.caseId, caseRecord.id))
		.leftJoin(municipality, eq(municipality.id, caseRecord.municipalityId))
		.leftJoin(district, eq(district.id, municipality.districtId))
		.where(eq(caseRecord.projectId, projectId))
		.groupBy(caseRecord.id, municipality.districtId, district.parentId);
	return rows.map((row) => derivePerson(row, parsePath(row.id, row.path)));
}

/** The folded log back into events (kinds, dates, codes and ids contain no ':' or ','). */
export function parsePath(caseId: string, path: string | null): RawEvent[] {
	if (!path) return [];
	return path.split(',').map((entry) => {
		const [kind, occurredOn, status, amount, code, organisationId, situation] = entry.split(':');
		const value = amount ? Number(amount) : Number.NaN;
		return {
			caseId,
			kind: kind as CaseEventKind,
			occurredOn,
			status: (status || null) as CaseStatus | null,
			...(Number.isFinite(value) ? { amount: value } : {}),
			...(code ? { code } : {}),
			...(organisationId ? { organisationId } : {}),
			...(situation ? { situation } : {})
		};
	});
}

/** The ESF+ answers of one person, without who wrote them or when. */
export type EsfProfileFacts = Omit<CaseEsfProfile, 'caseId' | 'updatedById' | 'updatedAt'>;

/** A participant for the ESF+ export: pseudonym, entry and exit, and the ESF+ profile if any. */
export interface Participant {
	/** The case's pseudonym: no name, no fiscal code. */
	pseudonym: string;
	person: Pick<PathwayPerson, 'takenInChargeOn' | 'closedOn'>;
	profile: EsfProfileFacts | null;
	/**
	 * The last six-month follow-up's answer recorded as an event (`employed`, `not_employed`,
	 * `unreachable`: the situation unknown, ADR 0203); null when none was recorded.
	 */
	followUp: string | null;
}

/** The ESF+ profiles of the project's people, by case (the `PathwayPerson` key). */
export async function loadEsfProfiles(
	db: Db,
	projectId: string
): Promise<Map<string, EsfProfileFacts>> {
	const rows = await db
		.select({ profile: caseEsfProfile })
		.from(caseEsfProfile)
		.innerJoin(caseRecord, eq(caseRecord.id, caseEsfProfile.caseId))
		.where(eq(caseRecord.projectId, projectId));
	return new Map(
		rows.map(({ profile: { caseId, updatedById: _u, updatedAt: _a, ...facts } }) => [caseId, facts])
	);
}

/**
 * The statement behind `loadParticipants` (the bench prints its plan with EXPLAIN=1): every
 * person of the project taken in charge, from the per-case summary kept on write (ADR 0175,
 * ADR 0216) — entry and exit as `derivePerson` gives them, the last follow-up's situation — so
 * the export no longer reads the log.
 */
export const participantsStatement = (projectId: string) => sql`
	select json_agg(p)::text as participants from (
		select r.pseudonym, s.taken_in::text as taken_in, s.closed_on::text as closed_on,
			f.case_id is not null as has_profile, f.gender, f.labour_status, f.age_band, f.education,
			f.disability, f.third_country_national, f.foreign_background, f.minority, f.homeless,
			f.rural, f.result_at_exit, f.result_six_months, s.follow_up_situation as follow_up
		from case_record r
		join case_summary s on s.case_id = r.id and s.project_id = ${projectId}
		left join case_esf_profile f on f.case_id = r.id
		where r.project_id = ${projectId} and s.taken_in is not null
	) p`;

/**
 * Every person of the project who entered the operation (taken in charge), once each, with the
 * ESF+ profile the operators recorded, by pseudonym. Callers must have authorised the export
 * before. Read from the summary: `tests/integration/monitoring/sql-equivalence.test.ts` holds it
 * to `derivePerson` and to the log's last follow-up.
 */
export async function loadParticipants(db: Db, projectId: string): Promise<Participant[]> {
	// One JSON value rather than 17 columns × every participant: one text to decode and parse.
	const [{ participants }] = await query<{ participants: string | null }>(
		db,
		participantsStatement(projectId)
	);
	const rows = participants ? (JSON.parse(participants) as ParticipantRow[]) : [];
	const compare = new Intl.Collator().compare;
	return rows
		.map((r) => ({
			pseudonym: r.pseudonym,
			person: { takenInChargeOn: r.taken_in, closedOn: r.closed_on },
			profile: r.has_profile ? profileOf(r) : null,
			followUp: r.follow_up
		}))
		.sort((a, b) => compare(a.pseudonym, b.pseudonym));
}

interface ParticipantRow extends ProfileColumns {
	pseudonym: string;
	taken_in: string;
	closed_on: string | null;
	has_profile: boolean;
	follow_up: string | null;
}
