import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	auditEntry,
	invitation,
	membership,
	organisation,
	passwordReset,
	person,
	project
} from '../../../src/lib/server/db/schema';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { buildOrganisation, buildPerson, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { startSmtpServer } from '../../support/smtp-server';
import { Browser } from '../auth/http-client';

/** The administrators' pages through the real server, with mail to a real SMTP server. */
const smtp = await startSmtpServer();
const server = await startTestServer({ env: { SMTP_URL: smtp.url } });
const { db } = server.runtime;
const PASSWORD = 'una password lunga';
const passwordHash = await hashPassword(PASSWORD);
const admin = await buildPerson(db, { isAdmin: true, passwordHash, name: 'Anna Admin' });
const adminCookie = await signIn(db, admin.id);

interface Answer {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	location?: string;
	data: string;
}

/** A form action as the enhanced browser posts it: the answer comes back as JSON. */
async function post(path: string, cookie: string, form: Record<string, string>): Promise<Answer> {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url.replace(/^http:/, 'https:'),
			cookie
		},
		body: new URLSearchParams(form).toString()
	});
	if (response.status !== 200) return { type: 'error', status: response.status, data: '' };
	const result = (await response.json()) as Omit<Answer, 'data'> & { data?: string };
	return { ...result, status: result.status ?? 200, data: result.data ?? '' };
}

async function auditOf(action: string, resourceId: string) {
	return db
		.select()
		.from(auditEntry)
		.where(and(eq(auditEntry.action, action), eq(auditEntry.resourceId, resourceId)));
}

function linkIn(text: string | undefined, path: string): string {
	const found = (text ?? '').match(/https?:\/\/\S+/g)?.find((l) => l.includes(path));
	if (!found) throw new Error(`no ${path} link in the mail`);
	return found;
}

