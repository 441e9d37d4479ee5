/**
 * Checks a running server's collaboration endpoint the way a browser uses it: signs in as the
 * demo coordinator, opens the first project's notes with two stock y-websocket clients (no
 * BroadcastChannel, so edits go through the server), writes with one and waits for the other.
 *
 *   SEED_DEMO=true npm run dev   # then, in another shell:
 *   node scripts/dev-collab-check.js http://localhost:5173
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

const base = process.argv[2] ?? 'http://localhost:5173';
const signIn = await fetch(`${base}/api/session`, {
	method: 'POST',
	headers: { 'content-type': 'application/json', origin: base },
	body: JSON.stringify({ email: 'giulia.ferraris@demo.tavolo.it', password: 'tavolo-demo-2026' })
});
if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
const projects = await (await fetch(`${base}/projects`, { headers: { cookie } })).text();
const project = /\/projects\/([0-9a-f-]{36})/.exec(projects)?.[1];
if (!project) throw new Error('no project listed for the demo coordinator');

/** `ws` with the session cookie and the Origin a browser would send. */
class CookieSocket extends WebSocket {
	/**
	 * @param {string} url
	 * @param {string | string[] | undefined} protocols
	 */
	constructor(url, protocols) {
		super(url, protocols, { headers: { cookie, origin: base } });
	}
}
const open = () => {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${base.replace(/^http/, 'ws')}/collab`,
		`notes:${project}`,
		doc,
		// `ws` stands in for the browser's WebSocket, as in the tests (tests/support/collab.ts).
		{
			WebSocketPolyfill: /** @type {typeof globalThis.WebSocket} */ (
				/** @type {unknown} */ (CookieSocket)
			),
			disableBc: true
		}
	);
	return { doc, provider };
};
/** @param {{ provider: WebsocketProvider }} client */
const synced = ({ provider }) =>
	new Promise((resolve) => (provider.synced ? resolve(undefined) : provider.once('sync', resolve)));

const [writer, reader] = [open(), open()];
await Promise.all([synced(writer), synced(reader)]);
const mark = `dev check ${Date.now()}`;
writer.doc.getText('dev-check').insert(0, mark);
const started = Date.now();
while (!reader.doc.getText('dev-check').toString().includes(mark)) {
	if (Date.now() - started > 20_000) throw new Error('the edit did not reach the second client');
	await new Promise((resolve) => setTimeout(resolve, 20));
}
console.log(`collab ok: notes:${project}, relayed in ${Date.now() - started} ms`);
writer.provider.destroy();
reader.provider.destroy();
process.exit(0);
