import { asc, eq } from 'drizzle-orm';
import { refreshProjectSummaries } from '../../../src/lib/server/monitoring/case-summary';
import { describe, expect, it } from 'vitest';
import { startTestRuntime } from '../../support/runtime';
import {
	caseEsfProfile,
	caseEvent,
	caseRecord,
	district,
	municipality,
	organisation
} from '../../../src/lib/server/db/schema';
import { CASE_EVENT_KINDS, CASE_STATUSES } from '../../../src/lib/cases/case-values';
import {
	CLOSURE_REASONS,
	CONTRACT_KINDS,
	type EventDetails
} from '../../../src/lib/cases/pathway-values';
import {
	categoryMeasures,
	loadAggregates,
	scopeMeasures,
	trendOfAggregates
} from '../../../src/lib/server/monitoring/aggregates';
import {
	ALL_TIME,
	counts,
	inTerritory,
	measureAll,
	peopleBy,
	periodsBetween
} from '../../../src/lib/server/monitoring/compute';
import { annexOfGroups, annexTable } from '../../../src/lib/server/monitoring/annex';
import {
	loadEsfProfiles,
	loadParticipants,
	loadPathwayFacts
} from '../../../src/lib/server/monitoring/pathway-facts';
import { buildOrganisation, buildProject } from '../../support/factories';

/**
 * The dashboard counts in SQL (aggregates.ts); the pure arithmetic over every person's facts
 * (compute.ts, annex.ts — checked by hand in the unit tests) is its reference. On a random
 * fixture — every event kind and status, missing and odd fields, people re-entering, several
 * events a day, sub-districts — the two must give the same figures.
 */
const { db } = await startTestRuntime();

let seed = 20_261_201;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const day = (offset: number) =>
	new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const project = await buildProject(db, { startsOn: '2022-01-01', endsOn: '2025-12-31' });
const projectId = project.id;
const organisations = await Promise.all(
	(['impresa_profit', 'cooperativa_sociale_b', 'comune'] as const).map((kind) =>
		buildOrganisation(db, { kind })
	)
);
const tag = projectId.slice(0, 8);
const [parent] = await db
	.insert(district)
	.values({ name: `Padre ${tag}` })
	.returning();
const [child, other] = await db
	.insert(district)
	.values([{ name: `Figlio ${tag}`, parentId: parent.id }, { name: `Altro ${tag}` }])
	.returning();
const comuni = await db
	.insert(municipality)
	.values([
		{ name: `A ${tag}`, districtId: child.id },
		{ name: `B ${tag}`, districtId: other.id },
		{ name: `C ${tag}`, districtId: parent.id }
	])
	.returning();

/** The structured fields of an event, some missing, one malformed (hours: 'n/a'). */
function details(kind: string): EventDetails {
	const fields = fieldsOf(kind);
	return Object.fromEntries(
		Object.entries(fields).filter(
			(entry): entry is [string, string | number] => entry[1] !== undefined
		)
	);
}

function fieldsOf(kind: string): Record<string, string | number | undefined> {
	const maybe = <T>(value: T) => (random() < 0.8 ? value : undefined);
	switch (kind) {
		case 'orientation':
			return { hours: maybe(pick([1, 2, 2.5, 4])) };
		case 'internship':
			return { months: maybe(pick([1, 3, 6])), hours: random() < 0.1 ? 'n/a' : undefined };
		case 'hire':
			return {
				contract: maybe(pick(CONTRACT_KINDS)),
				employerOrganisationId: maybe(pick(organisations).id)
			};
		case 'closure':
			return { reason: maybe(pick(CLOSURE_REASONS)) };
		case 'follow_up':
			return {
				situation: maybe(pick(['employed', 'not_employed', 'unreachable'])),
				contract: maybe('permanent')
			};
		default:
			return {};
	}
}

const PEOPLE = 150;
const records = await db
	.insert(caseRecord)
	.values(
		Array.from({ length: PEOPLE }, (_, i) => ({
			projectId,
			organisationId: organisations[i % organisations.length].id,
			pseudonym: `P${String(i).padStart(3, '0')}`,
			status: pick(CASE_STATUSES),
			municipalityId: random() < 0.2 ? null : pick(comuni).id
		}))
	)
	.returning({ id: caseRecord.id });
