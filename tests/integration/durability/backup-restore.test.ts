import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countRows, takeBackup, type Backup } from '../../../src/lib/server/backup/backup';
import { readBackupFile } from '../../../src/lib/server/backup/backup-file';
import { restoreBackup } from '../../../src/lib/server/backup/restore';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { connectClient, eventually } from '../../support/collab';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { storedDoc } from '../../support/stored-document';

const run = promisify(execFile);
const server = await startTestServer({ pages: false, seedDemo: true });
const db = server.runtime.db;
const targets: { test: TestDatabase; database: Database }[] = [];
afterAll(async () => {
	for (const { test, database } of targets) {
		await database.close().catch(() => {});
		await test.drop();
	}
});

async function freshDatabase(): Promise<{ test: TestDatabase; database: Database }> {
	const test = await createTestDatabase();
	const database = await openDatabase({
		databaseUrl: test.env.DATABASE_URL,
		dataDir: test.env.DATA_DIR ?? 'unused'
	});
	await migrate(database, resolve('drizzle'));
	const target = { test, database };
	targets.push(target);
	return target;
}

function countsOf(backup: Backup): Record<string, number> {
	return Object.fromEntries(backup.tables.map((table) => [table.name, table.rows.length]));
}

describe('backup and restore', () => {
	it(
		'takes a consistent backup while people edit, and restores it whole',
		{ timeout: 120_000 },
		async () => {
			const project = await buildProject(db);
			const name = `notes:${project.id}`;
			const writers = await Promise.all(
				[0, 1, 2].map(async () => {
					const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
					return connectClient(server.wsUrl, name, await signIn(db, member.person.id));
				})
			);
			await Promise.all(writers.map((writer) => writer.synced()));
			let typing = true;
			const typed = writers.map(async (writer, w) => {
				for (let k = 0; typing; k++) {
					writer.text.insert(writer.text.length, `<${w}.${k}>`);
					await new Promise((done) => setTimeout(done, 2));
				}
			});
			await eventually(() => writers[0].text.length > 200, 'some text');
			const during = await takeBackup(db);
			typing = false;
			await Promise.all(typed);
			await eventually(
				() => new Set(writers.map((w) => w.text.toString())).size === 1,
				'convergence'
			);
			await server.app.collab.rooms.get(name)?.settled();
			const after = await takeBackup(db);
			const final = (await storedDoc(db, name)).getText('body').toString();
			expect(final).toBe(writers[0].text.toString());

			const target = await freshDatabase();
			await restoreBackup(target.database.db, after);
			expect(await countRows(target.database.db)).toEqual(countsOf(after));
			expect((await storedDoc(target.database.db, name)).getText('body').toString()).toBe(final);

			await restoreBackup(target.database.db, during);
			expect(await countRows(target.database.db)).toEqual(countsOf(during));
			const restored = await storedDoc(target.database.db, name);
			expect(restored.getText('body').length).toBeGreaterThan(0);
			const source = Y.snapshot(await storedDoc(db, name));
			expect(Y.snapshotContainsUpdate(source, Y.encodeStateAsUpdate(restored))).toBe(true);
			expect(await countRows(target.database.db)).not.toEqual({});
		}
	);

	// Two CLI processes each open PGlite and run every migration: minutes on a busy 2-core
	// machine. The limit only stops a hang; speed is the benchmarks' business.
	it('works as the documented commands, file to file', { timeout: 180_000 }, async () => {
		const source = await freshDatabase();
		await restoreBackup(source.database.db, await takeBackup(db));
		const expected = await countRows(source.database.db);
		await source.database.close();
		const folder = mkdtempSync(join(tmpdir(), 'tavolo-backup-'));
		const file = join(folder, 'tavolo.json.gz');
		const env = { ...process.env, ...source.test.env, LOG_LEVEL: 'warn' };
		const made = await run(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', file], {
			env
		});
		expect(made.stdout).toMatch(/Backup written to .*tavolo\.json\.gz/);
		expect(countsOf(await readBackupFile(file))).toEqual(expected);

		const target = await freshDatabase();
		await target.database.close();
		const restoredEnv = { ...process.env, ...target.test.env, LOG_LEVEL: 'warn' };
		const restored = await run(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', file], {
			env: restoredEnv
		});
		expect(restored.stdout).toMatch(/Restored \d+ rows/);
		const reopened = await openDatabase({
			databaseUrl: target.test.env.DATABASE_URL,
			dataDir: target.test.env.DATA_DIR ?? 'unused'
		});
		targets.push({ test: target.test, database: reopened });
		expect(await countRows(reopened.db)).toEqual(expected);
	});
});
