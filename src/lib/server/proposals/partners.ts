import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { membership, organisation, partnership } from '../db/schema';

export interface ProjectPartner {
	id: string;
	name: string;
	shortName: string | null;
}

/** Organisations taking part in a project: its partnership, plus members' organisations. */
export async function projectPartners(db: Db, projectId: string): Promise<ProjectPartner[]> {
	const [partners, members] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name, shortName: organisation.shortName })
			.from(partnership)
			.innerJoin(organisation, eq(organisation.id, partnership.organisationId))
			.where(eq(partnership.projectId, projectId)),
		db
			.selectDistinct({
				id: organisation.id,
				name: organisation.name,
				shortName: organisation.shortName
			})
			.from(membership)
			.innerJoin(organisation, eq(organisation.id, membership.organisationId))
			.where(eq(membership.projectId, projectId))
	]);
	const byId = new Map([...members, ...partners].map((p) => [p.id, p]));
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

/** True when every organisation takes part in the project. */
export async function arePartners(
	db: Db,
	projectId: string,
	organisationIds: readonly string[]
): Promise<boolean> {
	if (organisationIds.length === 0) return true;
	const wanted = [...new Set(organisationIds)];
	const [inPartnership, inMembership] = await Promise.all([
		db
			.select({ id: partnership.organisationId })
			.from(partnership)
			.where(
				and(eq(partnership.projectId, projectId), inArray(partnership.organisationId, wanted))
			),
		db
			.select({ id: membership.organisationId })
			.from(membership)
			.where(and(eq(membership.projectId, projectId), inArray(membership.organisationId, wanted)))
	]);
	const found = new Set([...inPartnership, ...inMembership].map((row) => row.id));
	return wanted.every((id) => found.has(id));
}
