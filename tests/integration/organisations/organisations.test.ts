import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import {
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID,
	DEMO_PROJECT_IDS
} from '../../../src/lib/server/demo/ids';
import { DEMO_PARTNERSHIPS } from '../../../src/lib/server/demo/data/partnerships';
import { listForProject } from '../../../src/lib/server/organisations/organisations';
import { membership } from '../../../src/lib/server/db/schema';
import { NotFoundError } from '../../../src/lib/server/errors';
import { actorOf, buildOrganisation, buildPerson } from '../../support/factories';
import { testContext } from '../../support/context';

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
});
afterAll(() => fresh.drop());

describe('organisations.listForProject', () => {
	it('lists the partnership, lead first, with the roles of each organisation’s members', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const listed = await listForProject(testContext(fresh.db, actor), DEMO_PROJECT_ID);
		const inProject = DEMO_PARTNERSHIPS.filter((p) => p.project === 'workInProgress');
		expect(listed).toHaveLength(inProject.length);
		expect(listed[0]).toMatchObject({
			id: DEMO_ORGANISATION_IDS.aziendaSociale,
			partnership: { role: 'lead' },
			members: [{ name: 'Giulia Ferraris', role: 'coordinator' }]
		});
		const ai = listed.find((o) => o.id === DEMO_ORGANISATION_IDS.ai);
		expect(ai?.partnership?.areas).toContain('esperienziale');
		expect(ai?.members).toEqual([
			{ personId: DEMO_PERSON_IDS.editorAi, name: 'Marco Colombo', role: 'partner_editor' }
		]);
		const asst = listed.find((o) => o.name === 'ASST Ovest Milanese');
		// The register's precise kind (issue 10), set by the demo's network step.
		expect(asst).toMatchObject({ kind: 'asst_ats', members: [] });
		expect(asst?.partnership?.role).toBe('network_member');
	});

	it('includes an organisation that is in the project only through a member', async () => {
		const other = await buildOrganisation(fresh.db, { name: 'Associazione di prova' });
		const someone = await buildPerson(fresh.db);
		await fresh.db.insert(membership).values({
			projectId: DEMO_PROJECT_IDS.winWin,
			personId: someone.id,
			organisationId: other.id,
			role: 'observer'
		});
		const actor = await demoActor(fresh.db, 'facilitator');
		const listed = await listForProject(testContext(fresh.db, actor), DEMO_PROJECT_IDS.winWin);
		expect(listed.at(-1)).toMatchObject({ id: other.id, partnership: null });
		expect(listed.find((o) => o.id === DEMO_ORGANISATION_IDS.puntoDock)?.members).toEqual([
			{ personId: DEMO_PERSON_IDS.facilitator, name: 'Chiara Longoni', role: 'facilitator' }
		]);
	});

	it('answers NotFound to someone outside the project', async () => {
		const outsider = actorOf(await buildPerson(fresh.db));
		await expect(listForProject(testContext(fresh.db, outsider), DEMO_PROJECT_ID)).rejects.toThrow(
			NotFoundError
		);
		const editor = await demoActor(fresh.db, 'editorAi');
		await expect(
			listForProject(testContext(fresh.db, editor), DEMO_PROJECT_IDS.winWin)
		).rejects.toThrow(NotFoundError);
	});
});
