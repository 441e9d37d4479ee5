import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { PRESENCE_LIMITS } from '../../../server/collab/awareness-guard';
import {
	closeOf,
	connectClient,
	eventually,
	rawSocket,
	type TestClient
} from '../../support/collab';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';

/**
 * Issue 15's presence flood: a read-only observer sends a few awareness messages carrying
 * thousands of invented client entries with large states. The server closes it with 1008
 * before applying anything, so stock clients present and newcomers never see those entries.
 * Other clients' latency during such a flood is measured by `npm run test:soak`
 * (tests/soak/presence-flood.soak.ts), not here: no clocks in the default suite.
 */
const server = await startTestServer({ pages: false });
const db = server.runtime.db;
const project = await buildProject(db);
const name = `notes:${project.id}`;
const url = `${server.wsUrl}/${name}`;
const cookieOf = async (role: 'partner_editor' | 'observer') =>
	signIn(db, (await buildMember(db, { projectId: project.id, role })).person.id);
const [editorCookie, watcherCookie, observerCookie] = await Promise.all([
	cookieOf('partner_editor'),
	cookieOf('partner_editor'),
	cookieOf('observer')
]);

const INVENTED = 900_000;

/** One awareness message (type 1) listing `entries` as y-protocols encodes them. */
function presenceMessage(entries: { clientId: number; clock: number; state: unknown }[]) {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(inner, clientId);
		encoding.writeVarUint(inner, clock);
		encoding.writeVarString(inner, JSON.stringify(state));
	}
	const outer = encoding.createEncoder();
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
	return encoding.toUint8Array(outer);
}

const invented = (count: number, from = 0, padding = 200) =>
	Array.from({ length: count }, (_, i) => ({
		clientId: INVENTED + from + i,
		clock: 1,
		state: { invented: true, user: { name: `finto ${i}` }, padding: 'x'.repeat(padding) }
	}));

const inventedIn = (client: TestClient) =>
	[...client.provider.awareness.getStates()].filter(([, state]) => state.invented === true);

/**
 * A stock editor changes its presence after the offender was closed; once the watcher sees it,
 * anything the server had relayed from the offender before would have reached the watcher too.
 */
async function afterFlood(editor: TestClient, watcher: TestClient, mark: string): Promise<void> {
	editor.provider.awareness.setLocalStateField('mark', mark);
	await eventually(
		() => watcher.provider.awareness.getStates().get(editor.doc.clientID)?.mark === mark
	);
}

async function present(): Promise<[TestClient, TestClient]> {
	const editor = connectClient(server.wsUrl, name, editorCookie);
	const watcher = connectClient(server.wsUrl, name, watcherCookie);
	editor.provider.awareness.setLocalStateField('user', { name: 'Editor' });
	await Promise.all([editor.synced(), watcher.synced()]);
	await eventually(() => watcher.provider.awareness.getStates().has(editor.doc.clientID));
	return [editor, watcher];
}

describe('a presence flood from a read-only observer', () => {
	it('closes thousands of invented entries in one message with 1008, relaying none', async () => {
		const [editor, watcher] = await present();
		const offender = await rawSocket(url, observerCookie);
		const closed = closeOf(offender);
		offender.send(presenceMessage(invented(PRESENCE_LIMITS.entriesPerMessage + 1)));
		expect(await closed).toEqual({ code: 1008, reason: 'too many presence entries' });
		await afterFlood(editor, watcher, 'after-5000');
		expect(inventedIn(watcher)).toEqual([]);
		const newcomer = connectClient(server.wsUrl, name, watcherCookie);
		await newcomer.synced();
		await eventually(() => newcomer.provider.awareness.getStates().has(editor.doc.clientID));
		expect(inventedIn(newcomer)).toEqual([]);
		expect([editor, watcher, newcomer].map((c) => c.provider.wsconnected)).toEqual([
			true,
			true,
			true
		]);
		for (const client of [editor, watcher, newcomer]) client.destroy();
	});

	it('closes a message announcing more than a few client ids with 1008', async () => {
		const [editor, watcher] = await present();
		const offender = await rawSocket(url, observerCookie);
		const closed = closeOf(offender);
		offender.send(presenceMessage(invented(PRESENCE_LIMITS.changesPerMessage + 1, 10_000)));
		expect(await closed).toEqual({ code: 1008, reason: 'too many presence entries' });
		await afterFlood(editor, watcher, 'after-9');
		expect(inventedIn(watcher)).toEqual([]);
		for (const client of [editor, watcher]) client.destroy();
	});

	it('closes a socket announcing more client ids than a person has tabs, one per message', async () => {
		const [editor, watcher] = await present();
		const offender = await rawSocket(url, observerCookie);
		const closed = closeOf(offender);
		const entries = invented(PRESENCE_LIMITS.clientIdsPerSocket + 1, 20_000, 10);
		for (const entry of entries) offender.send(presenceMessage([entry]));
		expect(await closed).toEqual({ code: 1008, reason: 'too many presence clients' });
		await afterFlood(editor, watcher, 'after-ids');
		// Those within the limit were announced, then removed when the offender's socket closed.
		expect(inventedIn(watcher)).toEqual([]);
		const newcomer = connectClient(server.wsUrl, name, watcherCookie);
		await newcomer.synced();
		await eventually(() => newcomer.provider.awareness.getStates().has(editor.doc.clientID));
		expect(inventedIn(newcomer)).toEqual([]);
		for (const client of [editor, watcher, newcomer]) client.destroy();
	});

	it('closes a state larger than the limit with 1008, relaying nothing', async () => {
		const [editor, watcher] = await present();
		const offender = await rawSocket(url, observerCookie);
		const closed = closeOf(offender);
		offender.send(presenceMessage(invented(1, 30_000, PRESENCE_LIMITS.stateBytes)));
		expect(await closed).toEqual({ code: 1008, reason: 'presence state too large' });
		await afterFlood(editor, watcher, 'after-large');
		expect(inventedIn(watcher)).toEqual([]);
		for (const client of [editor, watcher]) client.destroy();
	});

	it('keeps an observer that behaves: one state of its own, renewed, relayed to the others', async () => {
		const [editor, watcher] = await present();
		const observer = connectClient(server.wsUrl, name, observerCookie);
		observer.provider.awareness.setLocalStateField('user', { name: 'Osservatrice' });
		await observer.synced();
		for (let i = 0; i < 20; i++) observer.provider.awareness.setLocalStateField('cursor', i);
		await eventually(
			() => watcher.provider.awareness.getStates().get(observer.doc.clientID)?.cursor === 19
		);
		await afterFlood(editor, observer, 'after-observer');
		expect(observer.provider.wsconnected).toBe(true);
		for (const client of [editor, watcher, observer]) client.destroy();
	});
});
