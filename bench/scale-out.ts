/**
 * `npm run bench:scale-out`: one live document, 300 stock y-websocket clients spread over two
 * Tavolo instances (Redis fan-out, one PostgreSQL), against the same load on one instance.
 * Two writers (one per instance when there are two) append items; every other client's arrival
 * time gives the propagation latency. Needs DATABASE_URL and REDIS_URL. Results:
 * docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { createTestDatabase } from '../tests/support/database';
import { buildMember, buildProject, signIn } from '../tests/support/factories';
import { waitForOutput, type Started } from '../tests/support/process';

// Every stock provider adds a process 'exit' listener; hundreds of them are expected here.
process.setMaxListeners(0);

const CLIENTS = 300;
const EDITS_PER_WRITER = 100;
const EVERY_MS = 50;

const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) {
	throw new Error('bench:scale-out needs DATABASE_URL and REDIS_URL');
}

function startInstance(env: Record<string, string>): Started & { port: () => number } {
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/collab-instance.ts'], {
		env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', SEED_DEMO: 'false', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let text = '';
	child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', done));
	return {
		child,
		output: () => text,
		exited,
		port: () => Number(/listening (\d+)/.exec(text)?.[1])
	};
}

function withCookie(cookie: string): typeof globalThis.WebSocket {
	// Node's `ws` takes headers in its constructor: the cookie a browser would send by itself.
	const WithHeaders = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers: { Cookie: cookie } });
		}
	};
	return WithHeaders as unknown as typeof globalThis.WebSocket;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(instances: number): Promise<{ p50: number; p99: number; samples: number }> {
	const test = await createTestDatabase();
	const database = await openDatabase({ databaseUrl: test.env.DATABASE_URL, dataDir: 'unused' });
	await migrate(database, resolve('drizzle'));
	const project = await buildProject(database.db);
	const cookies: string[] = [];
	for (let i = 0; i < CLIENTS; i++) {
		const member = await buildMember(database.db, {
			projectId: project.id,
			role: 'partner_editor'
		});
		cookies.push(await signIn(database.db, member.person.id));
	}
	const env = {
		...test.env,
		REDIS_URL: instances > 1 ? REDIS_URL! : '',
		COLLAB_MAX_CLIENTS_PER_DOCUMENT: '1000'
	};
	const servers = Array.from({ length: instances }, () => startInstance(env));
	await Promise.all(servers.map((server) => waitForOutput(server, /listening \d+/, 120_000)));
	const name = `notes:${project.id}`;
	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	const clients = cookies.map((cookie, i) => {
		const doc = new Y.Doc();
		const url = `ws://127.0.0.1:${servers[i % instances].port()}/collab`;
		const provider = new WebsocketProvider(url, name, doc, {
			WebSocketPolyfill: withCookie(cookie),
			disableBc: true
		});
		doc.getArray<string>('bench').observe((event) => {
			if (event.transaction.local) return;
			const now = performance.now();
			for (const item of event.changes.added) {
				for (const id of item.content.getContent() as string[]) {
					const sent = sentAt.get(id);
					if (sent !== undefined) latencies.push(now - sent);
				}
			}
		});
		return { doc, provider };
	});
	while (clients.some((client) => !client.provider.synced)) {
		await new Promise((done) => setTimeout(done, 100));
	}
	const writers = [clients[0], clients[1]];
	for (let k = 0; k < EDITS_PER_WRITER; k++) {
		for (const [w, writer] of writers.entries()) {
			const id = `${w}.${k}`;
			sentAt.set(id, performance.now());
			writer.doc.getArray<string>('bench').push([id]);
		}
		await new Promise((done) => setTimeout(done, EVERY_MS));
	}
	const expected = writers.length * EDITS_PER_WRITER * (CLIENTS - 1);
	const deadline = Date.now() + 30_000;
	while (latencies.length < expected && Date.now() < deadline) {
		await new Promise((done) => setTimeout(done, 100));
	}
	for (const { provider, doc } of clients) {
		provider.destroy();
		doc.destroy();
	}
	for (const server of servers) server.child.kill('SIGTERM');
	await Promise.all(servers.map((server) => server.exited));
	await database.close();
	await test.drop();
	return {
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		samples: latencies.length
	};
}

const one = await run(1);
const two = await run(2);
const row = (label: string, r: typeof one) =>
	`| ${label.padEnd(28)} | ${String(r.samples).padStart(7)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p99.toFixed(1).padStart(7)} |`;
console.log(`| setup (${CLIENTS} clients, one document) | arrivals | p50 ms | p99 ms |`);
console.log('| --- | ---: | ---: | ---: |');
console.log(row('one instance', one));
console.log(row('two instances + Redis', two));
process.exit(0);
