import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { demoActor, rowCounts } from './fresh-database';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../../src/lib/server/runtime';
import { seedIfEnabled } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_IDS } from '../../../src/lib/server/demo/ids';
import { listMine } from '../../../src/lib/server/projects/projects';
import type { Db } from '../../../src/lib/server/db/client';
import { testContext } from '../../support/context';

const databases: TestDatabase[] = [];
afterAll(async () => {
	await stopRuntime();
	for (const database of databases) await database.drop();
});

async function start(env: Record<string, string>) {
	return startRuntime({ config: readConfig(env), afterMigrate: seedIfEnabled });
}

async function titlesFor(db: Db, key: keyof typeof DEMO_PERSON_IDS) {
	return (await listMine(testContext(db, await demoActor(db, key)))).map((p) => p.title);
}

// Two start-ups of an embedded database each: generous under a loaded CI machine.
describe('the demo on a started runtime', { timeout: 120_000 }, () => {
	it('seeds on first start, shows each person only their projects, and survives a restart', async () => {
		const database = await createTestDatabase();
		databases.push(database);
		const { db } = await start(database.env);
		expect(await titlesFor(db, 'facilitator')).toEqual([
			'WIN-WIN',
			'WORK IN PROGRESS – Percorsi di inclusione in costruzione'
		]);
		expect(await titlesFor(db, 'observer')).toEqual([
			'WORK IN PROGRESS – Percorsi di inclusione in costruzione'
		]);
		expect(await titlesFor(db, 'winWinCoordinator')).toEqual(['WIN-WIN']);
		expect(await titlesFor(db, 'admin')).toEqual([]);
		const before = await rowCounts(db);
		await stopRuntime();

		const restarted = await start(database.env);
		expect(await rowCounts(restarted.db)).toEqual(before);
		await stopRuntime();
	});

	it('seeds nothing when SEED_DEMO is false', async () => {
		const database = await createTestDatabase();
		databases.push(database);
		const { db } = await start({ ...database.env, SEED_DEMO: 'false' });
		const counts = await rowCounts(db);
		expect(counts.project + counts.person + counts.organisation + counts.demoSeedStep).toBe(0);
		await stopRuntime();
	});
});
