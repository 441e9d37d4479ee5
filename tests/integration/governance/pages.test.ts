import { describe, expect, it } from 'vitest';
import { docxText, inOrder, pdfText } from '../../support/export-text';
import Papa from 'papaparse';
import { signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { buildCommittee } from './fixture';

// The built SvelteKit app: run after `npm run build` (see docs/testing.md).
const server = await startTestServer();
const c = await buildCommittee(server.runtime);
const base = `${server.url}/projects/${c.projectId}/governance`;

async function get(path: string, cookie: string) {
	return fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
}

/** As `use:enhance` posts: SvelteKit answers with the action's result as JSON. */
async function post(path: string, cookie: string, fields: Record<string, string>) {
	return fetch(`${base}${path}`, {
		method: 'POST',
		// adapter-node takes requests for https unless told otherwise: the Origin a browser would send.
		headers: {
			cookie,
			origin: server.url.replace(/^http:/, 'https:'),
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

describe('governance pages', () => {
	it('show bodies, the meeting with its quorum, and refuse strangers', async () => {
		const cookie = await signIn(c.db, c.observer.person.id);
		const home = await get('', cookie);
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Cabina di regia allargata');
		const meeting = await get(`/meetings/${c.meeting.id}`, cookie);
		const html = await meeting.text();
		expect(html).toContain('Calendario delle attività');
		expect(html).toContain('Quorum non raggiunto');
		const { buildPerson } = await import('../../support/factories');
		const stranger = await signIn(c.db, (await buildPerson(c.db)).id);
		expect((await get('', stranger)).status).toBe(404);
	});

	it('record a decision through the form and list it in the register and its CSV', async () => {
		const cookie = await signIn(c.db, c.secretary.person.id);
		const created = await post(`/meetings/${c.meeting.id}?/decision`, cookie, {
			meetingId: c.meeting.id,
			text: '=Avviare lo sportello a Magenta',
			quote: 'Si decide di avviare lo sportello',
			dueOn: '2026-06-30'
		});
		expect(await created.json()).toMatchObject({ type: 'success' });
		expect(await (await get('/decisions?q=sportello', cookie)).text()).toContain(
			'Avviare lo sportello a Magenta'
		);
		const csv = await get('/decisions/register.csv', cookie);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim(), { delimiter: ';' }).data;
		expect(rows[0][0]).toBe('Testo della decisione');
		expect(rows[1][0]).toBe("'=Avviare lo sportello a Magenta");
		expect(rows[1][5]).toBe('30/06/2026');
	});

	it('returns an invalid decision form with translated field errors and the values typed', async () => {
		const cookie = await signIn(c.db, c.secretary.person.id);
		const response = await post(`/meetings/${c.meeting.id}?/decision`, cookie, {
			meetingId: c.meeting.id,
			text: 'x',
			dueOn: 'domani'
		});
		const result = await response.json();
		expect(result).toMatchObject({ type: 'failure', status: 400 });
		const body = JSON.stringify(result);
		expect(body).toContain('dueOn');
		expect(body).toContain('Alcuni campi non sono validi');
		expect(body).not.toMatch(/at .*\.ts:\d+/);
	});

	it('export the meeting as .ics and the verbale as DOCX and PDF', async () => {
		const cookie = await signIn(c.db, c.member.person.id);
		const ics = await get(`/meetings/${c.meeting.id}/meeting.ics`, cookie);
		expect(await ics.text()).toContain('BEGIN:VEVENT');
		const docx = await get(`/meetings/${c.meeting.id}/verbale/docx`, cookie);
		expect(docx.status).toBe(200);
		const pdf = await get(`/meetings/${c.meeting.id}/verbale/pdf`, cookie);
		expect(pdf.status).toBe(200);
		// Both files are the verbale: its fixed sections in order, then the approval section.
		const sections = ['Presenti', 'Assenti', 'Ordine del giorno', 'Approvazione'];
		for (const text of [
			docxText(new Uint8Array(await docx.arrayBuffer())),
			await pdfText(new Uint8Array(await pdf.arrayBuffer()))
		]) {
			expect(inOrder(text, sections)).toBe(true);
		}
	});
});
