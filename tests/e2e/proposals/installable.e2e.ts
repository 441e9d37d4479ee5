import { expect, test, type Page } from '@playwright/test';
import { minutesDocumentOf, offlineCopies } from '../support/offline-copies';
import { openDemoProject, personInNewContext } from '../support/session';
import { createProposal, openCanvas, sectionEditor, typeAtEnd, unique } from './canvas-support';

/**
 * The installable app shell (ADR 0193): a web manifest, and a service worker that keeps the
 * built assets and the pages a person opened, so a proposal or a meeting already opened reopens
 * with no connection at all, stays editable (y-indexeddb keeps the text, ADR 0093 and 0206) and
 * merges on reconnect.
 */
async function keptForOffline(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), {
			timeout: 30_000
		})
		.toBe(true);
}

// One person's whole round trip, and a second person signing in: minutes on a loaded machine.
test.slow(true, 'offline round trip with two people');

const pageCaches = (page: Page) =>
	page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('tavolo-pages')));

test('the manifest names the app in Italian, with icons that are served', async ({ request }) => {
	const response = await request.get('/manifest.webmanifest');
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({ name: 'Tavolo', lang: 'it', start_url: '/' });
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
	expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
	for (const icon of manifest.icons as { src: string; type: string }[]) {
		const served = await request.get(icon.src);
		expect(served.ok(), icon.src).toBe(true);
		expect(served.headers()['content-type']).toContain(icon.type);
	}
});

test('a proposal opened once reopens offline, is edited there, and the edit reaches the others', async ({
	browser
}) => {
	const giulia = await personInNewContext(browser, 'coordinator');
	await expect(giulia.locator('link[rel="manifest"]')).toHaveAttribute(
		'href',
		/manifest\.webmanifest$/
	);
	const url = await createProposal(giulia);
	await openCanvas(giulia, url);
	const before = unique('Scritto in linea');
	await typeAtEnd(giulia, sectionEditor(giulia, '2'), before);
	await keptForOffline(giulia);

	await giulia.context().setOffline(true);
	const reopened = await giulia.reload();
	expect(reopened?.fromServiceWorker()).toBe(true);
	await expect(giulia.getByTestId('canvas-connection')).toHaveText(/^Non in linea/);
	await expect(sectionEditor(giulia, '2')).toContainText(before);
	await expect(sectionEditor(giulia, '2')).toHaveAttribute('contenteditable', 'true');
	const offline = unique('Scritto senza rete dopo la ricarica');
	await typeAtEnd(giulia, sectionEditor(giulia, '2'), offline);
	await expect(giulia.getByTestId('canvas-connection')).toHaveText(
		/^Non in linea: [1-9]\d* modifiche locali in attesa$/
	);

	await giulia.context().setOffline(false);
	await expect(giulia.getByTestId('canvas-connection')).toHaveText(/Connesso/, {
		timeout: 30_000
	});
	// Another person, another browser: the edit made offline is on the server.
	const marco = await personInNewContext(browser, 'editorAi');
	await openCanvas(marco, url);
	await expect(sectionEditor(marco, '2')).toContainText(offline);
	await marco.context().close();

	// Signing out drops the kept pages: the next person on this browser finds none.
	expect(await pageCaches(giulia)).not.toEqual([]);
	await giulia.getByRole('button', { name: 'Esci' }).click();
	await expect(giulia).toHaveURL(/\/login/);
	await expect.poll(() => pageCaches(giulia)).toEqual([]);
	await giulia.context().close();
});

test('a meeting opened once reopens offline with its minutes, written there and kept by the server', async ({
	browser
}) => {
	const title = `Riunione senza rete ${Date.now().toString(36)}`;
	const giulia = await personInNewContext(browser, 'coordinator');
	const projectId = await openDemoProject(giulia);
	await giulia.goto(`/projects/${projectId}/governance`);
	await giulia.getByRole('link', { name: 'Cabina di regia allargata', exact: true }).click();
	await giulia.getByLabel('Titolo').fill(title);
	await giulia.getByLabel('Data').fill('2026-12-22');
	await giulia.getByLabel('Ordine del giorno').fill('Tirocini estivi');
	// The worker has taken this page over before the meeting is reached. It installs while Giulia
	// signs in and finds the body (it fetches every built file first), and one taking over while
	// the meeting's data is on its way sees neither that request nor the meeting as the open page
	// (its activation keeps the open page, which is still the body's): then nothing is kept and
	// keptForOffline below runs out, or not, by how long the install took on a loaded machine.
	await giulia.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
	await giulia.getByRole('button', { name: 'Convoca riunione' }).click();
	await expect(giulia).toHaveURL(/\/governance\/meetings\/[0-9a-f-]{36}$/);
	const meetingUrl = giulia.url();
	// Reached after the form, inside the app: the browser asked for the page's data only, and
	// the worker fetched and kept the page itself from that (keptForOffline below waits for it).
	const minutes = giulia.getByRole('textbox', { name: 'Testo del verbale' });
	await expect(minutes).toContainText('1. Tirocini estivi');
	await keptForOffline(giulia);
	// The minutes' text is kept too (ADR 0206), not only the page.
	await expect
		.poll(() => offlineCopies(giulia), { timeout: 30_000 })
		.toContain(minutesDocumentOf(meetingUrl));

	await giulia.context().setOffline(true);
	const reopened = await giulia.reload();
	expect(reopened?.fromServiceWorker()).toBe(true);
	await expect(minutes).toContainText('1. Tirocini estivi');
	const offline = unique('Verbale scritto senza rete');
	await minutes.getByText('1. Tirocini estivi').click();
	await giulia.keyboard.press('End');
	await giulia.keyboard.press('ArrowDown');
	await giulia.keyboard.type(offline, { delay: 10 });
	await expect(minutes).toContainText(offline);

	await giulia.context().setOffline(false);
	await expect(
		giulia.getByRole('status').filter({ hasText: 'Stato della connessione' })
	).toHaveText(/Connesso/, { timeout: 30_000 });
	// Another browser of hers, with nothing kept: what it shows came from the server.
	const elsewhere = await personInNewContext(browser, 'coordinator');
	await elsewhere.goto(meetingUrl);
	await expect(elsewhere.getByRole('textbox', { name: 'Testo del verbale' })).toContainText(
		offline,
		{ timeout: 30_000 }
	);
	await elsewhere.context().close();
	await giulia.context().close();
});
