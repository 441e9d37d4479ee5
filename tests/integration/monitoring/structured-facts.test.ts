import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import * as monitoring from '../../../src/lib/server/monitoring/dashboard';
import { loadPathwayFacts } from '../../../src/lib/server/monitoring/pathway-facts';
import { district, municipality, projectDistrict } from '../../../src/lib/server/db/schema';
import { buildMember, buildOrganisation, buildProject } from '../../support/factories';

/**
 * The structured fields of the case events, counted from a real database: every figure below
 * is worked out by hand from the events written here.
 */
const { db } = await startTestRuntime();

const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const observer = await buildMember(db, { projectId, role: 'observer' });

const tag = projectId.slice(0, 8);
// Alto Milanese above Legnano: a target of either counts the people of Legnano's comuni.
const [alto] = await db
	.insert(district)
	.values({ name: `Alto Milanese ${tag}` })
	.returning();
const [legnano] = await db
	.insert(district)
	.values({ name: `Legnano ${tag}`, parentId: alto.id })
	.returning();
const [magenta] = await db
	.insert(district)
	.values({ name: `Magentino ${tag}` })
	.returning();
await db.insert(projectDistrict).values([
	{ projectId, districtId: alto.id },
	{ projectId, districtId: magenta.id }
]);
const [rescaldina, corbetta] = await db
	.insert(municipality)
	.values([
		{ name: `Rescaldina ${tag}`, districtId: legnano.id },
		{ name: `Corbetta ${tag}`, districtId: magenta.id }
	])
	.returning();

const company = await buildOrganisation(db, { kind: 'impresa_profit' });
const coopB = await buildOrganisation(db, { kind: 'cooperativa_sociale_b' });

async function personIn(municipalityId: string | null, intakeOn: string) {
	const created = await records.create(ctx(operator), projectId, {
		fullName: `Persona ${Math.random()}`,
		fiscalCode: null,
		phone: null,
		email: null,
		referredOn: '2025-01-10',
		note: '',
		municipalityId
	});
	await events.add(ctx(operator), projectId, created.id, {
		kind: 'intake',
		occurredOn: intakeOn,
		note: '',
		status: 'intake',
		details: { level: 'first' }
	});
	return created.id;
}

// Five people: three in Rescaldina (Legnano ⊂ Alto Milanese), one in Corbetta, one unknown.
const a = await personIn(rescaldina.id, '2025-02-01');
const b = await personIn(rescaldina.id, '2025-02-01');
const c = await personIn(rescaldina.id, '2025-03-01');
const dd = await personIn(corbetta.id, '2025-03-01');
const e = await personIn(null, '2025-04-01');

const add = (
	caseId: string,
	kind: 'orientation' | 'internship' | 'hire' | 'closure',
	on: string,
	details: Record<string, string | number>,
	status: 'employed' | 'closed' | null = null
) =>
	events.add(ctx(operator), projectId, caseId, { kind, occurredOn: on, note: '', status, details });

// Orientation hours: a 2 + 3 (2025), b 4 (2025), e 1.5 (2026) → 2025: 9 h on 2 people.
await add(a, 'orientation', '2025-02-10', { hours: 2 });
await add(a, 'orientation', '2025-03-10', { hours: 3 });
await add(b, 'orientation', '2025-02-12', { hours: 4 });
await add(e, 'orientation', '2026-01-05', { hours: 1.5 });
// Internships: a 6 months, b 3.5, c 6, dd 2 → 17.5 months on 4 people, all in 2025.
for (const [caseId, months] of [
	[a, 6],
	[b, 3.5],
	[c, 6],
	[dd, 2]
] as const) {
	await add(caseId, 'internship', '2025-05-02', {
		hostOrganisationId: coopB.id,
		startOn: '2025-05-02',
		months
	});
}
// Hires: a permanent at the company, b and c fixed-term at the company, dd apprenticeship at the
// B cooperative; c hired again, permanent, by the cooperative (counts under both).
await add(
	a,
	'hire',
	'2025-11-03',
	{
		employerOrganisationId: company.id,
		sector: 'profit',
		contract: 'permanent',
		startOn: '2025-11-03'
	},
	'employed'
);
await add(
	b,
	'hire',
	'2025-11-10',
	{
		employerOrganisationId: company.id,
		sector: 'profit',
		contract: 'fixed_term',
		startOn: '2025-11-10'
	},
	'employed'
);
await add(
	c,
	'hire',
	'2025-11-12',
	{
		employerOrganisationId: company.id,
		sector: 'profit',
		contract: 'fixed_term',
		startOn: '2025-11-12'
	},
	'employed'
);
await add(
	c,
	'hire',
	'2026-01-07',
	{
		employerOrganisationId: coopB.id,
		sector: 'non_profit',
		contract: 'permanent',
		startOn: '2026-01-07'
	},
	'employed'
);
await add(
	dd,
	'hire',
	'2025-12-01',
	{
		employerOrganisationId: coopB.id,
		sector: 'non_profit',
		contract: 'apprenticeship',
		startOn: '2025-12-01'
	},
	'employed'
);
// Closures: a, b, c employed; e withdrew.
for (const caseId of [a, b, c]) {
	await add(caseId, 'closure', '2026-01-20', { reason: 'employed' }, 'closed');
}
await add(e, 'closure', '2026-01-21', { reason: 'withdrawn' }, 'closed');

