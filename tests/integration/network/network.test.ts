import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import { DEMO_ORGANISATION_IDS, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { DEMO_PROGRAMME_ORGANISATION_IDS } from '../../../src/lib/server/demo/steps/network';
import { networkOf } from '../../../src/lib/server/network/network';
import { changesBetween, filterNetwork } from '../../../src/lib/network/graph-data';
import { computeMetrics } from '../../../src/lib/network/metrics';
import { NotFoundError } from '../../../src/lib/server/errors';
import { actorOf, buildPerson } from '../../support/factories';
import { testContext } from '../../support/context';

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
});
afterAll(() => fresh.drop());

describe('the network of the demo project, from its live data', () => {
	it('links every partner to the lead and the programme leads to Città Metropolitana', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const net = await networkOf(testContext(fresh.db, actor), DEMO_PROJECT_ID);
		const lead = DEMO_ORGANISATION_IDS.aziendaSociale;
		const partnership = net.edges.filter((e) => e.kind === 'partnership');
		expect(partnership.length).toBeGreaterThan(15);
		expect(partnership.every((e) => e.target === lead)).toBe(true);
		const programme = net.edges.filter((e) => e.kind === 'agreement');
		expect(programme.map((e) => e.target).sort()).toEqual(
			Object.values(DEMO_PROGRAMME_ORGANISATION_IDS).sort()
		);
		const metrics = computeMetrics(net);
		// The lead bridges every partner; Città Metropolitana bridges the programme's leads.
		const top = Object.entries(metrics.byNode).sort((a, b) => b[1].betweenness - a[1].betweenness);
		expect(top[0][0]).toBe(lead);
		expect(metrics.byNode[DEMO_ORGANISATION_IDS.cittaMetropolitana].betweenness).toBeGreaterThan(0);
	});

	it('shows the network before the project started, and what changed since', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const net = await networkOf(testContext(fresh.db, actor), DEMO_PROJECT_ID);
		const before = filterNetwork(net, { at: '2020-07-01' });
		expect(before.edges.filter((e) => e.kind === 'partnership')).toEqual([]);
		const change = changesBetween(net.edges, '2020-07-01', '2020-08-01');
		expect(change.added.some((e) => e.kind === 'partnership')).toBe(true);
		expect(change.added.some((e) => e.kind === 'agreement')).toBe(true);
		expect(change.removed).toEqual([]);
	});

	it('filters by territory and area from the partnership data', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const net = await networkOf(testContext(fresh.db, actor), DEMO_PROJECT_ID);
		const magentino = net.districts.find((d) => d.name === 'Ambito del Magentino')!;
		const there = filterNetwork(net, { districtId: magentino.id }).nodes.map((n) => n.id);
		expect(there).toContain(DEMO_ORGANISATION_IDS.udpMagentino);
		expect(there).not.toContain(DEMO_ORGANISATION_IDS.aspAbbiatense);
		const educativa = filterNetwork(net, { area: 'educativa' }).nodes.map((n) => n.id);
		expect(educativa).toContain(DEMO_ORGANISATION_IDS.melograno);
		expect(educativa).not.toContain(DEMO_ORGANISATION_IDS.promos);
	});

	it('is not shown outside the project', async () => {
		const outsider = actorOf(await buildPerson(fresh.db));
		await expect(
			networkOf(testContext(fresh.db, outsider), DEMO_PROJECT_ID)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
