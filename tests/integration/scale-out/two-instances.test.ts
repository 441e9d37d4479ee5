import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisFanout } from '../../../server/collab/fanout/redis';
import { openDatabase } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { membership } from '../../../src/lib/server/db/schema';
import { logger } from '../../../src/lib/server/log/logger';
import { connectClient, eventually, type TestClient } from '../../support/collab';
import { createTestDatabase } from '../../support/database';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startInstance, startRedis } from '../../support/instances';
import { expectStoredOnce, storedDoc } from '../../support/stored-document';

/**
 * Several Tavolo processes on one PostgreSQL database and one Redis. PGlite is one process by
 * design (the data folder is locked), so this needs DATABASE_URL; the Redis is a private
 * redis-server this file starts, kills and restarts.
 */
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(enabled)('two instances behind Redis', async () => {
	// Vitest still runs the body of a skipped suite to collect its tests: start nothing then.
	if (!enabled) {
		it.skip('needs DATABASE_URL and REDIS_URL', () => {});
		return;
	}
	const testDatabase = await createTestDatabase();
	const database = await openDatabase({
		databaseUrl: testDatabase.env.DATABASE_URL,
		dataDir: 'unused'
	});
	await migrate(database, resolve('drizzle'));
	const db = database.db;
	let redis = await startRedis();
	const env = { ...testDatabase.env, REDIS_URL: redis.url };
	const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
	// The test process is a third instance, to publish invalidations as a domain change would.
	const third = createRedisFanout({ url: redis.url, load: async () => [], log: logger });
	afterAll(async () => {
		await third.close();
		a.child.kill('SIGKILL');
		b.child.kill('SIGKILL');
		await redis.kill();
		await database.close();
		await testDatabase.drop();
	});

	async function newDocument() {
		const project = await buildProject(db);
		const cookie = async () => {
			const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
			return { cookie: await signIn(db, member.person.id), personId: member.person.id };
		};
		return { name: `notes:${project.id}`, projectId: project.id, cookie };
	}

	function converged(clients: TestClient[]): boolean {
		const first = clients[0].text.toString();
		return clients.every((client) => client.text.toString() === first);
	}

	it('relays updates and presence between clients of different instances', async () => {
		const doc = await newDocument();
		const alba = await doc.cookie();
		const onA = connectClient(a.wsUrl, doc.name, alba.cookie);
		const onB = connectClient(b.wsUrl, doc.name, (await doc.cookie()).cookie);
		await Promise.all([onA.synced(), onB.synced()]);
		onA.text.insert(0, 'Alba ');
		onB.text.insert(0, 'Bruno ');
		await eventually(() => converged([onA, onB]) && onA.text.length === 11, 'convergence');
		onA.provider.awareness.setLocalStateField('user', { name: 'Alba', color: '#0066cc' });
		// Stamped with the account by instance A (ADR 0071), relayed as such by instance B.
		const albaOnB = () =>
			onB.provider.awareness.getStates().get(onA.doc.clientID)?.user as
				{ id?: string; color?: string } | undefined;
		await eventually(() => albaOnB()?.color === '#0066cc', 'presence from the other instance');
		expect(albaOnB()?.id).toBe(alba.personId);
		await expectStoredOnce(db, doc.name, [onA, onB]);
	});

	it('closes a removed member on the other instance', async () => {
		const doc = await newDocument();
		const removed = await doc.cookie();
		const onB = connectClient(b.wsUrl, doc.name, removed.cookie);
		await onB.synced();
		const closed = onB.nextClose();
		await db.delete(membership).where(eq(membership.personId, removed.personId));
		third.publishInvalidation({ personId: removed.personId, projectId: doc.projectId });
		expect((await closed).code).toBe(4403);
	});

	it('converges within 5 s after a 10 s Redis outage, with every update stored once', async () => {
		const doc = await newDocument();
		const clients = await Promise.all(
			[a, b, a, b].map(async (instance) =>
				connectClient(instance.wsUrl, doc.name, (await doc.cookie()).cookie)
			)
		);
		await Promise.all(clients.map((client) => client.synced()));
		clients[0].text.insert(0, 'prima ');
		await eventually(() => converged(clients) && clients[3].text.length === 6, 'before');

		await redis.kill();
		const outageEnds = Date.now() + 10_000;
		let round = 0;
		while (Date.now() < outageEnds) {
			clients.forEach((client, i) => client.text.insert(client.text.length, `${i}.${round} `));
			round++;
			await new Promise((resolveWait) => setTimeout(resolveWait, 500));
		}
		// Clients of the same instance still see each other meanwhile; the others do not.
		await eventually(() => converged([clients[0], clients[2]]), 'same-instance convergence');
		expect(clients[0].text.toString()).not.toBe(clients[1].text.toString());

		redis = await startRedis(redis.port);
		await eventually(() => converged(clients), 'convergence after the outage', 5_000);
		const expected = clients[0].text.toString();
		for (let i = 0; i < clients.length; i++) expect(expected).toContain(`${i}.${round - 1} `);
		await expectStoredOnce(db, doc.name, clients);
		expect((await storedDoc(db, doc.name)).getText('body').toString()).toBe(expected);
	});
});
