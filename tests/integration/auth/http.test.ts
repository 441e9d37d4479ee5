import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { membership } from '../../../src/lib/server/db/schema';
import { startTestServer } from '../../support/server';
import { buildMember, buildProject } from '../../support/factories';
import { buildAccount, buildAccountMember, PASSWORD } from './fixture';
import { Browser, setCookieLine } from './http-client';

// adapter-node takes every request for https unless ORIGIN or a protocol header says otherwise;
// like a reverse proxy, the test client says which (read once, when the handler loads).
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
const server = await startTestServer();
delete process.env.PROTOCOL_HEADER;
const runtime = server.runtime;
const open = () => new Browser(server.url);

async function signedIn(email: string) {
	const browser = open();
	const response = await browser.json('/api/session', 'POST', { email, password: PASSWORD });
	expect(response.status).toBe(200);
	return browser;
}

describe('signing in over HTTP', () => {
	it('POST /api/session returns the person and an HttpOnly, SameSite=Lax session cookie', async () => {
		const someone = await buildAccount(runtime);
		const browser = open();
		const response = await browser.json('/api/session', 'POST', {
			email: someone.email,
			password: PASSWORD
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			person: { id: someone.id, name: someone.name, email: someone.email }
		});
		const cookie = setCookieLine(response, 'tavolo_session')!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Path=\//i);
		expect(cookie).not.toMatch(/Secure/i); // plain http here
		expect(setCookieLine(response, 'tavolo_device')).toMatch(/HttpOnly/i);

		const me = await browser.request('/api/session');
		expect(await me.json()).toMatchObject({ person: { id: someone.id } });
	});

	it('marks the cookies Secure when the request came over https', async () => {
		const someone = await buildAccount(runtime);
		const browser = new Browser(server.url, 'https');
		const response = await browser.json('/api/session', 'POST', {
			email: someone.email,
			password: PASSWORD
		});
		expect(response.status).toBe(200);
		expect(setCookieLine(response, 'tavolo_session')).toMatch(/;\s*Secure/i);
		expect(setCookieLine(response, 'tavolo_device')).toMatch(/;\s*Secure/i);
	});

	it('the /login form signs in, honours a same-site redirectTo and ignores another site', async () => {
		const someone = await buildAccount(runtime);
		const browser = open();
		const response = await browser.form('/login', {
			email: someone.email,
			password: PASSWORD,
			redirectTo: '/account?tab=1'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/account?tab=1');
		expect(setCookieLine(response, 'tavolo_session')).toMatch(/HttpOnly/i);
		expect((await browser.request('/account')).status).toBe(200);

		const again = await open().form('/login', {
			email: someone.email,
			password: PASSWORD,
			redirectTo: '//evil.example/steal'
		});
		expect(again.headers.get('location')).toBe('/projects');
	});

	it('gives a new session at every sign-in: a planted cookie is never adopted', async () => {
		const someone = await buildAccount(runtime);
		const browser = open();
		browser.cookies.set('tavolo_session', 'a'.repeat(32));
		await browser.json('/api/session', 'POST', { email: someone.email, password: PASSWORD });
		const first = browser.cookies.get('tavolo_session');
		expect(first).not.toBe('a'.repeat(32));
		await browser.json('/api/session', 'POST', { email: someone.email, password: PASSWORD });
		expect(browser.cookies.get('tavolo_session')).not.toBe(first);
		// The session the browser had before signing in again is over.
		const stale = open();
		stale.cookies.set('tavolo_session', first!);
		expect((await stale.request('/api/session')).status).toBe(401);
	});

	it('answers a wrong password and an unknown e-mail with the same translated message', async () => {
		const someone = await buildAccount(runtime);
		const wrong = await open().json('/api/session', 'POST', {
			email: someone.email,
			password: 'nope'
		});
		const unknown = await open().json('/api/session', 'POST', {
			email: 'ghost@example.test',
			password: 'nope'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		const [a, b] = [await wrong.json(), await unknown.json()];
		expect(a).toEqual(b);
		expect(a).toMatchObject({ code: 'login_failed', message: 'E-mail o password non corretti.' });

		const page = await open().form('/login', { email: someone.email, password: 'nope' });
		expect(page.status).toBe(401);
		const html = await page.text();
		expect(html).toContain('E-mail o password non corretti.');
		expect(html).toContain(`value="${someone.email}"`); // what was typed comes back
		expect(html).not.toContain('nope');
	});

	it('shows field errors for a malformed e-mail', async () => {
		const response = await open().json('/api/session', 'POST', {
			email: 'not-mail',
			password: 'x'
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({
			code: 'invalid',
			issues: { email: [expect.any(String)] }
		});
		const page = await open().form('/login', { email: 'not-mail', password: 'x' });
		const html = await page.text();
		expect(html).toContain('aria-invalid="true"');
		expect(html).toContain('Inserisci un indirizzo e-mail valido.');
	});
});

describe('signing out and cross-origin requests', () => {
	it('sign-out through the form ends the session on the server', async () => {
		const someone = await buildAccount(runtime);
		const browser = await signedIn(someone.email);
		const token = browser.cookies.get('tavolo_session')!;
		const response = await browser.form('/logout', {});
		expect(response.status).toBe(303);
		expect(browser.cookies.has('tavolo_session')).toBe(false);
		const replay = open();
		replay.cookies.set('tavolo_session', token);
		expect((await replay.request('/api/session')).status).toBe(401);
	});

	it('DELETE /api/session signs out', async () => {
		const someone = await buildAccount(runtime);
		const browser = await signedIn(someone.email);
		expect((await browser.json('/api/session', 'DELETE')).status).toBe(204);
		expect((await browser.request('/api/session')).status).toBe(401);
	});

	it('refuses state changes from another origin, for JSON endpoints and forms alike', async () => {
		const someone = await buildAccount(runtime);
		const browser = await signedIn(someone.email);
		const evil = { origin: 'https://evil.example' };
		const json = await browser.json('/api/session', 'DELETE', undefined, evil);
		expect(json.status).toBe(403);
		expect(await json.json()).toMatchObject({ code: 'cross_origin' });
		expect((await browser.form('/logout', {}, evil)).status).toBe(403);
		const signIn = await open().json(
			'/api/session',
			'POST',
			{ email: someone.email, password: PASSWORD },
			evil
		);
		expect(signIn.status).toBe(403);
		expect((await browser.request('/api/session')).status).toBe(200); // still signed in
		// A script without browser headers is not a cross-site request.
		const script = await open().json(
			'/api/session',
			'POST',
			{ email: someone.email, password: PASSWORD },
			{ origin: null }
		);
		expect(script.status).toBe(200);
	});
});

describe('projects, members and invitations over HTTP', () => {
	it('shows a person their projects and nothing else', async () => {
		const mine = await buildProject(runtime.db, { title: 'Progetto Mio Visibile' });
		const theirs = await buildProject(runtime.db, { title: 'Progetto Altrui Nascosto' });
		await buildMember(runtime.db, { projectId: theirs.id, role: 'coordinator' });
		const me = await buildAccountMember(runtime, mine.id, 'observer');
		const browser = await signedIn(me.email);
		const list = await (await browser.request('/projects')).text();
		expect(list).toContain('Progetto Mio Visibile');
		// SvelteKit renders links relative to the page (`./projects/…`).
		expect(list).toMatch(new RegExp(`href="\\.?/projects/${mine.id}"`));
		expect(list).toContain('osservatore');
		expect(list).not.toContain('Progetto Altrui Nascosto');
		expect((await browser.request(`/projects/${theirs.id}/members`)).status).toBe(404);
		expect((await browser.request(`/projects/${mine.id}/members`)).status).toBe(200);

		const anonymous = await open().request('/projects');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toBe('/login?redirectTo=%2Fprojects');
	});

	it('lets a coordinator invite, and the invited person create an account and join, once', async () => {
		const project = await buildProject(runtime.db, { title: 'Progetto Inviti' });
		const coordinatorAccount = await buildAccountMember(runtime, project.id, 'coordinator');
		const coordinator = await signedIn(coordinatorAccount.email);

		const email = `invitata-${Date.now()}@example.test`;
		const invited = await coordinator.form(`/projects/${project.id}/members?/invite`, {
			email,
			role: 'partner_editor',
			organisationId: ''
		});
		expect(invited.status).toBe(200);
		const token = /\/invite\/([a-z2-7]{32})/.exec(await invited.text())?.[1];
		expect(token).toBeDefined();

		const newcomer = open();
		const page = await (await newcomer.request(`/invite/${token}`)).text();
		expect(page).toContain('Progetto Inviti');
		expect(page).toContain('partner redattore');

		const mismatch = await newcomer.form(`/invite/${token}?/create`, {
			name: 'Giulia Nuova',
			password: 'una password lunga',
			confirmPassword: 'diversa'
		});
		expect(mismatch.status).toBe(400);
		expect(await mismatch.text()).toContain('value="Giulia Nuova"');

		const created = await newcomer.form(`/invite/${token}?/create`, {
			name: 'Giulia Nuova',
			password: 'una password lunga',
			confirmPassword: 'una password lunga'
		});
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toBe(`/projects/${project.id}`);
		expect(await (await newcomer.request('/projects')).text()).toContain('Progetto Inviti');

		const reused = await (await open().request(`/invite/${token}`)).text();
		expect(reused).toContain('già stato usato');
		expect(await (await open().request(`/invite/${'b'.repeat(32)}`)).text()).toContain(
			'non esiste'
		);

		const members = await (await coordinator.request(`/projects/${project.id}/members`)).text();
		expect(members).toContain('Giulia Nuova');
		expect(members).toContain(email); // coordinators see e-mails
		// Each row's role selector starts at that member's role.
		expect(members).toMatch(/<option value="partner_editor"[^>]*selected/);
	});

	it('lets a coordinator change roles and remove members, never the last coordinator', async () => {
		const project = await buildProject(runtime.db, { title: 'Progetto Ruoli' });
		const boss = await buildAccountMember(runtime, project.id, 'coordinator');
		const partner = await buildAccountMember(runtime, project.id, 'partner_editor');
		const rows = await runtime.db
			.select()
			.from(membership)
			.where(eq(membership.projectId, project.id));
		const idOf = (personId: string) => rows.find((row) => row.personId === personId)!.id;
		const coordinator = await signedIn(boss.email);
		const page = `/projects/${project.id}/members`;

		const lastOne = await coordinator.form(`${page}?/role`, {
			membershipId: idOf(boss.id),
			role: 'observer'
		});
		expect(lastOne.status).toBe(409);
		expect(await lastOne.text()).toContain('almeno un coordinatore');

		const partnerBrowser = await signedIn(partner.email);
		const refused = await partnerBrowser.form(`${page}?/remove`, { membershipId: idOf(boss.id) });
		expect(refused.status).toBe(403);

		const changed = await coordinator.form(`${page}?/role`, {
			membershipId: idOf(partner.id),
			role: 'observer'
		});
		expect(changed.status).toBe(200);
		expect(await changed.text()).toContain('Ruolo aggiornato.');
		const removed = await coordinator.form(`${page}?/remove`, { membershipId: idOf(partner.id) });
		expect(await removed.text()).toContain('Partecipante rimosso dal progetto.');
		expect((await partnerBrowser.request(page)).status).toBe(404);
	});

	it('changing the password ends the other sessions and keeps this browser signed in', async () => {
		const someone = await buildAccount(runtime);
		const laptop = await signedIn(someone.email);
		const phone = await signedIn(someone.email);
		const mismatch = await laptop.form('/account?/password', {
			currentPassword: PASSWORD,
			newPassword: 'la nuova password lunga',
			confirmPassword: 'un altra'
		});
		expect(mismatch.status).toBe(400);
		expect(await mismatch.text()).toMatch(
			/id="field-confirmPassword"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-confirmPassword"/
		);
		const response = await laptop.form('/account?/password', {
			currentPassword: PASSWORD,
			newPassword: 'la nuova password lunga',
			confirmPassword: 'la nuova password lunga'
		});
		expect(response.status).toBe(200);
		expect((await laptop.request('/api/session')).status).toBe(200);
		expect((await phone.request('/api/session')).status).toBe(401);
	});
});

describe('throttling over HTTP', () => {
	it('answers 429 with the wait time after repeated wrong passwords', async () => {
		const someone = await buildAccount(runtime);
		const statuses: number[] = [];
		let last: Response | undefined;
		for (let i = 0; i < 6; i++) {
			last = await open().json('/api/session', 'POST', {
				email: someone.email,
				password: `wrong-${i}`
			});
			statuses.push(last.status);
		}
		expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await last!.json()).message).toMatch(/Riprova tra \d+ secondi/);
		const form = await open().form('/login', { email: someone.email, password: PASSWORD });
		expect(form.status).toBe(429);
		expect(await form.text()).toMatch(/Riprova tra \d+ secondi/);
	});
});
