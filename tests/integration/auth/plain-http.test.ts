import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/database';
import { runBuiltServer, waitForOutput, type Started } from '../../support/process';

const running: Started[] = [];
afterAll(() => {
	for (const started of running) started.child.kill('SIGKILL');
});

describe('the production server without ORIGIN', () => {
	it('accepts the sign-in form over plain http, whatever a client claims', async () => {
		const database = await createTestDatabase();
		const started = runBuiltServer({
			...database.env,
			HOST: '127.0.0.1',
			PORT: '0',
			SEED_DEMO: 'false'
		});
		running.push(started);
		await waitForOutput(started, /Tavolo is running at http:\/\/localhost:\d+/, 80_000);
		const base = `http://127.0.0.1:${/localhost:(\d+)/.exec(started.output())![1]}`;

		const form = await fetch(`${base}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=nobody%40example.test&password=wrong'
		});
		// Not "Cross-site POST form submissions are forbidden": the form reached the sign-in.
		expect(form.status).toBe(401);
		expect(await form.text()).toContain('E-mail o password non corretti.');

		// A client cannot talk its way into https over a plain socket.
		const spoofed = await fetch(`${base}/login`, {
			method: 'POST',
			headers: {
				origin: base.replace('http:', 'https:'),
				'x-tavolo-socket-protocol': 'https',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=nobody%40example.test&password=wrong'
		});
		expect(spoofed.status).toBe(403);

		started.child.kill('SIGTERM');
		await started.exited;
		await database.drop();
	}, 90_000); // a child process migrates a fresh database first: slow on a loaded machine
});