await db.insert(caseEvent).values(
	records.flatMap(({ id }) => {
		const start = Math.floor(random() * 1300);
		return Array.from({ length: Math.floor(random() * 12) }, (_, step) => {
			const kind = random() < 0.6 ? pick(CASE_EVENT_KINDS) : pick(['internship', 'hire', 'intake']);
			return {
				caseId: id,
				kind: kind as (typeof CASE_EVENT_KINDS)[number],
				// Several events can share a day, and some come before the intake.
				occurredOn: day(start + Math.floor(random() * step * 40) - 20),
				status: random() < 0.5 ? pick(CASE_STATUSES) : null,
				details: details(kind),
				note: ''
			};
		});
	})
);
await db.insert(caseEsfProfile).values(
	records
		.filter(() => random() < 0.6)
		.map(({ id }) => ({
			caseId: id,
			gender: pick(['female', 'male', 'non_binary']),
			labourStatus: pick(['unemployed', 'long_term_unemployed', 'inactive', 'employed']),
			ageBand: pick(['under_18', '18_29', '30_54', '55_plus']),
			education: pick(['isced_0_2', 'isced_3_4', 'isced_5_8']),
			disability: pick([true, false, null]),
			rural: pick([true, false, null]),
			resultAtExit: pick([null, 'employed', 'job_searching']),
			resultSixMonths: pick([null, 'employed', 'better_situation'])
		}))
);
// The log was written in bulk, past the domain: derive the summary the aggregates read, as the
// demo and the migration do (case-summary.ts).
await refreshProjectSummaries(db, projectId);

const people = await loadPathwayFacts(db, projectId);