// Six-month follow-ups (ESF+ longer-term result): a and c still employed, b not.
const followUp = (caseId: string, on: string, details: Record<string, string>) =>
	events.add(ctx(operator), projectId, caseId, {
		kind: 'follow_up',
		occurredOn: on,
		note: '',
		status: null,
		details
	});
await followUp(a, '2026-07-20', { situation: 'employed', contract: 'permanent' });
await followUp(b, '2026-07-21', { situation: 'not_employed' });
await followUp(c, '2026-07-22', { situation: 'employed' });

const NOW = '2026-02-01';
const asPairs = (rows: { label: string; cell: { value: number | null } }[]) =>
	Object.fromEntries(rows.map((r) => [r.label, r.cell.value]));

describe('structured pathway facts', () => {
	it('carry the territory of the comune and the counted fields, no identity', async () => {
		const people = await loadPathwayFacts(db, projectId);
		const of = (key: string) => people.find((p) => p.key === key)!;
		expect(of(a)).toMatchObject({ districtId: legnano.id, parentDistrictId: alto.id });
		expect(of(dd)).toMatchObject({ districtId: magenta.id, parentDistrictId: null });
		expect(of(e).districtId).toBeNull();
		expect(of(b).events.find((x) => x.kind === 'internship')).toEqual({
			kind: 'internship',
			on: '2025-05-02',
			months: 3.5
		});
		expect(of(a).events.find((x) => x.kind === 'hire')).toEqual({
			kind: 'hire',
			on: '2025-11-03',
			employerId: company.id,
			contract: 'permanent'
		});
		expect(of(e).events.at(-1)).toEqual({ kind: 'closure', on: '2026-01-21', reason: 'withdrawn' });
	});

	it('sum orientation hours and internship-months, in total and per year', async () => {
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(d.totals.orientation_hours).toEqual({ value: 10.5, suppressed: false });
		expect(d.totals.internship_months).toEqual({ value: 17.5, suppressed: false });
		const [y2025, y2026] = d.trend;
		expect(y2025.cells.orientation_hours.value).toBe(9);
		expect(y2025.cells.internship_months.value).toBe(17.5);
		expect(y2026.cells.internship_months.value).toBe(0);
		// 1.5 hours of one person in 2026: withheld from the observer, shown to operators.
		expect(y2026.cells.orientation_hours.value).toBe(1.5);
		const seen = await monitoring.dashboard(ctx(observer), projectId, 'year', NOW);
		expect(seen.trend[1].cells.orientation_hours).toEqual({ value: null, suppressed: true });
		// The total rests on three people (a, b, e): shown.
		expect(seen.totals.orientation_hours).toEqual({ value: 10.5, suppressed: false });
	});

	it('count hires by the register kind of the employer and by contract, closures by reason', async () => {
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(asPairs(d.hiresByEmployerKind)).toEqual({
			'Impresa profit': 3,
			'Cooperativa sociale di tipo B': 2
		});
		expect(asPairs(d.hiresByContract)).toEqual({
			'Tempo indeterminato': 2,
			'Tempo determinato': 2,
			Apprendistato: 1
		});
		expect(asPairs(d.closuresByReason)).toEqual({ Occupato: 3, 'Ritirato / abbandono': 1 });
		const seen = await monitoring.dashboard(ctx(observer), projectId, 'year', NOW);
		expect(asPairs(seen.hiresByContract)).toEqual({
			'Tempo indeterminato': null,
			'Tempo determinato': null,
			Apprendistato: null
		});
		expect(asPairs(seen.closuresByReason)).toEqual({ Occupato: 3, 'Ritirato / abbandono': null });
	});

	it('count the people employed at the six-month follow-up, on the dashboard and in Annex I', async () => {
		const people = await loadPathwayFacts(db, projectId);
		expect(people.find((p) => p.key === a)!.events.at(-1)).toEqual({
			kind: 'follow_up',
			on: '2026-07-20',
			employed: true,
			contract: 'permanent'
		});
		expect(people.find((p) => p.key === b)!.events.at(-1)).toEqual({
			kind: 'follow_up',
			on: '2026-07-21',
			employed: false
		});
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', '2026-12-01');
		expect(d.totals.employed_six_months).toEqual({ value: 2, suppressed: false });
		expect(d.trend.find((r) => r.period === '2026')!.cells.employed_six_months.value).toBe(2);
		const six = d.annex.lines.find((l) => l.row === 'six_months_employed')!;
		expect(six.total.value).toBe(2);
		const seen = await monitoring.dashboard(ctx(observer), projectId, 'year', '2026-12-01');
		expect(seen.totals.employed_six_months).toEqual({ value: null, suppressed: true });
	});

	it('count each territory from the comuni, a parent district including its sub-districts', async () => {
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		const row = (id: string) =>
			d.byTerritory.find(
				(t) => t.label === [alto, legnano, magenta].find((x) => x.id === id)!.name
			)!;
		expect(row(alto.id).cells.people_in_charge.value).toBe(3);
		expect(row(legnano.id).cells.people_in_charge.value).toBe(3);
		expect(row(magenta.id).cells.people_in_charge.value).toBe(1);
		expect(row(magenta.id).cells.internship_months.value).toBe(2);
		expect(d.peopleWithoutTerritory.value).toBe(1);

		await monitoring.setTarget(ctx(coordinator), projectId, {
			indicator: 'internship_months',
			districtId: alto.id,
			target: 31,
			note: ''
		});
		const withTarget = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(withTarget.targets.map((t) => [t.indicator, t.actual.value, t.progress])).toEqual([
			['internship_months', 15.5, 50]
		]);
	});
});
