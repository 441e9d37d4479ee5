import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { membership, organisation, person, type ProjectRole } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { ConflictError, NotFoundError } from '../errors';
import { record } from '../audit/audit';

export interface Member {
	membershipId: string;
	personId: string;
	name: string;
	/** Only for those who manage members: others see names, organisations and roles. */
	email: string | null;
	organisationName: string | null;
	role: ProjectRole;
}

export async function list({ db, actor }: Ctx, projectId: string): Promise<Member[]> {
	const grant = await authorize(db, actor, 'member.read', { projectId });
	const showEmail = decide(grant, 'member.manage', { projectId });
	const rows = await db
		.select({
			membershipId: membership.id,
			personId: person.id,
			name: person.name,
			email: person.email,
			organisationName: organisation.name,
			role: membership.role
		})
		.from(membership)
		.innerJoin(person, eq(membership.personId, person.id))
		.leftJoin(organisation, eq(membership.organisationId, organisation.id))
		.where(eq(membership.projectId, projectId))
		.orderBy(asc(person.name));
	return rows.map((row) => ({ ...row, email: showEmail ? row.email : null }));
}

interface MembershipChange {
	projectId: string;
	membershipId: string;
}

export async function changeRole(
	{ db, actor, invalidations }: Ctx,
	input: MembershipChange & { role: ProjectRole }
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'member.manage', {
		projectId: input.projectId
	});
	const personId = await db.transaction(async (tx) => {
		const target = await lockAndFind(tx, input);
		if (target.role === 'coordinator' && input.role !== 'coordinator') {
			assertAnotherCoordinator(target.coordinators);
		}
		await tx.update(membership).set({ role: input.role }).where(eq(membership.id, target.id));
		await audit(tx, signedIn.id, 'membership.role_change', input, {
			from: target.role,
			to: input.role
		});
		return target.personId;
	});
	invalidations.publish({ personId, projectId: input.projectId });
}

export async function remove(
	{ db, actor, invalidations }: Ctx,
	input: MembershipChange
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'member.manage', {
		projectId: input.projectId
	});
	const personId = await db.transaction(async (tx) => {
		const target = await lockAndFind(tx, input);
		if (target.role === 'coordinator') assertAnotherCoordinator(target.coordinators);
		await tx.delete(membership).where(eq(membership.id, target.id));
		await audit(tx, signedIn.id, 'membership.remove', input, { role: target.role });
		return target.personId;
	});
	invalidations.publish({ personId, projectId: input.projectId });
}

/**
 * Locks the project's memberships for the rest of the transaction, so two coordinators demoting
 * each other at once cannot leave the project with none.
 */
async function lockAndFind(db: Db, { projectId, membershipId }: MembershipChange) {
	const rows = await db
		.select({ id: membership.id, personId: membership.personId, role: membership.role })
		.from(membership)
		.where(eq(membership.projectId, projectId))
		.for('update');
	const target = rows.find((row) => row.id === membershipId);
	if (!target) throw new NotFoundError('member_not_found');
	return { ...target, coordinators: rows.filter((row) => row.role === 'coordinator').length };
}

function assertAnotherCoordinator(coordinators: number): void {
	if (coordinators <= 1) throw new ConflictError('last_coordinator');
}

function audit(
	db: Db,
	actorId: string,
	action: string,
	{ projectId, membershipId }: MembershipChange,
	detail: Record<string, unknown>
) {
	return record(db, {
		actorId,
		action,
		resourceType: 'membership',
		resourceId: membershipId,
		projectId,
		detail
	});
}

/** Used by the members page to hide the coordinator-only controls. */
export async function canManage({ db, actor }: Ctx, projectId: string): Promise<boolean> {
	const grant = await authorize(db, actor, 'member.read', { projectId });
	return decide(grant, 'member.manage', { projectId });
}