describe('the admin area is the administrators’ alone', () => {
	it('answers 403 to a signed-in person who is not an admin, for pages and actions', async () => {
		const someone = await buildPerson(db);
		const cookie = await signIn(db, someone.id);
		for (const path of [
			'/admin',
			'/admin/projects/new',
			'/admin/organisations/new',
			'/admin/accounts'
		]) {
			const page = await fetch(server.url + path, { headers: { cookie }, redirect: 'manual' });
			expect(page.status, path).toBe(403);
		}
		const created = await post('/admin/projects/new', cookie, { title: 'Progetto abusivo' });
		expect(created.status).toBe(403);
		const deactivated = await post('/admin/accounts?/deactivate', cookie, { personId: admin.id });
		expect(deactivated.status).toBe(403);
		const [still] = await db.select().from(person).where(eq(person.id, admin.id));
		expect(still.deactivatedAt).toBeNull();
	});

	it('sends an anonymous visitor to sign in', async () => {
		const page = await fetch(`${server.url}/admin`, { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toContain('/login');
	});
});

describe('setting a project up', () => {
	it('refuses a wrong partita IVA with a translated error and keeps what was typed', async () => {
		const bad = await post('/admin/organisations/new', adminCookie, {
			name: 'Cooperativa Nuova',
			kind: 'cooperativa_sociale_b',
			vatNumber: '12345678901'
		});
		expect(bad.status).toBe(400);
		expect(bad.data).toContain('Cooperativa Nuova');
		expect(bad.data).toMatch(/cifra di controllo|check digit/i);
	});

	it('creates an organisation, with an audit row', async () => {
		const made = await post('/admin/organisations/new', adminCookie, {
			name: 'Cooperativa Orizzonte',
			kind: 'cooperativa_sociale_b',
			vatNumber: '12345678903'
		});
		expect(made).toMatchObject({ type: 'redirect', location: '/admin?organisation=created' });
		const [row] = await db
			.select()
			.from(organisation)
			.where(eq(organisation.name, 'Cooperativa Orizzonte'));
		expect(row.vatNumber).toBe('12345678903');
		expect(await auditOf('organisation.create', row.id)).toHaveLength(1);
		const twin = await post('/admin/organisations/new', adminCookie, {
			name: 'Altro nome',
			kind: 'cooperativa_sociale_b',
			vatNumber: '12345678903'
		});
		expect(twin.status).toBe(409);
	});

	it('creates a project and goes on to its coordinator', async () => {
		const empty = await post('/admin/projects/new', adminCookie, { title: 'x', acronym: 'AB' });
		expect(empty.status).toBe(400);
		expect(empty.data).toContain('AB');
		expect(empty.data).toContain('titolo del progetto');
		const made = await post('/admin/projects/new', adminCookie, {
			title: 'Lavoro in rete',
			acronym: 'LIR',
			description: ''
		});
		expect(made.type).toBe('redirect');
		const projectId = made.location!.match(/\/admin\/projects\/([0-9a-f-]{36})\/coordinator/)![1];
		const [row] = await db.select().from(project).where(eq(project.id, projectId));
		expect(row).toMatchObject({ title: 'Lavoro in rete', acronym: 'LIR' });
		expect(await auditOf('project.create', projectId)).toHaveLength(1);
	});

	it('appoints an existing person as coordinator, who then manages the members', async () => {
		const target = await buildProject(db);
		const giulia = await buildPerson(db);
		const appointed = await post(`/admin/projects/${target.id}/coordinator`, adminCookie, {
			personId: giulia.id,
			email: ''
		});
		expect(appointed.type).toBe('success');
		const [row] = await db
			.select()
			.from(membership)
			.where(and(eq(membership.projectId, target.id), eq(membership.personId, giulia.id)));
		expect(row.role).toBe('coordinator');
		expect(await auditOf('coordinator.appoint', target.id)).toHaveLength(1);
		const members = await fetch(`${server.url}/projects/${target.id}/members`, {
			headers: { cookie: await signIn(db, giulia.id) }
		});
		expect(members.status).toBe(200);
	});

	it('asks for a person or an address, not both and not neither', async () => {
		const target = await buildProject(db);
		const neither = await post(`/admin/projects/${target.id}/coordinator`, adminCookie, {
			personId: '',
			email: ''
		});
		expect(neither.status).toBe(400);
		expect(neither.data).toContain('non entrambi');
	});

	it('invites an address as coordinator by e-mail', async () => {
		const target = await buildProject(db, { title: 'Progetto Ponte' });
		const before = smtp.received.length;
		const invited = await post(`/admin/projects/${target.id}/coordinator`, adminCookie, {
			personId: '',
			email: 'Nuova.Coordinatrice@example.test'
		});
		expect(invited.type).toBe('success');
		const mail = (await smtp.waitFor(before + 1))[before];
		expect(mail.subject).toContain('Progetto Ponte');
		expect(mail.text).toContain('coordinatore');
		const link = linkIn(mail.text, '/invite/');
		const [row] = await db.select().from(invitation).where(eq(invitation.projectId, target.id));
		expect(row).toMatchObject({ email: 'nuova.coordinatrice@example.test', role: 'coordinator' });
		// The database keeps the hash only: the token in the link is nowhere in the row.
		expect(JSON.stringify(row)).not.toContain(link.split('/').pop()!);
		expect(await auditOf('coordinator.appoint', target.id)).toHaveLength(1);
	});
});

describe('accounts', () => {
	it('invites an address to a project by e-mail from the accounts page', async () => {
		const target = await buildProject(db, { title: 'Progetto Inviti' });
		const org = await buildOrganisation(db);
		const before = smtp.received.length;
		const sent = await post('/admin/accounts?/invite', adminCookie, {
			projectId: target.id,
			email: 'operatore@example.test',
			role: 'case_operator',
			organisationId: org.id,
			fiscalCode: ''
		});
		expect(sent.type).toBe('success');
		const mail = (await smtp.waitFor(before + 1))[before];
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('operatore@example.test');
		expect(mail.subject).toContain('Progetto Inviti');
		linkIn(mail.text, '/invite/');
	});

	it('deactivation refuses the password, ends open sessions, and reactivation lets them back', async () => {
		const luca = await buildPerson(db, { passwordHash });
		const browser = new Browser(server.url, 'https');
		const login = await browser.json('/api/session', 'POST', {
			email: luca.email,
			password: PASSWORD
		});
		expect(login.status).toBe(200);
		expect((await browser.request('/api/session')).status).toBe(200);

		const off = await post('/admin/accounts?/deactivate', adminCookie, { personId: luca.id });
		expect(off.type).toBe('success');
		expect((await browser.request('/api/session')).status).toBe(401);
		const refused = await new Browser(server.url, 'https').json('/api/session', 'POST', {
			email: luca.email,
			password: PASSWORD
		});
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { message: string }).message).toContain('disattivato');
		expect(await auditOf('account.deactivate', luca.id)).toHaveLength(1);

		const on = await post('/admin/accounts?/reactivate', adminCookie, { personId: luca.id });
		expect(on.type).toBe('success');
		const again = await new Browser(server.url, 'https').json('/api/session', 'POST', {
			email: luca.email,
			password: PASSWORD
		});
		expect(again.status).toBe(200);
		expect(await auditOf('account.reactivate', luca.id)).toHaveLength(1);
	});

	it('does not let an administrator deactivate their own account', async () => {
		const self = await post('/admin/accounts?/deactivate', adminCookie, { personId: admin.id });
		expect(self.status).toBe(409);
	});

	it('mails a single-use reset link, stored hashed, that ends the old sessions', async () => {
		const sara = await buildPerson(db, { passwordHash });
		const oldCookie = await signIn(db, sara.id);
		const before = smtp.received.length;
		const asked = await post('/admin/accounts?/reset', adminCookie, { personId: sara.id });
		expect(asked.type).toBe('success');
		const mail = (await smtp.waitFor(before + 1))[before];
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(sara.email);
		const link = linkIn(mail.text, '/reset/');
		const token = link.split('/').pop()!;
		const rows = await db.select().from(passwordReset).where(eq(passwordReset.personId, sara.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].id).not.toBe(token);
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await auditOf('account.reset_request', sara.id)).toHaveLength(1);

		const page = await fetch(`${server.url}/reset/${token}`);
		expect(await page.text()).toContain(sara.email);
		const short = await post(`/reset/${token}`, '', {
			password: 'corta',
			confirmPassword: 'corta'
		});
		expect(short.status).toBe(400);
		const done = await post(`/reset/${token}`, '', {
			password: 'la nuova password lunga',
			confirmPassword: 'la nuova password lunga'
		});
		expect(done).toMatchObject({ type: 'redirect', location: '/login?reset=done' });
		const old = await fetch(`${server.url}/api/session`, { headers: { cookie: oldCookie } });
		expect(old.status).toBe(401);
		const fresh = await new Browser(server.url, 'https').json('/api/session', 'POST', {
			email: sara.email,
			password: 'la nuova password lunga'
		});
		expect(fresh.status).toBe(200);
		expect(await auditOf('password.reset', sara.id)).toHaveLength(1);

		const twice = await post(`/reset/${token}`, '', {
			password: 'una terza password',
			confirmPassword: 'una terza password'
		});
		expect(twice.status).toBe(404);
	});

	it('refuses an expired reset link', async () => {
		const marco = await buildPerson(db, { passwordHash });
		await post('/admin/accounts?/reset', adminCookie, { personId: marco.id });
		await db
			.update(passwordReset)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(passwordReset.personId, marco.id));
		const mail = smtp.received.at(-1)!;
		const token = linkIn(mail.text, '/reset/').split('/').pop()!;
		const late = await post(`/reset/${token}`, '', {
			password: 'la nuova password lunga',
			confirmPassword: 'la nuova password lunga'
		});
		expect(late.status).toBe(404);
	});
});

