import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import * as monitoring from '../../../src/lib/server/monitoring/dashboard';
import { monitoringSummary } from '../../../src/lib/server/monitoring/home';
import * as esf from '../../../src/lib/server/monitoring/esf';
import { toCsv } from '../../../src/lib/server/export/csv';
import { district, projectDistrict } from '../../../src/lib/server/db/schema';
import { ForbiddenError, InvalidError, NotFoundError } from '../../../src/lib/server/errors';
import { buildMember, buildProject } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';

const { db } = await startTestRuntime();

const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const elsewhere = await buildProject(db);
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const observer = await buildMember(db, { projectId, role: 'observer' });
const steering = await buildMember(db, { projectId, role: 'steering_member' });
const editor = await buildMember(db, { projectId, role: 'partner_editor' });
const outsider = await buildMember(db, { projectId: elsewhere.id, role: 'observer' });

const [ambito] = await db
	.insert(district)
	.values({ name: `Ambito di prova ${projectId.slice(0, 8)}` })
	.returning();
const [foreign] = await db
	.insert(district)
	.values({ name: `Ambito estraneo ${projectId.slice(0, 8)}` })
	.returning();
await db.insert(projectDistrict).values({ projectId, districtId: ambito.id });

const NAMES = ['Giulia Verdi', 'Marco Neri', 'Sara Bianchi', 'Luca Rossi'];
const people: { id: string; pseudonym: string }[] = [];
for (const [i, fullName] of NAMES.entries()) {
	const created = await records.create(ctx(operator), projectId, {
		fullName,
		fiscalCode: null,
		phone: null,
		email: null,
		referredOn: '2025-01-10',
		note: `Segnalazione di ${fullName}`
	});
	people.push(created);
	await events.add(ctx(operator), projectId, created.id, {
		kind: 'intake',
		occurredOn: `2025-0${i + 2}-01`,
		note: `Colloquio con ${fullName}`,
		status: 'intake'
	});
}
// Three internships (shown to all), one hire (withheld from non-operators).
for (const person of people.slice(0, 3)) {
	await events.add(ctx(operator), projectId, person.id, {
		kind: 'internship',
		occurredOn: '2025-06-02',
		note: '',
		status: 'internship'
	});
}
await events.add(ctx(operator), projectId, people[0].id, {
	kind: 'hire',
	occurredOn: '2025-11-03',
	note: 'Assunta da Rossi srl',
	status: 'employed'
});

const NOW = '2026-01-15';

