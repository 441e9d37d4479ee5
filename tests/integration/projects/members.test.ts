import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEntry, membership } from '../../../src/lib/server/db/schema';
import * as members from '../../../src/lib/server/projects/members';
import { buildMember, buildProject } from '../../support/factories';
import { recordInvalidations, startDatabaseRuntime } from '../auth/fixture';
import { contextFor } from '../../../src/lib/server/context';

const runtime = await startDatabaseRuntime();
const { db } = runtime;

async function team() {
	const project = await buildProject(db);
	const projectId = project.id;
	const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
	const partner = await buildMember(db, { projectId, role: 'partner_editor' });
	const observer = await buildMember(db, { projectId, role: 'observer' });
	const membershipOf = async (personId: string) =>
		(await db.select().from(membership).where(eq(membership.personId, personId)))[0];
	return { projectId, coordinator, partner, observer, membershipOf };
}

describe('members', () => {
	it('are listed to every member; e-mails only to those who manage them', async () => {
		const t = await team();
		const seenByObserver = await members.list(contextFor(runtime, t.observer.actor), t.projectId);
		expect(seenByObserver).toHaveLength(3);
		expect(seenByObserver.every((m) => m.email === null)).toBe(true);
		expect(seenByObserver.map((m) => m.role).sort()).toEqual([
			'coordinator',
			'observer',
			'partner_editor'
		]);
		const seenByCoordinator = await members.list(
			contextFor(runtime, t.coordinator.actor),
			t.projectId
		);
		expect(seenByCoordinator.map((m) => m.email)).toContain(t.partner.person.email);
		const other = await buildProject(db);
		await expect(
			members.list(contextFor(runtime, t.observer.actor), other.id)
		).rejects.toMatchObject({
			status: 404
		});
	});

	it('change role only by a coordinator, audited, re-authorising open documents', async () => {
		const t = await team();
		const seen = recordInvalidations(runtime);
		const target = await t.membershipOf(t.partner.person.id);
		const change = { projectId: t.projectId, membershipId: target.id, role: 'observer' as const };
		await expect(
			members.changeRole(contextFor(runtime, t.partner.actor), change)
		).rejects.toMatchObject({ status: 403 });
		expect(seen).toHaveLength(0);
		await members.changeRole(contextFor(runtime, t.coordinator.actor), change);
		expect((await t.membershipOf(t.partner.person.id)).role).toBe('observer');
		expect(seen).toEqual([{ personId: t.partner.person.id, projectId: t.projectId }]);
		const audit = await db.select().from(auditEntry).where(eq(auditEntry.resourceId, target.id));
		expect(audit.map((a) => a.action)).toContain('membership.role_change');
	});

	it('are removed by a coordinator, and their open documents re-authorise', async () => {
		const t = await team();
		const seen = recordInvalidations(runtime);
		const target = await t.membershipOf(t.observer.person.id);
		await members.remove(contextFor(runtime, t.coordinator.actor), {
			projectId: t.projectId,
			membershipId: target.id
		});
		expect(await t.membershipOf(t.observer.person.id)).toBeUndefined();
		expect(seen).toEqual([{ personId: t.observer.person.id, projectId: t.projectId }]);
		await expect(
			members.list(contextFor(runtime, t.observer.actor), t.projectId)
		).rejects.toMatchObject({
			status: 404
		});
	});

	it('never leave a project without a coordinator', async () => {
		const t = await team();
		const own = await t.membershipOf(t.coordinator.person.id);
		const ctx = contextFor(runtime, t.coordinator.actor);
		await expect(
			members.changeRole(ctx, { projectId: t.projectId, membershipId: own.id, role: 'observer' })
		).rejects.toMatchObject({ code: 'last_coordinator', status: 409 });
		await expect(
			members.remove(ctx, { projectId: t.projectId, membershipId: own.id })
		).rejects.toMatchObject({ code: 'last_coordinator' });

		const partner = await t.membershipOf(t.partner.person.id);
		await members.changeRole(ctx, {
			projectId: t.projectId,
			membershipId: partner.id,
			role: 'coordinator'
		});
		await members.changeRole(ctx, {
			projectId: t.projectId,
			membershipId: own.id,
			role: 'observer'
		});
		expect((await t.membershipOf(t.coordinator.person.id)).role).toBe('observer');
	});

	it('cannot be changed through another project', async () => {
		const t = await team();
		const elsewhere = await team();
		const foreign = await elsewhere.membershipOf(elsewhere.partner.person.id);
		await expect(
			members.remove(contextFor(runtime, t.coordinator.actor), {
				projectId: t.projectId,
				membershipId: foreign.id
			})
		).rejects.toMatchObject({ code: 'member_not_found', status: 404 });
		expect(await elsewhere.membershipOf(elsewhere.partner.person.id)).toBeDefined();
	});
});
