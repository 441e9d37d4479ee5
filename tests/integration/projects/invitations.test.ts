import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEntry, invitation, membership, person } from '../../../src/lib/server/db/schema';
import * as invitations from '../../../src/lib/server/projects/invitations';
import * as acceptance from '../../../src/lib/server/projects/invitation-acceptance';
import { INVITATION_LIFETIME_MS } from '../../../src/lib/server/projects/invitation-state';
import { hashToken } from '../../../src/lib/server/auth/token';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { actorOf, buildMember, buildOrganisation, buildProject } from '../../support/factories';
import { buildAccount, recordInvalidations, startDatabaseRuntime } from '../auth/fixture';
import { contextFor } from '../../../src/lib/server/context';

const runtime = await startDatabaseRuntime();
const { db } = runtime;

async function projectWithCoordinator() {
	const project = await buildProject(db);
	const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
	const ctx = contextFor(runtime, coordinator.actor);
	return { project, coordinator, ctx };
}

describe('inviting', () => {
	it('is for those who manage members; others get Forbidden, outsiders NotFound', async () => {
		const { project } = await projectWithCoordinator();
		const partner = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		const stranger = await buildAccount(runtime);
		const input = { projectId: project.id, email: 'x@example.test', role: 'observer' as const };
		await expect(
			invitations.invite(contextFor(runtime, partner.actor), input)
		).rejects.toMatchObject({
			status: 403
		});
		await expect(
			invitations.invite(contextFor(runtime, actorOf(stranger)), input)
		).rejects.toMatchObject({ status: 404, code: 'project_not_found' });
		await expect(invitations.invite(contextFor(runtime, null), input)).rejects.toMatchObject({
			status: 401
		});
	});

	it('keeps only the SHA-256 of a 160-bit token, expires in 7 days, and is audited', async () => {
		const { project, ctx, coordinator } = await projectWithCoordinator();
		const now = Date.now();
		const organisation = await buildOrganisation(db);
		const created = await invitations.invite(
			ctx,
			{
				projectId: project.id,
				email: ' New.Person@Example.test ',
				role: 'case_operator',
				organisationId: organisation.id
			},
			now
		);
		expect(created.token).toMatch(/^[a-z2-7]{32}$/);
		const [row] = await db.select().from(invitation).where(eq(invitation.id, created.id));
		expect(row.tokenHash).toBe(hashToken(created.token));
		expect(JSON.stringify(row)).not.toContain(created.token);
		expect(row.email).toBe('new.person@example.test');
		expect(row.expiresAt.getTime()).toBe(now + INVITATION_LIFETIME_MS);
		const audit = await db
			.select()
			.from(auditEntry)
			.where(
				and(eq(auditEntry.action, 'invitation.create'), eq(auditEntry.resourceId, created.id))
			);
		expect(audit).toHaveLength(1);
		expect(audit[0].actorId).toBe(coordinator.person.id);
		expect(JSON.stringify(audit[0].detail)).not.toContain('example.test');
	});

	it('refuses someone who is already a member, and an unknown organisation', async () => {
		const { project, ctx } = await projectWithCoordinator();
		const member = await buildMember(db, { projectId: project.id, role: 'observer' });
		await expect(
			invitations.invite(ctx, {
				projectId: project.id,
				email: member.person.email.toUpperCase(),
				role: 'observer'
			})
		).rejects.toMatchObject({ code: 'member_already', status: 409 });
		await expect(
			invitations.invite(ctx, {
				projectId: project.id,
				email: 'y@example.test',
				role: 'observer',
				organisationId: '00000000-0000-4000-8000-00000000dead'
			})
		).rejects.toMatchObject({ code: 'invalid', issues: { organisationId: [expect.any(String)] } });
	});
});

