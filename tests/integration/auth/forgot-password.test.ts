import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	auditEntry,
	passwordReset,
	passwordResetMail,
	person
} from '../../../src/lib/server/db/schema';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { buildPerson, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { startSmtpServer } from '../../support/smtp-server';
import { Browser } from './http-client';

/**
 * "Forgot password" from the login page (ADR 0204), through the built server and a real SMTP
 * server: one answer for every address, a mail only for an active account, a link that works
 * once, for an hour, and ends every session.
 */
const smtp = await startSmtpServer();
const server = await startTestServer({ env: { SMTP_URL: smtp.url } });
const { db } = server.runtime;
const PASSWORD = 'la password di prima';
const passwordHash = await hashPassword(PASSWORD);

/** The page's answer as a person reads it: the status line, with the address typed taken out. */
async function ask(email: string): Promise<{ status: number; said: string }> {
	const answer = await new Browser(server.url, 'https').form('/login/forgot', { email });
	const html = await answer.text();
	const line = /<p role="status">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
	const said = line.replace(/<!--[\s\S]*?-->/g, '').replace(email, '…');
	return { status: answer.status, said };
}

function linkIn(text: string | undefined): string {
	const found = (text ?? '').match(/https?:\/\/\S+\/reset\/[a-z2-7]{32}/)?.[0];
	if (!found) throw new Error('no reset link in the mail');
	return found;
}

async function choose(token: string, password: string) {
	return new Browser(server.url, 'https').form(`/reset/${token}`, {
		password,
		confirmPassword: password
	});
}

async function signsIn(email: string, password: string): Promise<number> {
	const browser = new Browser(server.url, 'https');
	return (await browser.json('/api/session', 'POST', { email, password })).status;
}

/** Lets a mail that should not come have its chance to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('forgot password', () => {
	it('mails a link that works once, for an hour, stored hashed, and ends the old sessions', async () => {
		const sara = await buildPerson(db, { passwordHash, name: 'Sara Reset' });
		const oldCookie = await signIn(db, sara.id);
		const before = smtp.received.length;

		const answer = await ask(sara.email.toUpperCase());
		expect(answer.status).toBe(200);
		expect(answer.said).toContain('riceverai');

		const mail = (await smtp.waitFor(before + 1))[before];
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(sara.email);
		expect(mail.subject).toBe('Tavolo: scegli una nuova password');
		expect(mail.text).toContain('probabilmente tu');
		const link = linkIn(mail.text);
		expect(new URL(link).host).toBe(new URL(server.url).host);
		const token = link.split('/').pop()!;

		const [reset] = await db
			.select()
			.from(passwordReset)
			.where(eq(passwordReset.personId, sara.id));
		expect(reset.id).not.toBe(token);
		expect(JSON.stringify(reset)).not.toContain(token);
		expect(reset.requestedById).toBeNull();
		const lifetime = reset.expiresAt.getTime() - reset.createdAt.getTime();
		expect(lifetime).toBeGreaterThan(59 * 60_000);
		expect(lifetime).toBeLessThanOrEqual(61 * 60_000);
		const [job] = await db
			.select()
			.from(passwordResetMail)
			.where(eq(passwordResetMail.personId, sara.id));
		expect(job.mailedAt).not.toBeNull();
		const asked = await db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.action, 'password.forgot'), eq(auditEntry.resourceId, sara.id)));
		expect(asked).toHaveLength(1);
		expect(JSON.stringify(asked)).not.toContain(sara.email);

		const page = await new Browser(server.url).request(`/reset/${token}`);
		expect(await page.text()).toContain(sara.email);
		const done = await choose(token, 'la nuova password lunga');
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe('/login?reset=done');
		const old = await fetch(`${server.url}/api/session`, { headers: { cookie: oldCookie } });
		expect(old.status).toBe(401);
		expect(await signsIn(sara.email, PASSWORD)).toBe(401);
		expect(await signsIn(sara.email, 'la nuova password lunga')).toBe(200);
		const changed = await db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.action, 'password.reset'), eq(auditEntry.resourceId, sara.id)));
		expect(changed).toHaveLength(1);

		const twice = await choose(token, 'una terza password');
		expect(twice.status).toBe(404);
		const again = await new Browser(server.url).request(`/reset/${token}`);
		expect(await again.text()).toContain('è già stato usato');
		expect(await signsIn(sara.email, 'una terza password')).toBe(401);
	});

	it('answers an unknown or deactivated address exactly as an account, and mails nobody', async () => {
		const known = await buildPerson(db, { passwordHash });
		const off = await buildPerson(db, { passwordHash, deactivatedAt: new Date() });
		const before = smtp.received.length;
		const forKnown = await ask(known.email);
		await smtp.waitFor(before + 1);
		const forUnknown = await ask('nessuno.qui@example.test');
		const forDeactivated = await ask(off.email);
		await settle();
		expect(forUnknown).toEqual(forKnown);
		expect(forDeactivated).toEqual(forKnown);
		expect(smtp.received.length).toBe(before + 1);
		const waiting = await db
			.select()
			.from(passwordResetMail)
			.where(eq(passwordResetMail.personId, off.id));
		expect(waiting).toHaveLength(0);
		const [still] = await db.select().from(person).where(eq(person.id, off.id));
		expect(still.passwordHash).toBe(passwordHash);
	});

	it('refuses an expired link, and writes to an English speaker in English', async () => {
		const marco = await buildPerson(db, { passwordHash, locale: 'en' });
		const before = smtp.received.length;
		await ask(marco.email);
		const mail = (await smtp.waitFor(before + 1))[before];
		expect(mail.subject).toBe('Tavolo: choose a new password');
		expect(mail.text).toContain('someone, probably you');
		const token = linkIn(mail.text).split('/').pop()!;
		await db
			.update(passwordReset)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(passwordReset.personId, marco.id));
		const late = await choose(token, 'la nuova password lunga');
		expect(late.status).toBe(404);
		expect(await signsIn(marco.email, PASSWORD)).toBe(200);
	});

	it('counts requests per address whether or not it has an account, and says how long to wait', async () => {
		const luca = await buildPerson(db, { passwordHash });
		for (const email of [luca.email, 'sconosciuto.del.tutto@example.test']) {
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push(await ask(email));
			expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
			expect(answers[3].status).toBe(429);
		}
		const refused = await new Browser(server.url, 'https').form('/login/forgot', {
			email: luca.email
		});
		expect(refused.status).toBe(429);
		expect(await refused.text()).toMatch(
			/Troppe richieste di una nuova password\. Riprova tra \d+ secondi/
		);
	});
});
