import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import { DEMO_ORGANISATION_IDS, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { DEMO_PROGRAMME_ORGANISATION_IDS } from '../../../src/lib/server/demo/steps/network';
import * as register from '../../../src/lib/server/network/register';
import * as partnership from '../../../src/lib/server/network/partnership';
import { organisation } from '../../../src/lib/server/db/schema';
import { ForbiddenError, InvalidError, NotFoundError } from '../../../src/lib/server/errors';
import { actorOf, buildPerson } from '../../support/factories';
import type { OrganisationInput } from '../../../src/lib/network/organisation-form';
import { testContext } from '../../support/context';

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openSeededDatabase();
});
afterAll(() => fresh.drop());

const card = (over: Partial<OrganisationInput> = {}): OrganisationInput => ({
	name: 'A&I Società Cooperativa Sociale Onlus',
	shortName: 'A&I',
	kind: 'cooperativa_sociale_b',
	taxCode: null,
	vatNumber: '12345678903',
	pec: 'ai@pec.example.org',
	email: null,
	phone: null,
	website: null,
	address: null,
	accreditations: ['servizi_lavoro', 'formazione'],
	districtIds: [],
	...over
});

describe('the organisation register at the domain door', () => {
	it('lists every organisation of the demo project, those of 002 included', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const rows = await register.listRegister(testContext(fresh.db, actor));
		const ids = rows.map((r) => r.id);
		expect(ids).toContain(DEMO_ORGANISATION_IDS.aziendaSociale);
		expect(ids).toContain(DEMO_PROGRAMME_ORGANISATION_IDS.assemi);
		expect(ids).toContain(DEMO_PROGRAMME_ORGANISATION_IDS.atsMilano);
		const lead = rows.find((r) => r.id === DEMO_ORGANISATION_IDS.aziendaSociale);
		expect(lead).toMatchObject({ kind: 'azienda_speciale', vatNumber: '05060480968' });
		expect(rows.every((r) => !r.canEdit)).toBe(true);
	});

	it('filters by kind and by territory', async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const comuni = await register.listRegister(testContext(fresh.db, actor), { kind: 'comune' });
		expect(comuni.map((r) => r.name)).toContain('Comune di Magnago');
		expect(comuni.every((r) => r.kind === 'comune')).toBe(true);
		const lead = comuni.find((r) => r.name === 'Comune di Magnago')!;
		const there = await register.listRegister(testContext(fresh.db, actor), {
			districtId: lead.districtIds[0]
		});
		expect(there.map((r) => r.id)).toContain(DEMO_ORGANISATION_IDS.aziendaSociale);
	});

	it("lets a partner edit its own organisation's card, and no other", async () => {
		const actor = await demoActor(fresh.db, 'editorAi');
		const ctx = testContext(fresh.db, actor);
		const own = await register.getCard(ctx, DEMO_ORGANISATION_IDS.ai);
		expect(own.canEdit).toBe(true);
		await register.updateCard(ctx, DEMO_ORGANISATION_IDS.ai, card());
		const [saved] = await fresh.db
			.select()
			.from(organisation)
			.where(eq(organisation.id, DEMO_ORGANISATION_IDS.ai));
		expect(saved).toMatchObject({ kind: 'cooperativa_sociale_b', vatNumber: '12345678903' });
		expect((await register.getCard(ctx, DEMO_ORGANISATION_IDS.atticus)).canEdit).toBe(false);
		await expect(
			register.updateCard(ctx, DEMO_ORGANISATION_IDS.atticus, card({ name: 'Atticus' }))
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			register.addContact(ctx, DEMO_ORGANISATION_IDS.atticus, {
				name: 'Mario Rossi',
				role: '',
				email: null,
				phone: null
			})
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets the coordinator edit any card of the project, and keep contacts', async () => {
		const actor = await demoActor(fresh.db, 'coordinator');
		const ctx = testContext(fresh.db, actor);
		await register.addContact(ctx, DEMO_ORGANISATION_IDS.atticus, {
			name: 'Referente Atticus',
			role: 'Coordinatrice',
			email: 'referente@example.org',
			phone: null
		});
		const shown = await register.getCard(ctx, DEMO_ORGANISATION_IDS.atticus);
		expect(shown.canEdit).toBe(true);
		expect(shown.contacts.map((c) => c.name)).toEqual(['Referente Atticus']);
		await register.removeContact(ctx, DEMO_ORGANISATION_IDS.atticus, shown.contacts[0].id);
		expect((await register.getCard(ctx, DEMO_ORGANISATION_IDS.atticus)).contacts).toEqual([]);
	});

	it('refuses an unknown territory with a field issue and writes nothing', async () => {
		const actor = await demoActor(fresh.db, 'coordinator');
		const error = await register
			.updateCard(testContext(fresh.db, actor), DEMO_ORGANISATION_IDS.portico, {
				...card({ name: 'Cambiato' }),
				districtIds: ['00000000-0000-4000-8000-000000000000']
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(InvalidError);
		expect(Object.keys((error as InvalidError).issues)).toEqual(['districtIds']);
		const [row] = await fresh.db
			.select()
			.from(organisation)
			.where(eq(organisation.id, DEMO_ORGANISATION_IDS.portico));
		expect(row.name).toBe('Il Portico Cooperativa Sociale a.r.l.');
	});

	it('shows nothing to someone outside every project', async () => {
		const outsider = actorOf(await buildPerson(fresh.db));
		expect(await register.listRegister(testContext(fresh.db, outsider))).toEqual([]);
		await expect(
			register.getCard(testContext(fresh.db, outsider), DEMO_ORGANISATION_IDS.ai)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('the partnership as data', () => {
	it("shows 001's partnership with its form, areas, targets and territories", async () => {
		const actor = await demoActor(fresh.db, 'observer');
		const view = await partnership.view(testContext(fresh.db, actor), DEMO_PROJECT_ID);
		expect(view.canManage).toBe(false);
		expect(view.agreement).toMatchObject({
			signedOn: '2019-11-18',
			mandateOrganisationId: DEMO_ORGANISATION_IDS.aziendaSociale
		});
		expect(view.areas.map((a) => a.key)).toEqual([
			'educativa',
			'formativa_orientativa',
			'esperienziale',
			'sviluppo_comunita',
			'governance',
			'monitoraggio',
			'rendicontazione'
		]);
		expect(view.partners[0]).toMatchObject({
			organisationId: DEMO_ORGANISATION_IDS.aziendaSociale,
			role: 'lead'
		});
		const abbiatense = view.partners.find(
			(p) => p.organisationId === DEMO_ORGANISATION_IDS.aspAbbiatense
		);
		expect(abbiatense?.districtIds).toHaveLength(1);
	});

	it('lets only the coordinator change it, from the lists only', async () => {
		const partner = await demoActor(fresh.db, 'editorAi');
		const input = {
			organisationId: DEMO_ORGANISATION_IDS.ai,
			role: 'operating_partner' as const,
			description: 'Azioni formative',
			areas: ['governance'],
			targets: ['giovani'],
			districtIds: [],
			fromDate: '2020-07-14',
			toDate: null
		};
		await expect(
			partnership.setPartner(testContext(fresh.db, partner), DEMO_PROJECT_ID, input)
		).rejects.toBeInstanceOf(ForbiddenError);
		const coordinator = await demoActor(fresh.db, 'coordinator');
		const ctx = testContext(fresh.db, coordinator);
		await expect(
			partnership.setPartner(ctx, DEMO_PROJECT_ID, { ...input, areas: ['cucina'] })
		).rejects.toBeInstanceOf(InvalidError);
		await partnership.setPartner(ctx, DEMO_PROJECT_ID, input);
		const view = await partnership.view(ctx, DEMO_PROJECT_ID);
		expect(view.partners.find((p) => p.organisationId === DEMO_ORGANISATION_IDS.ai)).toMatchObject({
			areas: ['governance'],
			targets: ['giovani']
		});
		await expect(
			partnership.removeTerm(ctx, DEMO_PROJECT_ID, { list: 'area', key: 'governance' })
		).rejects.toMatchObject({ code: 'partnership_term_in_use' });
		await partnership.addTerm(ctx, DEMO_PROJECT_ID, { list: 'target', label: 'Donne vulnerabili' });
		await partnership.removeTerm(ctx, DEMO_PROJECT_ID, {
			list: 'target',
			key: 'donne_vulnerabili'
		});
	});
});
