import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { authorize } from '../access/policy';
import {
	membership,
	organisation,
	partnership,
	person,
	type Organisation,
	type PartnershipRole,
	type ProjectRole
} from '../db/schema';

export interface OrganisationMember {
	personId: string;
	name: string;
	role: ProjectRole;
}

export interface ProjectOrganisation {
	id: string;
	name: string;
	shortName: string | null;
	kind: Organisation['kind'];
	accreditations: string[];
	/** null when the organisation is in the project only through its members. */
	partnership: {
		role: PartnershipRole;
		description: string;
		areas: string[];
		targets: string[];
	} | null;
	members: OrganisationMember[];
}

// Lead first, then institutions, operators, network, and organisations without a partnership.
const ROLE_ORDER: readonly (PartnershipRole | null)[] = [
	'lead',
	'institutional_partner',
	'operating_partner',
	'programme_referent',
	'network_member',
	null
];

/** The organisations of a project: its partnership, plus any organisation its members act for. */
export async function listForProject(
	{ db, actor }: Ctx,
	projectId: string
): Promise<ProjectOrganisation[]> {
	await authorize(db, actor, 'member.read', { projectId });
	const [partners, members] = await Promise.all([
		db
			.select({ organisation, partnership })
			.from(partnership)
			.innerJoin(organisation, eq(partnership.organisationId, organisation.id))
			.where(eq(partnership.projectId, projectId)),
		db
			.select({ organisation, personId: person.id, name: person.name, role: membership.role })
			.from(membership)
			.innerJoin(organisation, eq(membership.organisationId, organisation.id))
			.innerJoin(person, eq(membership.personId, person.id))
			.where(eq(membership.projectId, projectId))
			.orderBy(asc(person.name))
	]);
	const byId = new Map<string, ProjectOrganisation>();
	const entry = (row: Organisation) => {
		let found = byId.get(row.id);
		if (!found) {
			const { id, name, shortName, kind, accreditations } = row;
			found = { id, name, shortName, kind, accreditations, partnership: null, members: [] };
			byId.set(row.id, found);
		}
		return found;
	};
	for (const row of partners) {
		const { role, description, areas, targets } = row.partnership;
		entry(row.organisation).partnership = { role, description, areas, targets };
	}
	for (const { organisation: row, ...member } of members) entry(row).members.push(member);
	return [...byId.values()].sort(
		(a, b) =>
			ROLE_ORDER.indexOf(a.partnership?.role ?? null) -
				ROLE_ORDER.indexOf(b.partnership?.role ?? null) || a.name.localeCompare(b.name, 'it')
	);
}
