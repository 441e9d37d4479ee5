import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/database';
import { runBuiltServer, waitForOutput, type Started } from '../../support/process';

const running: Started[] = [];
afterAll(() => {
	for (const started of running) started.child.kill('SIGKILL');
});

function start(env: Record<string, string>) {
	const started = runBuiltServer({ HOST: '127.0.0.1', ...env });
	running.push(started);
	return started;
}

describe('starting the production server', () => {
	it('migrates, listens, prints its URL, and stops cleanly on SIGTERM', async () => {
		const database = await createTestDatabase({ empty: true });
		const started = start({ ...database.env, PORT: '0', SEED_DEMO: 'false' });
		await waitForOutput(started, /Tavolo is running at http:\/\/localhost:\d+/);
		const port = /localhost:(\d+)/.exec(started.output())![1];
		const response = await fetch(`http://127.0.0.1:${port}/`);
		expect(response.status).toBeLessThan(500);
		started.child.kill('SIGTERM');
		expect(await started.exited).toBe(0);
		await database.drop();
	});

	it('explains an unreachable database and exits non-zero', async () => {
		const started = start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '0' });
		expect(await started.exited).toBe(1);
		expect(started.output()).toMatch(/Cannot reach the database at DATABASE_URL/);
		expect(started.output()).not.toMatch(/ at .*\.js:\d+/); // no stack trace
	});

	it('explains a port in use', async () => {
		const blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as { port: number }).port;
		const database = await createTestDatabase();
		const started = start({ ...database.env, PORT: String(port), SEED_DEMO: 'false' });
		expect(await started.exited).toBe(1);
		expect(started.output()).toMatch(/port is already in use/);
		blocker.close();
		await database.drop();
	});

	it('explains invalid configuration', async () => {
		const started = start({ PORT: 'not-a-port' });
		expect(await started.exited).toBe(1);
		expect(started.output()).toMatch(/Invalid configuration:[\s\S]*PORT/);
	});

	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'refuses a second process on the same data folder',
		async () => {
			const database = await createTestDatabase();
			const first = start({ ...database.env, PORT: '0', SEED_DEMO: 'false' });
			await waitForOutput(first, /Tavolo is running/);
			const second = start({ ...database.env, PORT: '0', SEED_DEMO: 'false' });
			expect(await second.exited).toBe(1);
			expect(second.output()).toMatch(/already in use by another Tavolo process/);
			first.child.kill('SIGTERM');
			expect(await first.exited).toBe(0);
			await database.drop();
		}
	);

	it.skipIf(Boolean(process.env.DATABASE_URL))(
		'starts over a lock left by an earlier boot that names a live pid (pid 1 in a restarted container)',
		async () => {
			const database = await createTestDatabase();
			const lock = join(database.env.DATA_DIR, 'tavolo.lock');
			// pid 1 runs on every machine: a pid-only check would call this folder held.
			writeFileSync(lock, JSON.stringify({ pid: 1, boot: 'an earlier boot', start: 'ticks:1' }));
			const started = start({ ...database.env, PORT: '0', SEED_DEMO: 'false' });
			await waitForOutput(started, /Tavolo is running/);
			expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(started.child.pid);
			started.child.kill('SIGTERM');
			expect(await started.exited).toBe(0);
			await database.drop();
		}
	);

	it.runIf(Boolean(process.env.DATABASE_URL))(
		'lets two instances start on one fresh PostgreSQL database at the same moment',
		async () => {
			const database = await createTestDatabase({ empty: true });
			const env = { ...database.env, PORT: '0', SEED_DEMO: 'true' };
			const both = [start(env), start(env)];
			await Promise.all(both.map((started) => waitForOutput(started, /Tavolo is running/)));
			for (const started of both) started.child.kill('SIGTERM');
			expect(await Promise.all(both.map((started) => started.exited))).toEqual([0, 0]);
			await database.drop();
		},
		// Two child processes migrate and seed the demo on one database: on a loaded machine
		// that alone has taken more than the default 30 s.
		120_000
	);
});
