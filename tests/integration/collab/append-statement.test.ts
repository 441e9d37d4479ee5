import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { collabUpdate } from '../../../src/lib/server/db/schema';
import { insertUpdateRows } from '../../../src/lib/server/db/append-statement';
import * as prepared from '../../../src/lib/server/db/pglite-prepared';
import { loadStoredUpdates } from '../../../src/lib/server/live/store';
import { startTestServer } from '../../support/server';

// The append every relayed update waits for (ADR 0016, 0017), on PGlite or, with DATABASE_URL,
// on PostgreSQL: the same rows must come back whichever driver wrote them.
const { runtime } = await startTestServer({ pages: false });
const db = runtime.db;

function documentName() {
	return `notes:${randomUUID()}`;
}

describe('appending updates', () => {
	it('stores each row byte for byte, with or without an author, in order', async () => {
		const name = documentName();
		const author = randomUUID();
		const rows = [
			{ documentName: name, update: new Uint8Array([0, 1, 2, 255]), authorId: author },
			{ documentName: name, update: new Uint8Array([0x5c, 0x78, 0x00, 0x27]), authorId: null },
			{ documentName: name, update: randomBytes(300) }
		];
		await insertUpdateRows(db, rows.slice(0, 1));
		await insertUpdateRows(db, rows.slice(1));
		const stored = await loadStoredUpdates(db, name);
		expect(stored.map((bytes) => Buffer.from(bytes).toString('hex'))).toEqual(
			rows.map((row) => Buffer.from(row.update).toString('hex'))
		);
		const authors = await db
			.select({ authorId: collabUpdate.authorId })
			.from(collabUpdate)
			.where(eq(collabUpdate.documentName, name))
			.orderBy(collabUpdate.id);
		expect(authors.map((row) => row.authorId)).toEqual([author, null, null]);
	});

	it('stores a 4 MB update whole', async () => {
		const name = documentName();
		const update = randomBytes(4 * 1024 * 1024);
		await insertUpdateRows(db, [{ documentName: name, update }]);
		const [stored] = await loadStoredUpdates(db, name);
		expect(Buffer.compare(Buffer.from(stored), update)).toBe(0);
	});

	it('stores a batch entirely or not at all', async () => {
		const name = documentName();
		const batch = [
			{ documentName: name, update: new Uint8Array([1]) },
			{ documentName: name, update: new Uint8Array([2]), authorId: 'not-a-uuid' }
		];
		await expect(insertUpdateRows(db, batch)).rejects.toThrow();
		expect(await loadStoredUpdates(db, name)).toEqual([]);
		// The connection is usable again after the failure.
		await insertUpdateRows(db, [{ documentName: name, update: new Uint8Array([3]) }]);
		expect((await loadStoredUpdates(db, name)).map((bytes) => [...bytes])).toEqual([[3]]);
	});

	it('is never swept into a transaction in progress, so its rollback cannot take the row', async () => {
		const name = documentName();
		let letTransactionEnd = () => {};
		const transactionMayEnd = new Promise<void>((resolve) => (letTransactionEnd = resolve));
		let transactionStarted = () => {};
		const started = new Promise<void>((resolve) => (transactionStarted = resolve));
		const transaction = db
			.transaction(async (tx) => {
				await tx.execute(
					sql`insert into collab_update (document_name, "update") values (${name}, '\\x01'::bytea)`
				);
				transactionStarted();
				await transactionMayEnd;
				throw new Error('roll back');
			})
			.catch(() => 'rolled back');
		await started;
		const append = insertUpdateRows(db, [{ documentName: name, update: new Uint8Array([2]) }]);
		letTransactionEnd();
		expect(await transaction).toBe('rolled back');
		await append;
		expect((await loadStoredUpdates(db, name)).map((bytes) => [...bytes])).toEqual([[2]]);
	});

	// The production build bundles this module twice (SvelteKit's server and the collaboration
	// server), both on one PGlite: the second copy must not prepare a statement again.
	it.skipIf(process.env.DATABASE_URL)(
		'prepares a statement once per PGlite, even from two copies of the module',
		async () => {
			const client = (db as { $client?: unknown }).$client;
			if (!prepared.isPgliteSession(client)) throw new Error('expected PGlite');
			const copy = (await import(
				// @ts-expect-error: the query makes Vite load a second, separate copy of the module.
				'../../../src/lib/server/db/pglite-prepared.ts?second-copy'
			)) as typeof prepared;
			expect(copy.runPrepared).not.toBe(prepared.runPrepared);
			const statement = { name: 'tavolo_test_two_copies', text: 'select $1::text', types: [25] };
			await prepared.runPrepared(client, statement, [['uno']]);
			await expect(copy.runPrepared(client, statement, [['due']])).resolves.toBeUndefined();
		}
	);
});
