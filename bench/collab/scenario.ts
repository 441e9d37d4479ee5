import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { usage } from './processes';

export interface Target {
	wsUrl: string;
	name: string;
	cookies: string[];
	pid: number;
}

export interface Result {
	connectMs: number;
	p50: number;
	p95: number;
	p99: number;
	/** Server CPU while the clients connected and synced. */
	connectCpuSeconds: number;
	/** Server CPU from the first edit until every client had the last one. */
	cpuSeconds: number;
	rssGrowthMB: number;
	/** Server RSS once every client had every edit. */
	rssMB: number;
	converged: boolean;
}

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
}

export function connect(wsUrl: string, name: string, cookie: string): Client {
	const headers = { Cookie: cookie };
	const WithCookie = class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(wsUrl, name, doc, {
		WebSocketPolyfill: WithCookie as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	return { doc, provider };
}

export const synced = (client: Client) =>
	client.provider.synced
		? Promise.resolve()
		: new Promise<void>((resolve) => client.provider.once('sync', (state) => state && resolve()));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function until(check: () => boolean, ms: number): Promise<boolean> {
	const deadline = performance.now() + ms;
	while (!check()) {
		if (performance.now() > deadline) return false;
		await sleep(5);
	}
	return true;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * N stock clients on one document; `edits` edits at `perSecond` spread over `writers` of them.
 * Each edit is one transaction (text + a marker in a map), so every client can time its arrival.
 */
export async function runScenario(
	target: Target,
	options: { clients: number; writers: number; edits: number; perSecond: number }
): Promise<Result> {
	const before = usage(target.pid);
	const started = performance.now();
	const clients = target.cookies
		.slice(0, options.clients)
		.map((cookie) => connect(target.wsUrl, target.name, cookie));
	await Promise.all(clients.map(synced));
	const connectMs = performance.now() - started;
	const connected = usage(target.pid);

	const sentAt = new Float64Array(options.edits);
	const lastArrival = new Float64Array(options.edits);
	const arrivals = new Int32Array(options.edits);
	for (const client of clients) {
		client.doc.getMap('edits').observe((event) => {
			const now = performance.now();
			for (const key of event.keysChanged) {
				const index = Number(key);
				arrivals[index]++;
				lastArrival[index] = Math.max(lastArrival[index], now);
			}
		});
	}
	const writers = clients.slice(0, options.writers);
	const beginning = performance.now();
	for (let i = 0; i < options.edits; i++) {
		await sleep(beginning + (i * 1000) / options.perSecond - performance.now());
		const writer = writers[i % writers.length].doc;
		sentAt[i] = performance.now();
		writer.transact(() => {
			const text = writer.getText('body');
			text.insert(text.length, `e${i} `);
			writer.getMap('edits').set(String(i), i);
		});
	}
	await until(() => arrivals.every((n) => n === clients.length), 60_000);
	const after = usage(target.pid);
	const reference = clients[0].doc.getText('body').toString();
	const converged =
		arrivals.every((n) => n === clients.length) &&
		clients.every((client) => client.doc.getText('body').toString() === reference);
	const latencies = Array.from(sentAt, (sent, i) => lastArrival[i] - sent)
		.filter((_, i) => arrivals[i] === clients.length)
		.sort((a, b) => a - b);
	for (const client of clients) {
		client.provider.destroy();
		client.doc.destroy();
	}
	return {
		connectMs,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		connectCpuSeconds: connected.cpuSeconds - before.cpuSeconds,
		cpuSeconds: after.cpuSeconds - connected.cpuSeconds,
		rssGrowthMB: (after.rssBytes - before.rssBytes) / 2 ** 20,
		rssMB: after.rssBytes / 2 ** 20,
		converged
	};
}