describe('monitoring dashboard', () => {
	it('computes the indicators from the case records', async () => {
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(d.suppressing).toBe(false);
		expect(d.totals.people_in_charge).toEqual({ value: 4, suppressed: false });
		expect(d.totals.internships_started.value).toBe(3);
		expect(d.totals.hires.value).toBe(1);
		expect(d.trend.map((row) => row.period)).toEqual(['2025', '2026']);
		expect(d.trend[0].cells.active_pathways.value).toBe(4);
		expect(d.byOrganisation).toHaveLength(1);
	});

	it('groups by quarter and month from the project start to today', async () => {
		const q = await monitoring.dashboard(ctx(coordinator), projectId, 'quarter', NOW);
		expect(q.trend.map((row) => row.period)).toEqual([
			'2025-Q1',
			'2025-Q2',
			'2025-Q3',
			'2025-Q4',
			'2026-Q1'
		]);
		expect(q.trend[1].cells.internships_started.value).toBe(3);
		const months = await monitoring.dashboard(ctx(coordinator), projectId, 'month', NOW);
		expect(months.trend).toHaveLength(13);
	});

	it('withholds small cells from observers and steering members, and no identity reaches them', async () => {
		for (const who of [observer, steering, editor]) {
			const d = await monitoring.dashboard(ctx(who), projectId, 'year', NOW);
			expect(d.suppressing).toBe(true);
			expect(d.totals.people_in_charge.value).toBe(4);
			expect(d.totals.hires).toEqual({ value: null, suppressed: true });
			const text = JSON.stringify(d);
			for (const name of [...NAMES, 'Rossi srl', ...people.map((p) => p.pseudonym)]) {
				expect(text).not.toContain(name);
			}
			for (const p of people) expect(text).not.toContain(p.id);
		}
	});

	it('keeps the dashboard from people outside the project', async () => {
		await expect(monitoring.dashboard(ctx(outsider), projectId, 'year')).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});

describe('targets', () => {
	it('are entered by the coordinator, per project and per territory, and replaced when set again', async () => {
		await monitoring.setTarget(ctx(coordinator), projectId, {
			indicator: 'people_in_charge',
			districtId: null,
			target: 10,
			note: 'Scheda §5'
		});
		await monitoring.setTarget(ctx(coordinator), projectId, {
			indicator: 'people_in_charge',
			districtId: null,
			target: 8,
			note: 'Scheda §5, rivista'
		});
		await monitoring.setTarget(ctx(coordinator), projectId, {
			indicator: 'internships_started',
			districtId: ambito.id,
			target: 5,
			note: ''
		});
		const d = await monitoring.dashboard(ctx(observer), projectId, 'year', NOW);
		expect(
			d.targets.map((t) => [t.indicator, t.districtName, t.target, t.actual.value, t.progress])
		).toEqual([
			['internships_started', ambito.name, 5, 0, 0],
			['people_in_charge', null, 8, 4, 50]
		]);
	});

	it('refuse a territory outside the project, and anyone but the coordinator', async () => {
		await expect(
			monitoring.setTarget(ctx(coordinator), projectId, {
				indicator: 'hires',
				districtId: foreign.id,
				target: 3,
				note: ''
			})
		).rejects.toBeInstanceOf(InvalidError);
		for (const who of [observer, steering, operator]) {
			await expect(
				monitoring.setTarget(ctx(who), projectId, {
					indicator: 'hires',
					districtId: null,
					target: 3,
					note: ''
				})
			).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('are removed by the coordinator; an unknown one is not found', async () => {
		const before = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		const first = before.targets[0];
		await monitoring.removeTarget(ctx(coordinator), projectId, first.id);
		await expect(
			monitoring.removeTarget(ctx(coordinator), projectId, first.id)
		).rejects.toBeInstanceOf(NotFoundError);
		const after = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(after.targets).toHaveLength(before.targets.length - 1);
	});
});

describe('the project home', () => {
	it('puts the dashboard summary on the first screen of observers and steering members only', async () => {
		expect(await monitoringSummary(ctx(observer), projectId)).not.toBeNull();
		expect(await monitoringSummary(ctx(steering), projectId)).not.toBeNull();
		expect(await monitoringSummary(ctx(operator), projectId)).toBeNull();
		expect(await monitoringSummary(ctx(coordinator), projectId)).toBeNull();
	});
});

describe('ESF+ participants', () => {
	const profile = {
		gender: 'female' as const,
		labourStatus: 'long_term_unemployed' as const,
		ageBand: '30_54' as const,
		education: 'isced_3_4' as const,
		disability: null,
		thirdCountryNational: false,
		foreignBackground: true,
		minority: null,
		homeless: false,
		rural: false,
		resultAtExit: 'employed' as const,
		resultSixMonths: null
	};

	it("are recorded by the organisation's operators only", async () => {
		await esf.saveProfile(ctx(operator), projectId, people[0].id, profile);
		await esf.saveProfile(ctx(operator), projectId, people[0].id, { ...profile, rural: true });
		const seen = await esf.getProfile(ctx(operator), projectId, people[0].id);
		expect(seen.profile).toMatchObject({ gender: 'female', rural: true, disability: null });
		for (const who of [coordinator, observer, steering]) {
			await expect(esf.getProfile(ctx(who), projectId, people[0].id)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				esf.saveProfile(ctx(who), projectId, people[0].id, profile)
			).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('are exported by the coordinator, one pseudonymous row per participant, and read back', async () => {
		await events.add(ctx(operator), projectId, people[1].id, {
			kind: 'closure',
			occurredOn: '2025-08-31',
			note: 'Chiuso',
			status: 'closed'
		});
		// A person who re-enters is one record: a second intake does not add a row.
		await events.add(ctx(operator), projectId, people[1].id, {
			kind: 'intake',
			occurredOn: '2025-10-01',
			note: 'Rientro',
			status: 'intake'
		});
		const rows = await esf.participants(ctx(coordinator), projectId);
		const csv = toCsv(
			[
				{ header: 'pseudonimo', value: (r: (typeof rows)[number]) => r.pseudonym },
				{ header: 'genere', value: (r) => r.profile?.gender },
				{ header: 'data_uscita', value: (r) => r.person.closedOn },
				{ header: 'follow_up', value: (r) => esf.followUpDue(r.person.closedOn) }
			],
			rows
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
			header: true,
			delimiter: ';',
			skipEmptyLines: true
		});
		expect(parsed.data).toHaveLength(4);
		expect(new Set(parsed.data.map((r) => r.pseudonimo)).size).toBe(4);
		const first = parsed.data.find((r) => r.pseudonimo === people[0].pseudonym)!;
		expect(first.genere).toBe('female');
		for (const name of NAMES) expect(csv).not.toContain(name);
		for (const who of [observer, steering, operator]) {
			await expect(esf.participants(ctx(who), projectId)).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('are aggregated for the Annex I table on the dashboard, small cells withheld from observers', async () => {
		const d = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		const line = (row: string) => d.annex.lines.find((l) => l.row === row)!;
		expect(line('total').total.value).toBe(4);
		expect(line('total').byGender.female.value).toBe(1);
		expect(line('unemployed').total.value).toBe(1);
		expect(line('long_term_unemployed').byGender.female.value).toBe(1);
		expect(line('rural').total.value).toBe(1);
		expect(line('foreignBackground').total.value).toBe(1);
		// Recorded as employed at exit, but people[0]'s pathway is open: not a result yet.
		expect(line('exit_employed').total.value).toBe(0);
		expect(d.annex.withoutProfile.value).toBe(3);
		const seen = await monitoring.dashboard(ctx(observer), projectId, 'year', NOW);
		const seenLine = (row: string) => seen.annex.lines.find((l) => l.row === row)!;
		expect(seenLine('total').total).toEqual({ value: 4, suppressed: false });
		expect(seenLine('rural').total).toEqual({ value: null, suppressed: true });
		expect(seen.annex.withoutProfile).toEqual({ value: 3, suppressed: false });
	});

	it('the region file is served to the coordinator by the route, with every column', async () => {
		const { GET } =
			await import('../../../src/routes/(app)/projects/[projectId=uuid]/monitoring/esf.csv/+server');
		const response = await GET({
			locals: { ctx: ctx(coordinator) },
			params: { projectId }
		} as unknown as Parameters<typeof GET>[0]);
		expect(response.status).toBe(200);
		const text = await response.text();
		const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
			header: true,
			delimiter: ';',
			skipEmptyLines: true
		});
		expect(parsed.meta.fields).toContain('condizione_ingresso');
		expect(parsed.meta.fields).toContain('follow_up_6_mesi_dovuto');
		expect(parsed.data).toHaveLength(4);
		const row = parsed.data.find((r) => r.pseudonimo === people[0].pseudonym)!;
		expect(row).toMatchObject({ genere: 'female', area_rurale: 'si', disabilita: '' });
		for (const name of NAMES) expect(text).not.toContain(name);
	});
});