describe('accepting', () => {
	it('lets a new person create an account and join, once', async () => {
		const { project, ctx } = await projectWithCoordinator();
		const seen = recordInvalidations(runtime);
		const email = `newcomer-${Date.now()}@example.test`;
		const { token } = await invitations.invite(ctx, {
			projectId: project.id,
			email,
			role: 'partner_editor'
		});
		expect((await acceptance.lookup(db, token))?.state).toBe('valid');

		const accepted = await acceptance.acceptAsNewPerson(contextFor(runtime, null), token, {
			name: 'Anna Nuova',
			password: 'una password lunga'
		});
		const [account] = await db.select().from(person).where(eq(person.id, accepted.personId));
		expect(account.email).toBe(email);
		expect(await verifyPassword(account.passwordHash!, 'una password lunga')).toBe(true);
		const [joined] = await db.select().from(membership).where(eq(membership.personId, account.id));
		expect(joined).toMatchObject({ projectId: project.id, role: 'partner_editor' });
		expect(seen).toContainEqual({ personId: account.id, projectId: project.id });
		const audit = await db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.action, 'invitation.accept'));
		expect(audit.some((row) => row.actorId === account.id)).toBe(true);

		expect((await acceptance.lookup(db, token))?.state).toBe('used');
		await expect(
			acceptance.acceptAsNewPerson(contextFor(runtime, null), token, {
				name: 'Altro',
				password: 'una password lunga'
			})
		).rejects.toMatchObject({ code: 'invitation_used' });
	});

	it('lets a signed-in person with the invited e-mail join, and nobody else', async () => {
		const { project, ctx } = await projectWithCoordinator();
		const invitee = await buildAccount(runtime);
		const other = await buildAccount(runtime);
		const { token } = await invitations.invite(ctx, {
			projectId: project.id,
			email: invitee.email,
			role: 'observer'
		});
		expect((await acceptance.lookup(db, token))?.hasAccount).toBe(true);
		await expect(
			acceptance.acceptAsMember(contextFor(runtime, actorOf(other)), token)
		).rejects.toMatchObject({ code: 'invitation_other_email', status: 403 });
		await expect(
			acceptance.acceptAsNewPerson(contextFor(runtime, null), token, {
				name: 'Impostore',
				password: 'una password lunga'
			})
		).rejects.toMatchObject({ code: 'invitation_account_exists' });
		const accepted = await acceptance.acceptAsMember(contextFor(runtime, actorOf(invitee)), token);
		expect(accepted).toEqual({ projectId: project.id, personId: invitee.id });
	});

	it('is single-use even when two requests race', async () => {
		const { project, ctx } = await projectWithCoordinator();
		const invitee = await buildAccount(runtime);
		const { token } = await invitations.invite(ctx, {
			projectId: project.id,
			email: invitee.email,
			role: 'observer'
		});
		const actorCtx = contextFor(runtime, actorOf(invitee));
		const results = await Promise.allSettled([
			acceptance.acceptAsMember(actorCtx, token),
			acceptance.acceptAsMember(actorCtx, token)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rows = await db.select().from(membership).where(eq(membership.personId, invitee.id));
		expect(rows).toHaveLength(1);
	});

	it('says clearly when an invitation expired, was withdrawn, or never existed', async () => {
		const { project, ctx } = await projectWithCoordinator();
		const old = Date.now() - INVITATION_LIFETIME_MS - 1;
		const expired = await invitations.invite(
			ctx,
			{ projectId: project.id, email: 'late@example.test', role: 'observer' },
			old
		);
		expect((await acceptance.lookup(db, expired.token))?.state).toBe('expired');
		await expect(
			acceptance.acceptAsNewPerson(contextFor(runtime, null), expired.token, {
				name: 'Tardi',
				password: 'una password lunga'
			})
		).rejects.toMatchObject({ code: 'invitation_expired' });

		const withdrawn = await invitations.invite(ctx, {
			projectId: project.id,
			email: 'w@example.test',
			role: 'observer'
		});
		expect((await invitations.listPending(ctx, project.id)).map((p) => p.id)).toContain(
			withdrawn.id
		);
		await invitations.revoke(ctx, { projectId: project.id, invitationId: withdrawn.id });
		expect((await acceptance.lookup(db, withdrawn.token))?.state).toBe('expired');
		expect((await invitations.listPending(ctx, project.id)).map((p) => p.id)).not.toContain(
			withdrawn.id
		);

		expect(await acceptance.lookup(db, 'a'.repeat(32))).toBeNull();
		expect(await acceptance.lookup(db, 'not a token')).toBeNull();
		await expect(
			acceptance.acceptAsNewPerson(contextFor(runtime, null), 'a'.repeat(32), {
				name: 'Nessuno',
				password: 'una password lunga'
			})
		).rejects.toMatchObject({ code: 'invitation_not_found', status: 404 });
	});
});
