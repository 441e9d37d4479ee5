import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../support/server';
import { signIn } from '../../support/factories';
import {
	DEMO_DISTRICT_IDS,
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID
} from '../../../src/lib/server/demo/ids';

/**
 * The budget split of 001 §10e on the demo project, through the HTTP door: public share across
 * the ambiti by the resident population of the target band (001's tables), then across partners.
 */
const server = await startTestServer({ seedDemo: true });
const { db } = server.runtime;
const base = `/projects/${DEMO_PROJECT_ID}/partnership/budget`;

async function post(action: string, cookie: string, form: Record<string, string>) {
	const response = await fetch(`${server.url}${base}?/${action}`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url.replace(/^http:/, 'https:'),
			cookie
		},
		body: new URLSearchParams(form).toString()
	});
	const result = (await response.json()) as { type: string; status?: number; data?: string };
	return { status: result.type === 'failure' ? result.status : 200, data: result.data ?? '' };
}

/** The CSV as rows of cells (`;`, BOM and CRLF as the writer makes them). */
async function csv(cookie: string): Promise<string[][]> {
	const response = await fetch(`${server.url}${base}/budget.csv`, { headers: { cookie } });
	expect(response.status).toBe(200);
	const text = await response.text();
	return text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((line) => line.split(';'));
}

describe('the budget split by territory and partner', () => {
	it('splits 1.000.000,00 € over the ambiti by the 13–28 population of 001', async () => {
		const coordinator = await signIn(db, DEMO_PERSON_IDS.coordinator);
		const saved = await post('budget', coordinator, {
			publicCents: '1.000.000,00',
			band: '13-28@2019-01-01'
		});
		expect(saved.status).toBe(200);
		const rows = await csv(await signIn(db, DEMO_PERSON_IDS.observer));
		expect(rows[0]).toEqual([
			'territorio',
			'popolazione_target',
			'partner',
			'quota_pubblica_euro',
			'cofinanziamento_euro',
			'area'
		]);
		const byTerritory = new Map<string, number>();
		for (const [territory, , , amount] of rows.slice(1)) {
			if (territory.startsWith('TOTALE')) continue;
			const cents = Math.round(Number(amount.replace(',', '.')) * 100);
			byTerritory.set(territory, (byTerritory.get(territory) ?? 0) + cents);
		}
		// 001: Alto Milanese 28.245, Magenta 19.424, Abbiategrasso 12.486 young people (60.155).
		// 100.000.000 cents × 28245/60155 = 46.953.702,93; × 19424/60155 = 32.289.917,71;
		// × 12486/60155 = 20.756.379,35: floors leave 2 cents, to the .93 and the .71.
		expect(Object.fromEntries(byTerritory)).toEqual({
			'Ambito Alto Milanese': 46_953_703,
			'Ambito del Magentino': 32_289_918,
			"Ambito dell'Abbiatense": 20_756_379
		});
		const total = rows.find((r) => r[0] === 'TOTALE PROGETTO')!;
		expect(total[3]).toBe('1000000');
		const partnerTotals = rows
			.filter((r) => r[0] === 'TOTALE PARTNER')
			.reduce((sum, r) => sum + Math.round(Number(r[3].replace(',', '.')) * 100), 0);
		expect(partnerTotals).toBe(100_000_000);
		// Each partner's share across its areas, to the cent: the area rows add up to it.
		const byArea = rows.filter((r) => r[0] === 'TOTALE PARTNER PER AREA');
		expect(byArea.length).toBeGreaterThan(0);
		expect(byArea.every((r) => r[5] !== '')).toBe(true);
		for (const partner of rows.filter((r) => r[0] === 'TOTALE PARTNER')) {
			const own = byArea.filter((r) => r[2] === partner[2]);
			if (own.length === 0) continue;
			const cents = (r: string[]) => Math.round(Number(r[3].replace(',', '.')) * 100);
			expect(own.reduce((sum, r) => sum + cents(r), 0)).toBe(cents(partner));
		}
		// The ambito's institutional partner works only there: Abbiatense's share, nothing else.
		const asp = rows.filter(
			(r) => r[2] === 'Servizi alla Persona Abbiatense' && !r[0].startsWith('TOTALE')
		);
		expect(asp.map((r) => r[0])).toEqual(["Ambito dell'Abbiatense"]);
	});

	it('adds a partner’s cofinanziamento and fixes a territory by hand with a reason', async () => {
		const coordinator = await signIn(db, DEMO_PERSON_IDS.coordinator);
		expect(
			(
				await post('cofinancing', coordinator, {
					organisationId: DEMO_ORGANISATION_IDS.aziendaSociale,
					cents: '20.000,50'
				})
			).status
		).toBe(200);
		const noReason = await post('override', coordinator, {
			districtId: DEMO_DISTRICT_IDS.abbiatense,
			cents: '300.000',
			reason: ' '
		});
		expect(noReason.status).toBe(400);
		expect(noReason.data).toContain('Indica il motivo');
		const tooMuch = await post('override', coordinator, {
			districtId: DEMO_DISTRICT_IDS.abbiatense,
			cents: '1.000.000,01',
			reason: 'prova'
		});
		expect(tooMuch.status).toBe(400);
		expect(tooMuch.data).toContain('superano la quota pubblica');
		const fixed = await post('override', coordinator, {
			districtId: DEMO_DISTRICT_IDS.abbiatense,
			cents: '300.000',
			reason: 'Accordo della cabina di regia del 3 marzo'
		});
		expect(fixed.status).toBe(200);
		const rows = await csv(coordinator);
		const abbiatense = rows
			.filter((r) => r[0] === "Ambito dell'Abbiatense")
			.reduce((sum, r) => sum + Math.round(Number(r[3].replace(',', '.')) * 100), 0);
		expect(abbiatense).toBe(30_000_000);
		// The other 700.000,00 € by 28245 : 19424 → 414.766,4100… and 285.233,5899… euro: the one
		// leftover cent goes to Magentino's larger fraction.
		const alto = rows
			.filter((r) => r[0] === 'Ambito Alto Milanese')
			.reduce((sum, r) => sum + Math.round(Number(r[3].replace(',', '.')) * 100), 0);
		expect(alto).toBe(41_476_641);
		const total = rows.find((r) => r[0] === 'TOTALE PROGETTO')!;
		expect(total[3]).toBe('1000000');
		expect(total[4]).toBe('20000,5');
	});

	it('refuses a bad amount with a translated message and lets only the coordinator change it', async () => {
		const coordinator = await signIn(db, DEMO_PERSON_IDS.coordinator);
		const bad = await post('budget', coordinator, {
			publicCents: '12,345',
			band: '13-28@2019-01-01'
		});
		expect(bad.status).toBe(400);
		expect(bad.data).toContain('Scrivi un importo in euro');
		const unknownBand = await post('budget', coordinator, {
			publicCents: '10',
			band: '1-2@2019-01-01'
		});
		expect(unknownBand.status).toBe(400);
		const editor = await signIn(db, DEMO_PERSON_IDS.editorAi);
		const refused = await post('budget', editor, { publicCents: '10', band: '13-28@2019-01-01' });
		expect(refused.status).toBe(403);
		const page = await fetch(`${server.url}${base}`, { headers: { cookie: editor } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Budget per territorio');
	});
});