describe('the SQL aggregates equal the reference arithmetic', () => {
	it('has a fixture that exercises every branch', () => {
		expect(people.filter((p) => p.takenInChargeOn !== null).length).toBeGreaterThan(50);
		expect(people.some((p) => p.closedOn !== null)).toBe(true);
		expect(people.some((p) => p.parentDistrictId !== null)).toBe(true);
	});

	it('all time: the whole project, each organisation, each territory, the categories', async () => {
		const aggregates = await loadAggregates(db, projectId, 'year');
		expect(scopeMeasures(aggregates, 'all', '')).toEqual(measureAll(people, ALL_TIME));
		// The home summary's lighter statement gives the same scopes (totals and targets).
		const totalsOnly = await loadAggregates(db, projectId, 'year', { totalsOnly: true });
		expect(totalsOnly.scopes).toEqual(aggregates.scopes);
		for (const o of organisations) {
			const own = people.filter((p) => p.organisationId === o.id);
			expect(scopeMeasures(aggregates, 'org', o.id)).toEqual(measureAll(own, ALL_TIME));
		}
		for (const d of [parent, child, other, { id: crypto.randomUUID() }]) {
			const inside = people.filter((p) => inTerritory(p, d.id));
			expect(scopeMeasures(aggregates, 'ter', d.id)).toEqual(measureAll(inside, ALL_TIME));
		}
		const kinds = new Map(
			(await db.select({ id: organisation.id, kind: organisation.kind }).from(organisation)).map(
				(o) => [o.id, o.kind]
			)
		);
		expect(categoryMeasures(aggregates, 'employer')).toEqual(
			peopleBy(people, 'hire', (e) => (e.employerId ? kinds.get(e.employerId) : undefined))
		);
		expect(categoryMeasures(aggregates, 'contract')).toEqual(
			peopleBy(people, 'hire', (e) => e.contract)
		);
		expect(categoryMeasures(aggregates, 'reason')).toEqual(
			peopleBy(people, 'closure', (e) => e.reason)
		);
		expect(aggregates.peopleWithoutTerritory).toBe(
			people.filter((p) => p.districtId === null).length
		);
		const profiles = await loadEsfProfiles(db, projectId);
		expect(annexOfGroups(aggregates.annex)).toEqual(annexTable(people, profiles));
	});

	it.each(['year', 'quarter', 'month'] as const)('the trend by %s', async (kind) => {
		const aggregates = await loadAggregates(db, projectId, kind);
		const periods = periodsBetween('2021-10-01', '2026-03-31', kind);
		expect(trendOfAggregates(aggregates, periods)).toEqual(
			periods.map((period) => measureAll(people, period))
		);
		const firsts = people.map((p) => p.takenInChargeOn ?? p.events[0]?.on).filter(Boolean);
		const lasts = people.map((p) => p.events.at(-1)?.on ?? p.takenInChargeOn).filter(Boolean);
		expect(aggregates.firstDate).toBe(firsts.sort()[0]);
		expect(aggregates.lastDate).toBe(lasts.sort().at(-1));
	});

	// A report's from–to range (ADR 0202): odd days at both ends, so the first and last periods
	// of every kind are cut; the reference measures the cut periods themselves.
	const RANGE = { from: '2022-05-17', to: '2024-08-09' };
	const inRange = { key: 'range', start: RANGE.from, end: RANGE.to };
	const cut = (period: { key: string; start: string; end: string }) => ({
		key: period.key,
		start: period.start < RANGE.from ? RANGE.from : period.start,
		end: period.end > RANGE.to ? RANGE.to : period.end
	});

	it('a from–to range: the whole project, each organisation, territory, category, the Annex', async () => {
		const aggregates = await loadAggregates(db, projectId, 'month', { range: RANGE });
		expect(scopeMeasures(aggregates, 'all', '')).toEqual(measureAll(people, inRange));
		for (const o of organisations) {
			const own = people.filter((p) => p.organisationId === o.id);
			expect(scopeMeasures(aggregates, 'org', o.id)).toEqual(measureAll(own, inRange));
		}
		for (const d of [parent, child, other]) {
			const inside = people.filter((p) => inTerritory(p, d.id));
			expect(scopeMeasures(aggregates, 'ter', d.id)).toEqual(measureAll(inside, inRange));
		}
		const clipped = people.map((p) => ({
			...p,
			events: p.events.filter((e) => e.on >= RANGE.from && e.on <= RANGE.to)
		}));
		const kinds = new Map(
			(await db.select({ id: organisation.id, kind: organisation.kind }).from(organisation)).map(
				(o) => [o.id, o.kind]
			)
		);
		expect(categoryMeasures(aggregates, 'employer')).toEqual(
			peopleBy(clipped, 'hire', (e) => (e.employerId ? kinds.get(e.employerId) : undefined))
		);
		expect(categoryMeasures(aggregates, 'contract')).toEqual(
			peopleBy(clipped, 'hire', (e) => e.contract)
		);
		expect(categoryMeasures(aggregates, 'reason')).toEqual(
			peopleBy(clipped, 'closure', (e) => e.reason)
		);
		expect(aggregates.peopleWithoutTerritory).toBe(
			people.filter((p) => p.districtId === null && counts(p, 'active_pathways', inRange)).length
		);
		// The Annex is cumulative: the participants taken in charge by the range's end, who have
		// left when their pathway closed by then.
		const byEnd = people
			.filter((p) => p.takenInChargeOn !== null && p.takenInChargeOn <= RANGE.to)
			.map((p) => ({ ...p, closedOn: p.closedOn && p.closedOn <= RANGE.to ? p.closedOn : null }));
		const profiles = await loadEsfProfiles(db, projectId);
		expect(annexOfGroups(aggregates.annex)).toEqual(annexTable(byEnd, profiles));
		// Since the start up to the range's end (what a ranged report's targets compare with).
		const sinceStart = await loadAggregates(db, projectId, 'year', {
			totalsOnly: true,
			range: { from: '0001-01-01', to: RANGE.to }
		});
		expect(scopeMeasures(sinceStart, 'all', '')).toEqual(
			measureAll(people, { key: 'to', start: '0001-01-01', end: RANGE.to })
		);
	});

	it.each(['year', 'quarter', 'month'] as const)(
		'a from–to range: the trend by %s, its first and last periods cut to the days',
		async (kind) => {
			const aggregates = await loadAggregates(db, projectId, kind, { range: RANGE });
			const periods = periodsBetween(RANGE.from, RANGE.to, kind);
			expect(trendOfAggregates(aggregates, periods)).toEqual(
				periods.map((period) => measureAll(people, cut(period)))
			);
		}
	);

	it('the ESF+ participants: entry, exit and profile as derivePerson gives them', async () => {
		const profiles = await loadEsfProfiles(db, projectId);
		const rows = await loadParticipants(db, projectId);
		const byPseudonym = new Map(rows.map((r) => [r.pseudonym, r]));
		const expected = people.filter((p) => p.takenInChargeOn !== null);
		expect(rows).toHaveLength(expected.length);
		const pseudonyms = await db
			.select({ id: caseRecord.id, pseudonym: caseRecord.pseudonym })
			.from(caseRecord);
		const pseudonymOf = new Map(pseudonyms.map((r) => [r.id, r.pseudonym]));
		// The last follow-up's answer, read from the log in the order the log keeps.
		const followUps = await db
			.select({ caseId: caseEvent.caseId, details: caseEvent.details })
			.from(caseEvent)
			.where(eq(caseEvent.kind, 'follow_up'))
			.orderBy(asc(caseEvent.occurredOn), asc(caseEvent.createdAt), asc(caseEvent.id));
		const lastAnswer = new Map<string, string | null>();
		for (const f of followUps) {
			lastAnswer.set(f.caseId, (f.details as { situation?: string }).situation || null);
		}
		expect([...lastAnswer.values()]).toContain('unreachable');
		for (const p of expected) {
			expect(byPseudonym.get(pseudonymOf.get(p.key)!)).toEqual({
				pseudonym: pseudonymOf.get(p.key),
				person: { takenInChargeOn: p.takenInChargeOn, closedOn: p.closedOn },
				profile: profiles.get(p.key) ?? null,
				followUp: lastAnswer.get(p.key) ?? null
			});
		}
		expect(rows.map((r) => r.pseudonym)).toEqual(
			[...rows.map((r) => r.pseudonym)].sort((a, b) => a.localeCompare(b))
		);
	});
});
