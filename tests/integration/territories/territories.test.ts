import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import { DEMO_PROJECT_ID, DEMO_PROJECT_IDS } from '../../../src/lib/server/demo/ids';
import { listForProject } from '../../../src/lib/server/territories/territories';
import { district, municipality, projectDistrict } from '../../../src/lib/server/db/schema';
import { NotFoundError, UnauthorizedError } from '../../../src/lib/server/errors';
import { actorOf, buildMember, buildPerson, buildProject } from '../../support/factories';
import { testContext } from '../../support/context';

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
});
afterAll(() => fresh.drop());

describe('territories.listForProject', () => {
	it('lists the three ambiti of WORK IN PROGRESS with their sub-districts and comuni', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const { districts, totals } = await listForProject(
			testContext(fresh.db, actor),
			DEMO_PROJECT_ID
		);
		expect(districts.map((d) => d.name)).toEqual([
			'Ambito Alto Milanese',
			'Ambito del Magentino',
			"Ambito dell'Abbiatense"
		]);
		const alto = districts[0];
		expect(alto.subdistricts.map((d) => [d.name, d.municipalities.length])).toEqual([
			['Ambito Castano Primo', 11],
			['Ambito Legnano', 10]
		]);
		expect(alto.totals).toEqual({ municipalities: 21, population: null });
		expect(districts[1].municipalities.map((m) => m.name)).toContain('Santo Stefano Ticino');
		expect(districts[1].populationBands.map((b) => [b.ageFrom, b.ageTo, b.total])).toEqual([
			[13, 28, 19_424],
			[50, 65, 29_993]
		]);
		expect(totals).toEqual({ municipalities: 48, population: null });
	});

	it('sums populations only when every comune has one', async () => {
		const { actor, project } = await projectWithTerritory([1_000, 2_500]);
		const { districts, totals } = await listForProject(testContext(fresh.db, actor), project);
		expect(districts[0].totals).toEqual({ municipalities: 2, population: 3_500 });
		expect(totals.population).toBe(3_500);
		const partial = await projectWithTerritory([1_000, null]);
		const listed = await listForProject(testContext(fresh.db, partial.actor), partial.project);
		expect(listed.totals).toEqual({ municipalities: 2, population: null });
	});

	it('answers NotFound to someone outside the project', async () => {
		const outsider = actorOf(await buildPerson(fresh.db));
		await expect(listForProject(testContext(fresh.db, outsider), DEMO_PROJECT_ID)).rejects.toThrow(
			NotFoundError
		);
		const winWin = await demoActor(fresh.db, 'winWinCoordinator');
		await expect(listForProject(testContext(fresh.db, winWin), DEMO_PROJECT_ID)).rejects.toThrow(
			NotFoundError
		);
		await expect(listForProject(testContext(fresh.db, null), DEMO_PROJECT_ID)).rejects.toThrow(
			UnauthorizedError
		);
	});

	it('lists a district whose comuni the document does not name, with none invented', async () => {
		const actor = await demoActor(fresh.db, 'winWinCoordinator');
		const { districts } = await listForProject(
			testContext(fresh.db, actor),
			DEMO_PROJECT_IDS.winWin
		);
		expect(districts.map((d) => [d.name, d.municipalities.length])).toEqual([
			['ECAD 12 – Sangro Aventino', 0]
		]);
	});
});

let made = 0;
async function projectWithTerritory(populations: (number | null)[]) {
	const created = await buildProject(fresh.db);
	const { actor } = await buildMember(fresh.db, { projectId: created.id, role: 'observer' });
	const [row] = await fresh.db
		.insert(district)
		.values({ name: `Ambito di prova ${Date.now()}-${made++}` })
		.returning();
	await fresh.db
		.insert(municipality)
		.values(
			populations.map((population, i) => ({ districtId: row.id, name: `Comune ${i}`, population }))
		);
	await fresh.db.insert(projectDistrict).values({ projectId: created.id, districtId: row.id });
	return { actor, project: created.id };
}
