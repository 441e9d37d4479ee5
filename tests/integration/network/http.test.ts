import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/server';
import { signIn } from '../../support/factories';
import {
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID
} from '../../../src/lib/server/demo/ids';

/** The register and the partnership at the HTTP door: the same rules as the domain door. */
const server = await startTestServer({ seedDemo: true });
const { db } = server.runtime;

async function post(path: string, cookie: string, form: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(form)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
	}
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			// adapter-node takes requests for https unless told otherwise: the Origin a browser would send.
			origin: server.url.replace(/^http:/, 'https:'),
			cookie
		},
		body: body.toString()
	});
	const result = (await response.json()) as { type: string; status?: number; data?: string };
	return { status: result.type === 'failure' ? result.status : 200, data: result.data ?? '' };
}

const card = {
	name: 'A&I Società Cooperativa Sociale Onlus',
	kind: 'cooperativa_sociale_b',
	vatNumber: '12345678903',
	accreditations: ['servizi_lavoro']
};

describe('organisation cards over HTTP', () => {
	it('lets a partner save its own card and refuses another organisation’s', async () => {
		const cookie = await signIn(db, DEMO_PERSON_IDS.editorAi);
		const own = await post(`/organisations/${DEMO_ORGANISATION_IDS.ai}?/update`, cookie, card);
		expect(own.status).toBe(200);
		const other = await post(`/organisations/${DEMO_ORGANISATION_IDS.atticus}?/update`, cookie, {
			...card,
			name: 'Atticus'
		});
		expect(other.status).toBe(403);
	});

	it('answers a wrong check digit with a translated field error, keeping the input', async () => {
		const cookie = await signIn(db, DEMO_PERSON_IDS.editorAi);
		const bad = await post(`/organisations/${DEMO_ORGANISATION_IDS.ai}?/update`, cookie, {
			...card,
			vatNumber: '12345678901'
		});
		expect(bad.status).toBe(400);
		expect(bad.data).toContain("l'ultima cifra di controllo non torna");
		expect(bad.data).toContain('12345678901');
	});

	it('shows the register and the card pages to a member', async () => {
		const cookie = await signIn(db, DEMO_PERSON_IDS.observer);
		const list = await fetch(`${server.url}/organisations`, { headers: { cookie } });
		expect(list.status).toBe(200);
		expect(await list.text()).toContain('Comune di Magnago');
		const page = await fetch(`${server.url}/projects/${DEMO_PROJECT_ID}/partnership`, {
			headers: { cookie }
		});
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Area sviluppo di comunità');
	});

	it('lets only the coordinator change the partnership', async () => {
		const form = {
			organisationId: DEMO_ORGANISATION_IDS.ai,
			role: 'operating_partner',
			areas: ['educativa']
		};
		const path = `/projects/${DEMO_PROJECT_ID}/partnership?/partner`;
		const partner = await post(path, await signIn(db, DEMO_PERSON_IDS.editorAi), form);
		expect(partner.status).toBe(403);
		const coordinator = await post(path, await signIn(db, DEMO_PERSON_IDS.coordinator), form);
		expect(coordinator.status).toBe(200);
	});
});
