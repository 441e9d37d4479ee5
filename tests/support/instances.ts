import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll } from 'vitest';
import { waitForOutput, type Started } from './process';

export interface Instance extends Started {
	port: number;
	url: string;
	wsUrl: string;
}

const children = new Set<ChildProcess>();
afterAll(() => {
	for (const child of children) child.kill('SIGKILL');
});

function track(command: string, args: string[], env: Record<string, string>): Started {
	const child = spawn(command, args, {
		env: { ...process.env, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	let text = '';
	child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => {
			children.delete(child);
			resolve(code);
		})
	);
	return { child, output: () => text, exited };
}

/**
 * A Tavolo instance (runtime + collaboration endpoint, no pages) as a child process, so a test
 * can SIGKILL it or run several on one database. Resolves once it listens.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
	const started = track(process.execPath, ['--import', 'tsx', 'tests/support/collab-instance.ts'], {
		PORT: '0',
		SEED_DEMO: 'false',
		COLLAB_ROOM_IDLE_MS: '200',
		// Not the machine's shared Redis: a test that wants Redis passes its own.
		REDIS_URL: '',
		...env
	});
	await waitForOutput(started, /listening \d+/, 90_000);
	const port = Number(/listening (\d+)/.exec(started.output())![1]);
	return {
		...started,
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/collab`
	};
}

/**
 * The instance's longest event-loop stall, in ms, since the previous call (or its start): its
 * own figure, free of whatever this process does.
 */
export async function eventLoopStall(instance: Instance): Promise<number> {
	const before = instance.output().length;
	instance.child.kill('SIGUSR2');
	const line = /event-loop max (\d+) ms/;
	for (let i = 0; i < 500; i++) {
		const found = line.exec(instance.output().slice(before));
		if (found) return Number(found[1]);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`no event-loop figure: ${instance.output().slice(before)}`);
}

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * A private redis-server the test may kill and restart (the machine's shared Redis must not be
 * touched). No persistence: a restart is an empty Redis, as after a crash.
 */
export async function startRedis(
	port?: number
): Promise<{ url: string; port: number; kill(): Promise<void> }> {
	const chosen = port ?? (await freePort());
	const started = track(
		'redis-server',
		['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{}
	);
	await waitForOutput(started, /Ready to accept connections/, 10_000);
	return {
		url: `redis://127.0.0.1:${chosen}`,
		port: chosen,
		async kill() {
			started.child.kill('SIGKILL');
			await started.exited;
		}
	};
}
