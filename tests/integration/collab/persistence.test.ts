import { count, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { createTavoloServer, type TavoloServer } from '../../../server/app';
import type { Persistence } from '../../../server/collab/persistence';
import { createMemoryPersistence } from '../../../server/collab/persistence/memory';
import { createPostgresPersistence } from '../../../server/collab/persistence/postgres';
import { collabSnapshot, collabUpdate } from '../../../src/lib/server/db/schema';
import { readDocument } from '../../../src/lib/server/live/store';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;
/** Who the tests' direct appends are from (attribution itself: tests/integration/collab/authorship.test.ts). */
const WRITER = '5f0c3a4e-1b2d-4c6e-8f90-a1b2c3d4e5f6';

function textUpdate(text: string, doc = new Y.Doc()): Uint8Array {
	const before = Y.encodeStateVector(doc);
	doc.getText('body').insert(doc.getText('body').length, text);
	return Y.encodeStateAsUpdate(doc, before);
}

function textOf(updates: Uint8Array[]): string {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('body').toString();
}

async function startWith(
	persistence: Persistence,
	compactAfter?: number
): Promise<{ app: TavoloServer; wsUrl: string }> {
	const app = createTavoloServer(server.runtime, (_req, res) => void res.end(), {
		persistence,
		compactAfter
	});
	const port = await app.listen(0, '127.0.0.1');
	onTestFinished(() => app.close());
	return { app, wsUrl: `ws://127.0.0.1:${port}/collab` };
}

async function editors(n: number) {
	const project = await buildProject(db);
	const cookies = [];
	for (let i = 0; i < n; i++) {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		cookies.push(await signIn(db, member.person.id));
	}
	return { name: `notes:${project.id}`, cookies };
}

describe.each([
	['memory', () => createMemoryPersistence()],
	['postgres', () => createPostgresPersistence(db)]
])('%s persistence', (_kind, create) => {
	it('loads nothing for a new document', async () => {
		const { name } = await editors(0);
		expect(await create().load(name)).toEqual([]);
	});

	it('keeps every appended update, also when many arrive at once (group commit)', async () => {
		const persistence = create();
		const { name } = await editors(0);
		const doc = new Y.Doc();
		const updates = Array.from({ length: 200 }, (_, i) => textUpdate(`${i},`, doc));
		await Promise.all(updates.map((update) => persistence.append(name, update, WRITER)));
		expect(textOf(await persistence.load(name))).toBe(doc.getText('body').toString());
	});

	it('compacts into one snapshot without losing updates appended meanwhile', async () => {
		const persistence = create();
		const { name } = await editors(0);
		const doc = new Y.Doc();
		for (let i = 0; i < 50; i++) await persistence.append(name, textUpdate(`a${i}`, doc), WRITER);
		const during = Array.from({ length: 50 }, (_, i) => textUpdate(`b${i}`, doc));
		await Promise.all([
			persistence.compact(name),
			...during.map((u) => persistence.append(name, u, WRITER))
		]);
		expect(textOf(await persistence.load(name))).toBe(doc.getText('body').toString());
		await persistence.compact(name);
		const stored = await persistence.load(name);
		expect(stored).toHaveLength(1);
		expect(textOf(stored)).toBe(doc.getText('body').toString());
	});

	it('serves a document from storage after its room was unloaded', async () => {
		const { wsUrl, app } = await startWith(create());
		const { name, cookies } = await editors(2);
		const a = connectClient(wsUrl, name, cookies[0]);
		await a.synced();
		for (let i = 0; i < 20; i++) a.text.insert(a.text.length, `riga ${i}\n`);
		const written = a.text.toString();
		await eventually(() => app.collab.rooms.get(name)?.doc.getText('body').toString() === written);
		a.destroy();
		await eventually(() => app.collab.rooms.get(name) === undefined, 'the room to unload');
		const b = connectClient(wsUrl, name, cookies[1]);
		await b.synced();
		expect(b.text.toString()).toBe(written);
	});

	it('closes a writer whose update cannot be stored, and relays it to nobody', async () => {
		const real = create();
		const failing: Persistence = {
			...real,
			append: (name, update, authorId) =>
				Buffer.from(update).includes('PERSO')
					? Promise.reject(new Error('disk full'))
					: real.append(name, update, authorId)
		};
		const { wsUrl } = await startWith(failing);
		const { name, cookies } = await editors(3);
		const [a, b, c] = cookies.map((cookie) => connectClient(wsUrl, name, cookie));
		await Promise.all([a.synced(), b.synced(), c.synced()]);
		const closed = a.nextClose();
		a.text.insert(0, 'PERSO');
		expect((await closed).code).toBe(1011);
		c.text.insert(0, 'salvato');
		await eventually(() => b.text.toString() === 'salvato');
		expect(b.text.toString()).toBe('salvato');
		expect(textOf(await real.load(name))).toBe('salvato');
	});
});

describe('postgres storage', () => {
	it('compacts a document at unload: one snapshot row, no update rows', async () => {
		const { wsUrl, app } = await startWith(createPostgresPersistence(db));
		const { name, cookies } = await editors(1);
		const a = connectClient(wsUrl, name, cookies[0]);
		await a.synced();
		for (let i = 0; i < 30; i++) a.text.insert(0, 'x');
		await eventually(() => app.collab.rooms.get(name)?.doc.getText('body').length === 30);
		a.destroy();
		await eventually(() => app.collab.rooms.get(name) === undefined, 'the room to unload');
		const rows = async () =>
			(
				await db
					.select({ n: count() })
					.from(collabUpdate)
					.where(eq(collabUpdate.documentName, name))
			)[0].n;
		await expect.poll(rows).toBe(0);
		const [snapshot] = await db
			.select()
			.from(collabSnapshot)
			.where(eq(collabSnapshot.documentName, name));
		expect(textOf([snapshot.state])).toBe('x'.repeat(30));
	});

	it('compacts in the background while the room stays open, once enough updates arrived', async () => {
		const { wsUrl, app } = await startWith(createPostgresPersistence(db), 20);
		const { name, cookies } = await editors(1);
		const a = connectClient(wsUrl, name, cookies[0]);
		await a.synced();
		for (let i = 0; i < 25; i++) a.text.insert(0, 'y');
		await eventually(() => app.collab.rooms.get(name)?.doc.getText('body').length === 25);
		const rows = async () =>
			(
				await db
					.select({ n: count() })
					.from(collabUpdate)
					.where(eq(collabUpdate.documentName, name))
			)[0].n;
		await expect.poll(rows, { timeout: 10_000 }).toBeLessThan(25);
		expect(app.collab.rooms.get(name)).toBeDefined();
		expect((await readDocument(db, name)).getText('body').toString()).toBe('y'.repeat(25));
	});
});
