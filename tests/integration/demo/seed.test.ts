import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	openFreshDatabase,
	openSeededDatabase,
	rowCounts,
	type FreshDatabase
} from './fresh-database';
import { DEMO_LOGINS, DEMO_STEPS, seedDemo } from '../../../src/lib/server/demo/seed';
import {
	DEMO_DISTRICT_IDS,
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID,
	DEMO_PROJECT_IDS
} from '../../../src/lib/server/demo/ids';
import { DEMO_ORGANISATIONS } from '../../../src/lib/server/demo/data/organisations';
import { DEMO_PROGRAMME_ORGANISATIONS } from '../../../src/lib/server/demo/data/network';
import {
	district,
	districtPopulation,
	membership,
	municipality,
	organisation,
	partnership,
	person,
	programme,
	project
} from '../../../src/lib/server/db/schema';
import { verifyPassword } from '../../../src/lib/server/auth/password';

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
});
afterAll(() => fresh.drop());

const comuniOf = (key: keyof typeof DEMO_DISTRICT_IDS) =>
	fresh.db.select().from(municipality).where(eq(municipality.districtId, DEMO_DISTRICT_IDS[key]));

describe('the demo seed', () => {
	it('creates WORK IN PROGRESS with its dates, lead body and programme', async () => {
		const [found] = await fresh.db.select().from(project).where(eq(project.id, DEMO_PROJECT_ID));
		expect(found.title).toBe('WORK IN PROGRESS – Percorsi di inclusione in costruzione');
		expect(found.startsOn).toBe('2020-07-14');
		expect(found.endsOn).toBe('2021-12-31');
		expect(found.leadOrganisationId).toBe(DEMO_ORGANISATION_IDS.aziendaSociale);
		const [inProgramme] = await fresh.db
			.select()
			.from(programme)
			.where(eq(programme.id, found.programmeId!));
		expect(inProgramme.title).toMatch(/Città Metropolitana di Milano/);
	});

	it('creates every partner the project sheet names, with its role in the partnership', async () => {
		const rows = await fresh.db.select().from(organisation);
		// 001's partners, and the other projects' leads and ATS that 002's programme names.
		const named = [...DEMO_ORGANISATIONS, ...DEMO_PROGRAMME_ORGANISATIONS].map((o) => o.name);
		expect(rows.map((o) => o.name).sort()).toEqual(named.sort());
		const roles = await fresh.db
			.select({ name: organisation.name, role: partnership.role })
			.from(partnership)
			.innerJoin(organisation, eq(partnership.organisationId, organisation.id))
			.where(eq(partnership.projectId, DEMO_PROJECT_ID));
		// 001 §10a: Azienda Sociale leads, 4 institutional partners, 12 operating partners.
		const count = (role: string) => roles.filter((r) => r.role === role).length;
		expect(roles.find((r) => r.role === 'lead')?.name).toMatch(/^Azienda Sociale/);
		expect(count('institutional_partner')).toBe(4);
		expect(count('operating_partner')).toBe(12);
		expect(roles.find((r) => r.name === 'ASST Ovest Milanese')?.role).toBe('network_member');
	});

	it('creates the districts with the comuni the document lists, populations unknown', async () => {
		// 001 §10a: 11 comuni of Azienda Sociale, 10 of So.Le, 13 of the Magentino, 14 named for
		// the Abbiatense.
		expect(await comuniOf('castanoPrimo')).toHaveLength(11);
		expect(await comuniOf('legnano')).toHaveLength(10);
		expect(await comuniOf('magentino')).toHaveLength(13);
		expect(await comuniOf('abbiatense')).toHaveLength(14);
		expect(await comuniOf('altoMilanese')).toHaveLength(0);
		const children = await fresh.db
			.select({ name: district.name })
			.from(district)
			.where(eq(district.parentId, DEMO_DISTRICT_IDS.altoMilanese));
		expect(children.map((c) => c.name).sort()).toEqual(['Ambito Castano Primo', 'Ambito Legnano']);
		const all = await fresh.db.select().from(municipality);
		expect(all).toHaveLength(48);
		expect(all.every((m) => m.population === null)).toBe(true);
	});

	it('stores the population tables of 001 §5 as written, blanks as null', async () => {
		const band = (key: keyof typeof DEMO_DISTRICT_IDS, ageFrom: number) =>
			fresh.db
				.select()
				.from(districtPopulation)
				.where(
					and(
						eq(districtPopulation.districtId, DEMO_DISTRICT_IDS[key]),
						eq(districtPopulation.ageFrom, ageFrom)
					)
				);
		const [magentaYoung] = await band('magentino', 13);
		expect(magentaYoung).toMatchObject({ ageTo: 28, males: 9_988, females: 9_436, total: 19_424 });
		const [legnanoOlder] = await band('legnano', 50);
		expect(legnanoOlder).toMatchObject({ males: 21_777, females: 22_502, total: null });
		expect(await band('castanoPrimo', 13)).toHaveLength(0);
	});

	it('lets every demo login sign in with the shared password, hashed once', async () => {
		const rows = await fresh.db.select().from(person);
		expect(rows).toHaveLength(DEMO_LOGINS.people.length);
		for (const login of DEMO_LOGINS.people) {
			const found = rows.find((r) => r.email === login.email);
			expect(found?.name).toBe(login.name);
			expect(await verifyPassword(found!.passwordHash!, DEMO_LOGINS.password)).toBe(true);
		}
		expect(new Set(rows.map((r) => r.passwordHash)).size).toBe(1);
		expect(rows.filter((r) => r.isAdmin).map((r) => r.id)).toEqual([DEMO_PERSON_IDS.admin]);
	});

	it('changes nothing when run again', async () => {
		const before = await rowCounts(fresh.db);
		expect(await seedDemo(fresh.db)).toEqual([]);
		expect(await rowCounts(fresh.db)).toEqual(before);
	});

	it('seeds once when two instances seed at the same time', { timeout: 120_000 }, async () => {
		const second = await openFreshDatabase();
		try {
			const runs = await Promise.all([seedDemo(second.db), seedDemo(second.db)]);
			expect(runs.map((applied) => applied.length).sort()).toEqual([0, DEMO_STEPS.length]);
			expect(await rowCounts(second.db)).toEqual(await rowCounts(fresh.db));
		} finally {
			await second.drop();
		}
	});

	it('keeps what users changed in demo data when seeding again', async () => {
		const editor = DEMO_PERSON_IDS.editorPromos;
		await fresh.db.delete(membership).where(eq(membership.personId, editor));
		await seedDemo(fresh.db);
		expect(await fresh.db.select().from(membership).where(eq(membership.personId, editor))).toEqual(
			[]
		);
	});

	it('runs a step added later on an existing database, and only that step', async () => {
		const before = await rowCounts(fresh.db);
		const applied = await seedDemo(fresh.db, [
			...DEMO_STEPS,
			{ name: 'test-extra', run: async () => {} }
		]);
		expect(applied).toEqual(['test-extra']);
		expect(await rowCounts(fresh.db)).toEqual({ ...before, demoSeedStep: before.demoSeedStep + 1 });
	});

	it('applies nothing of a seeding run whose step fails', async () => {
		const before = await rowCounts(fresh.db);
		const failing = {
			name: 'test-failing',
			run: async (db: typeof fresh.db) => {
				await db.insert(organisation).values({ name: 'Da annullare', kind: 'other' });
				throw new Error('step failed');
			}
		};
		await expect(seedDemo(fresh.db, [...DEMO_STEPS, failing])).rejects.toThrow('step failed');
		expect(await rowCounts(fresh.db)).toEqual(before);
	});

	it('keeps the data across a close and reopen', async () => {
		const before = await rowCounts(fresh.db);
		await fresh.close();
		const db = await fresh.reopen();
		expect(await rowCounts(db)).toEqual(before);
		expect(await seedDemo(db)).toEqual([]);
		const [winWin] = await db.select().from(project).where(eq(project.id, DEMO_PROJECT_IDS.winWin));
		expect(winWin.title).toBe('WIN-WIN');
	});
});
