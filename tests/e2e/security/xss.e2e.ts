import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { liveNotes } from '../support/live-notes';
import { openDemoProject, signIn } from '../support/session';
import { settled } from './settled';

/**
 * Payloads that a malicious partner could write without the editor's help — straight into the
 * live document through raw Yjs updates, and into presence — reach another person's Chromium
 * as text, never as code. Anything executed would set `window.__xss` or open a dialog.
 */
const PAYLOADS = [
	'<img src=x onerror="window.__xss=1">',
	'<script>window.__xss=2</script>',
	'"><svg onload="window.__xss=3">',
	"';window.__xss=4;//",
	'{{constructor.constructor("window.__xss=5")()}}'
];

function withHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
	// Node's `ws` takes headers in its constructor: the cookie a browser would send by itself.
	const WithHeaders = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
	return WithHeaders as unknown as typeof globalThis.WebSocket;
}

test('raw Yjs content, javascript: links and presence execute nothing', async ({
	page,
	baseURL
}) => {
	let dialogs = 0;
	page.on('dialog', (dialog) => {
		dialogs++;
		void dialog.dismiss();
	});
	await signIn(page, 'coordinator');
	const projectId = await openDemoProject(page);
	const editor = await liveNotes(page);

	const session = (await page.context().cookies()).find((c) => c.name === 'tavolo_session');
	expect(session).toBeDefined();
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${baseURL!.replace(/^http/, 'ws')}/collab`,
		`notes:${projectId}`,
		doc,
		{
			WebSocketPolyfill: withHeaders({
				Cookie: `tavolo_session=${session!.value}`,
				Origin: baseURL!
			}),
			disableBc: true
		}
	);
	await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
	const fragment = doc.getXmlFragment('default');
	doc.transact(() => {
		for (const payload of PAYLOADS) {
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			text.insert(0, payload);
			paragraph.insert(0, [text]);
			fragment.push([paragraph]);
		}
		const linked = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		text.insert(0, 'clicca qui', { link: { href: 'javascript:window.__xss=6', target: '_self' } });
		linked.insert(0, [text]);
		fragment.push([linked]);
		const unknown = new Y.XmlElement('img');
		unknown.setAttribute('src', 'x');
		unknown.setAttribute('onerror', 'window.__xss=7');
		fragment.push([unknown]);
	});
	provider.awareness.setLocalStateField('user', {
		id: 'forged',
		name: '<img src=x onerror="window.__xss=8">',
		color: 'red;background:url(javascript:window.__xss=9)'
	});

	for (const payload of PAYLOADS) await expect(editor).toContainText(payload);
	// Whether the editor keeps the link without its href or drops the mark, the text is there,
	// no anchor carries a javascript: address, and clicking the text runs nothing.
	await expect(editor.locator('a[href^="javascript:" i], a[href^=" javascript:" i]')).toHaveCount(
		0
	);
	await editor.getByText('clicca qui').click();
	await expect(editor.locator('img[onerror], script, svg[onload]')).toHaveCount(0);
	// Anything that would run (an image's onerror, a clicked link) has had its turn.
	await settled(page);
	expect(
		await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
	).toBeUndefined();
	expect(dialogs).toBe(0);
	provider.destroy();
	doc.destroy();
});
