import { EventEmitter } from 'node:events';
import {
	createServer,
	request,
	type IncomingMessage,
	type Server,
	type ServerResponse
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission, type Admission } from '../../../server/admission';

/**
 * A real HTTP server whose handler holds each request until the test lets it go, behind the
 * admission gate: what starts, in which order, and what is answered 503.
 */
function gatedServer(limit: number, maxWaitMs: number) {
	const admission = createAdmission({ limit, maxWaitMs });
	const started: string[] = [];
	const held = new Map<string, () => void>();
	const server = createServer((req, res) =>
		admission.admit(req, res, async () => {
			started.push(req.url!);
			await new Promise<void>((resolve) => held.set(req.url!, resolve));
			res.end(`done ${req.url}`);
		})
	);
	return { admission, server, started, release: (url: string) => held.get(url)?.() };
}

let current: { server: Server; admission: Admission } | undefined;
afterEach(async () => {
	current?.admission.close();
	current?.server.closeAllConnections();
	await new Promise((resolve) => current?.server.close(resolve));
});

async function listen(server: Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

function ask(
	port: number,
	path: string,
	options: { method?: string; headers?: Record<string, string> } = {}
) {
	const req = request({ port, host: '127.0.0.1', path, ...options });
	const answer = new Promise<{ status: number; body: string; retryAfter?: string }>(
		(resolve, reject) => {
			req.on('response', (res) => {
				let body = '';
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode!,
						body,
						retryAfter: res.headers['retry-after'] as string | undefined
					})
				);
			});
			req.on('error', reject);
		}
	);
	req.end();
	return { req, answer };
}

const until = async (condition: () => boolean) => {
	for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(condition()).toBe(true);
};