describe('administrators', () => {
	async function isAdmin(personId: string) {
		const [row] = await db.select().from(person).where(eq(person.id, personId));
		return row.isAdmin;
	}

	it('makes someone an administrator and takes it back, with audit rows', async () => {
		const bruno = await buildPerson(db, { passwordHash, name: 'Bruno Nuovo' });
		const brunoCookie = await signIn(db, bruno.id);
		const before = await fetch(`${server.url}/admin`, { headers: { cookie: brunoCookie } });
		expect(before.status).toBe(403);

		const granted = await post('/admin/accounts?/grantAdmin', adminCookie, { personId: bruno.id });
		expect(granted.type).toBe('success');
		expect(await isAdmin(bruno.id)).toBe(true);
		expect(await auditOf('account.admin_grant', bruno.id)).toHaveLength(1);
		const now = await fetch(`${server.url}/admin`, { headers: { cookie: brunoCookie } });
		expect(now.status).toBe(200);
		const twice = await post('/admin/accounts?/grantAdmin', adminCookie, { personId: bruno.id });
		expect(twice.status).toBe(409);

		const revoked = await post('/admin/accounts?/revokeAdmin', adminCookie, {
			personId: bruno.id
		});
		expect(revoked.type).toBe('success');
		expect(await isAdmin(bruno.id)).toBe(false);
		expect(await auditOf('account.admin_revoke', bruno.id)).toHaveLength(1);
		const after = await fetch(`${server.url}/admin`, { headers: { cookie: brunoCookie } });
		expect(after.status).toBe(403);
	});

	it('refuses one’s own right with a translated reason, and a deactivated account', async () => {
		const self = await post('/admin/accounts?/revokeAdmin', adminCookie, { personId: admin.id });
		expect(self.status).toBe(409);
		expect(self.data).toContain('Non puoi togliere a te stesso il ruolo di amministratore');
		expect(await isAdmin(admin.id)).toBe(true);
		const off = await buildPerson(db, { deactivatedAt: new Date() });
		const refused = await post('/admin/accounts?/grantAdmin', adminCookie, { personId: off.id });
		expect(refused.status).toBe(409);
		expect(await isAdmin(off.id)).toBe(false);
	});

	it('lets no one else grant it', async () => {
		const someone = await buildPerson(db);
		const cookie = await signIn(db, someone.id);
		const tried = await post('/admin/accounts?/grantAdmin', cookie, { personId: someone.id });
		expect(tried.status).toBe(403);
		expect(await isAdmin(someone.id)).toBe(false);
	});

	it('keeps one active administrator when the last two remove each other at once', async () => {
		// Only these two are administrators now (the file's admin steps aside for this test).
		const others = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true));
		await db.update(person).set({ isAdmin: false }).where(eq(person.isAdmin, true));
		try {
			for (const action of ['revokeAdmin', 'deactivate']) {
				const carla = await buildPerson(db, { isAdmin: true, name: 'Carla Admin' });
				const dario = await buildPerson(db, { isAdmin: true, name: 'Dario Admin' });
				const [carlaCookie, darioCookie] = [await signIn(db, carla.id), await signIn(db, dario.id)];
				const [byCarla, byDario] = await Promise.all([
					post(`/admin/accounts?/${action}`, carlaCookie, { personId: dario.id }),
					post(`/admin/accounts?/${action}`, darioCookie, { personId: carla.id })
				]);
				const outcomes = [byCarla, byDario].map((answer) => answer.type);
				expect(
					outcomes.filter((type) => type === 'success'),
					action
				).toHaveLength(1);
				const refusal = [byCarla, byDario].find((answer) => answer.type !== 'success')!;
				// Last administrator (409), no longer one (403), or signed out by the deactivation (401).
				expect([401, 403, 409], action).toContain(refusal.status);
				const left = await db
					.select()
					.from(person)
					.where(and(eq(person.isAdmin, true), isNull(person.deactivatedAt)));
				expect(left, action).toHaveLength(1);
				await db.update(person).set({ isAdmin: false }).where(eq(person.isAdmin, true));
			}
		} finally {
			await db.update(person).set({ isAdmin: false }).where(eq(person.isAdmin, true));
			for (const { id } of others) {
				await db.update(person).set({ isAdmin: true }).where(eq(person.id, id));
			}
		}
	});
});
