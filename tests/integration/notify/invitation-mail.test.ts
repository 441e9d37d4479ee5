import { testContext } from '../../support/context';
import { contextFor } from '../../../src/lib/server/context';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { person } from '../../../src/lib/server/db/schema';
import * as invitations from '../../../src/lib/server/projects/invitations';
import * as acceptance from '../../../src/lib/server/projects/invitation-acceptance';
import { createMailer } from '../../../src/lib/server/mail/mailer';
import { sendInvitation } from '../../../src/lib/server/mail/invitation-mail';
import { buildMember, buildProject } from '../../support/factories';
import { startSmtpServer } from '../../support/smtp-server';
import { buildAccount, startDatabaseRuntime } from '../auth/fixture';

const runtime = await startDatabaseRuntime();
const { db } = runtime;
const smtp = await startSmtpServer();
const mailer = createMailer({ smtpUrl: smtp.url, from: 'Tavolo <tavolo@comune.example.it>' });

describe('invitations by e-mail', () => {
	it('sends the personal link, the project, the role and the expiry to the invited address', async () => {
		const project = await buildProject(db, { title: 'Lavoro & Inclusione' });
		const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
		const created = await invitations.invite(testContext(db, coordinator.actor), {
			projectId: project.id,
			email: 'Nuova.Partner@Example.test',
			role: 'partner_editor'
		});
		const link = `https://tavolo.comune.example.it/invite/${created.token}`;
		const outcome = await sendInvitation(db, mailer, {
			projectId: project.id,
			to: 'nuova.partner@example.test',
			role: 'partner_editor',
			inviterName: coordinator.actor.name,
			link,
			expiresAt: created.expiresAt
		});
		expect(outcome).toBe('sent');
		const [mail] = await smtp.waitFor(1);
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('nuova.partner@example.test');
		expect(mail.from?.text).toContain('tavolo@comune.example.it');
		expect(mail.subject).toBe('Invito al progetto «Lavoro & Inclusione» su Tavolo');
		expect(mail.text).toContain(`${coordinator.actor.name} ti invita`);
		expect(mail.text).toContain('con il ruolo di partner redattore');
		const links = mail.text?.match(/https?:\/\/\S+/g) ?? [];
		expect(links).toEqual([link]);
		// The link in the mail is the one that works: it finds the pending invitation.
		const token = new URL(link).pathname.split('/').pop()!;
		const view = await acceptance.lookup(db, token);
		expect(view).toMatchObject({ state: 'valid', email: 'nuova.partner@example.test' });
	});

	it('says "failed" and keeps the invitation when the SMTP server is unreachable', async () => {
		const project = await buildProject(db);
		const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
		const created = await invitations.invite(testContext(db, coordinator.actor), {
			projectId: project.id,
			email: 'x@example.test',
			role: 'observer'
		});
		const nowhere = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'a@b.it' });
		const outcome = await sendInvitation(db, nowhere, {
			projectId: project.id,
			to: 'x@example.test',
			role: 'observer',
			inviterName: 'C',
			link: 'https://x/invite/y',
			expiresAt: created.expiresAt
		});
		expect(outcome).toBe('failed');
		const pending = await invitations.listPending(testContext(db, coordinator.actor), project.id);
		expect(pending.map((row) => row.id)).toContain(created.id);
	});

	it('says "logged" without SMTP_URL', async () => {
		const project = await buildProject(db);
		const logOnly = createMailer({ from: 'a@b.it' });
		expect(logOnly.mode).toBe('log');
		const outcome = await sendInvitation(db, logOnly, {
			projectId: project.id,
			to: 'x@example.test',
			role: 'observer',
			inviterName: 'C',
			link: 'https://x/invite/y',
			expiresAt: new Date()
		});
		expect(outcome).toBe('logged');
	});
});

describe('the codice fiscale of an invitation', () => {
	it('is copied on the person who accepts, for SPID/CIE sign-in', async () => {
		const project = await buildProject(db);
		const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
		const invited = await buildAccount(runtime);
		const created = await invitations.invite(testContext(db, coordinator.actor), {
			projectId: project.id,
			email: invited.email,
			role: 'observer',
			fiscalCode: 'RSSMRA80A01H501U'
		});
		await acceptance.acceptAsMember(
			contextFor(runtime, {
				id: invited.id,
				name: invited.name,
				email: invited.email,
				isAdmin: false
			}),
			created.token
		);
		const [row] = await db.select().from(person).where(eq(person.id, invited.id));
		expect(row.fiscalCode).toBe('RSSMRA80A01H501U');
	});
});