describe('admission to the page handler', () => {
	it('lets `limit` requests in at once and the others in arrival order', async () => {
		const gate = gatedServer(2, 60_000);
		current = gate;
		const port = await listen(gate.server);
		const answers = ['/a', '/b', '/c', '/d'].map((path) => ask(port, path).answer);
		await until(() => gate.admission.waiting === 2);
		expect(gate.started).toEqual(['/a', '/b']);
		gate.release('/b');
		await until(() => gate.started.length === 3);
		expect(gate.started[2]).toBe('/c');
		gate.release('/a');
		await until(() => gate.started.length === 4);
		gate.release('/c');
		gate.release('/d');
		expect((await Promise.all(answers)).map((a) => a.body)).toEqual([
			'done /a',
			'done /b',
			'done /c',
			'done /d'
		]);
	});

	it('drops a waiting request whose client has gone, before any work', async () => {
		const gate = gatedServer(1, 60_000);
		current = gate;
		const port = await listen(gate.server);
		const first = ask(port, '/first');
		await until(() => gate.started.length === 1);
		const abandoned = ask(port, '/abandoned');
		abandoned.answer.catch(() => {});
		await until(() => gate.admission.waiting === 1);
		abandoned.req.destroy();
		await until(() => gate.admission.waiting === 0);
		const later = ask(port, '/later');
		await until(() => gate.admission.waiting === 1);
		gate.release('/first');
		await until(() => gate.started.length === 2);
		expect(gate.started).toEqual(['/first', '/later']);
		gate.release('/later');
		expect((await first.answer).status).toBe(200);
		expect((await later.answer).body).toBe('done /later');
	});

	it('answers a page that waited too long 503, in the reader language, but lets a form wait', async () => {
		const gate = gatedServer(1, 300);
		current = gate;
		const port = await listen(gate.server);
		const first = ask(port, '/busy');
		await until(() => gate.started.length === 1);
		const italian = ask(port, '/pagina').answer;
		const english = ask(port, '/page', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }).answer;
		const form = ask(port, '/form', { method: 'POST' }).answer;

		const [it503, en503] = await Promise.all([italian, english]);
		expect(it503.status).toBe(503);
		expect(it503.retryAfter).toBe('5');
		expect(it503.body).toContain('molto occupato');
		expect(en503.status).toBe(503);
		expect(en503.body).toContain('very busy');

		gate.release('/busy');
		await until(() => gate.started.includes('/form'));
		gate.release('/form');
		expect((await form).body).toBe('done /form');
		expect((await first.answer).status).toBe(200);
	});

	it('lets /healthz and immutable assets through while every slot is taken', async () => {
		const gate = gatedServer(1, 60_000);
		current = gate;
		const port = await listen(gate.server);
		const first = ask(port, '/slow');
		await until(() => gate.started.length === 1);
		const health = ask(port, '/healthz');
		await until(() => gate.started.includes('/healthz'));
		gate.release('/healthz');
		expect((await health.answer).body).toBe('done /healthz');
		gate.release('/slow');
		await first.answer;
	});

	it('skips a waiting request whose socket ended without telling the response', async () => {
		// The race the benchmark met: a client gave up while the loop was busy, its request was
		// read after its socket had ended, and no 'close' reached the waiting response.
		const admission = createAdmission({ limit: 1, maxWaitMs: 60_000 });
		current = { server: createServer(), admission };
		const ran: string[] = [];
		let finishFirst = () => {};
		const first = exchange('/first');
		admission.admit(first.req, first.res, () => {
			ran.push('/first');
			return new Promise<void>((resolve) => (finishFirst = resolve));
		});
		const gone = exchange('/gone');
		admission.admit(gone.req, gone.res, () => ran.push('/gone'));
		const later = exchange('/later');
		admission.admit(later.req, later.res, () => ran.push('/later'));
		await until(() => ran.length === 1);
		(gone.req.socket as { destroyed: boolean }).destroyed = true;
		Object.assign(first.res, { writableFinished: true });
		finishFirst();
		await until(() => ran.length === 2);
		expect(ran).toEqual(['/first', '/later']);
		expect(admission.waiting).toBe(0);
	});

	it('starts the newest page first past `newestFirstAfterMs`, and writes before pages', async () => {
		let clock = 0;
		const admission = createAdmission({
			limit: 1,
			maxWaitMs: 60_000,
			newestFirstAfterMs: 5_000,
			now: () => clock
		});
		current = { server: createServer(), admission };
		const ran: string[] = [];
		const finish = new Map<string, () => void>();
		const enter = (url: string, method = 'GET') => {
			const { req, res } = exchange(url, method);
			admission.admit(req, res, () => {
				ran.push(url);
				return new Promise<void>((resolve) =>
					finish.set(url, () => {
						Object.assign(res, { writableFinished: true });
						resolve();
					})
				);
			});
		};
		enter('/first');
		await until(() => ran.length === 1);
		enter('/old');
		clock = 1_000;
		enter('/form', 'POST');
		clock = 2_000;
		enter('/recent');
		clock = 3_000;
		finish.get('/first')!();
		await until(() => ran.length === 2);
		// A write goes before any page.
		expect(ran[1]).toBe('/form');
		clock = 4_000;
		finish.get('/form')!();
		await until(() => ran.length === 3);
		// The oldest page has waited 4 s: the queue moves, arrival order.
		expect(ran[2]).toBe('/old');
		enter('/newer');
		clock = 9_000;
		finish.get('/old')!();
		await until(() => ran.length === 4);
		// The oldest (/recent) has waited 7 s: the queue stands, the newest goes first.
		expect(ran[3]).toBe('/newer');
		finish.get('/newer')!();
		await until(() => ran.length === 5);
		expect(ran[4]).toBe('/recent');
		expect(admission.stats()).toMatchObject({ waiting: 0, started: 5, newestFirst: 2 });
	});

	it('starts the newest page first once the oldest would outlast how long readers wait', async () => {
		// In arrival order, a queue whose oldest page has waited about as long as readers wait
		// (a person, a client's timeout) starts only pages whose reader leaves while they are
		// rendered: at 200 users the benchmark got 0 pages a second. The gate learns from the
		// readers who left how long they wait.
		let clock = 0;
		const admission = createAdmission({ limit: 1, maxWaitMs: 60_000, now: () => clock });
		current = { server: createServer(), admission };
		const ran: string[] = [];
		const finish = new Map<string, () => void>();
		const enter = (url: string) => {
			const { req, res } = exchange(url);
			admission.admit(req, res, () => {
				ran.push(url);
				return new Promise<void>((resolve) =>
					finish.set(url, () => {
						Object.assign(res, { writableFinished: true });
						resolve();
					})
				);
			});
			return res;
		};
		enter('/first');
		await until(() => ran.length === 1);
		// Arrival order while nobody was seen to give up, however old the queue.
		const impatient = Array.from({ length: 8 }, (_, i) => enter(`/gave-up-${i}`));
		enter('/old');
		clock = 2_000;
		enter('/new');
		clock = 6_000;
		finish.get('/first')!();
		await until(() => ran.length === 2);
		expect(ran[1]).toBe('/gave-up-0');
		expect(admission.stats().patienceMs).toBeNull();
		// Seven readers leave after 7 s (one more was started): waiting readers give up after 7 s.
		clock = 7_000;
		for (const res of impatient.slice(1)) res.emit('close');
		enter('/another');
		clock = 7_500;
		enter('/one-more');
		expect(admission.stats()).toMatchObject({ waiting: 4, left: 7, patienceMs: null });
		clock = 8_000;
		finish.get('/gave-up-0')!();
		await until(() => ran.length === 3);
		// Seven departures teach nothing yet (fewer than eight): arrival order.
		expect(ran[2]).toBe('/old');
		clock = 9_000;
		enter('/last').emit('close');
		expect(admission.stats().patienceMs).toBe(7_000);
		clock = 10_000;
		finish.get('/old')!();
		await until(() => ran.length === 4);
		// /new has waited 8 s, and a page takes seconds: past the 7 s, so the newest goes first.
		expect(ran[3]).toBe('/one-more');
		expect(admission.stats().newestFirst).toBe(1);
	});
});

/** A request and its response as the gate sees them, without a socket. */
function exchange(url: string, method = 'GET') {
	const res = Object.assign(new EventEmitter(), { destroyed: false, writableFinished: false });
	const req = { url, method, socket: { destroyed: false }, headers: {} };
	return { req, res } as unknown as { req: IncomingMessage; res: ServerResponse };
}
