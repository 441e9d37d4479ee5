import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { membership, organisation, partnership, proposal, proposalSection } from '../db/schema';
import { authorize } from '../access/policy';
import { InvalidError } from '../errors';
import { m } from '../../paraglide/messages';
import type { DecisionLinkType } from '../db/schema';

export interface LinkTarget {
	targetType: DecisionLinkType;
	targetId: string;
	label: string;
}

/**
 * What a decision can link to in this project: partners (the partnership and the members'
 * organisations) and proposal sections. Labels come from the database, never from the form.
 */
async function targetsOf(db: Db, projectId: string): Promise<LinkTarget[]> {
	const [partners, memberOrganisations, sections] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(partnership)
			.innerJoin(organisation, eq(partnership.organisationId, organisation.id))
			.where(eq(partnership.projectId, projectId)),
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(membership)
			.innerJoin(organisation, eq(membership.organisationId, organisation.id))
			.where(eq(membership.projectId, projectId)),
		db
			.select({
				id: proposalSection.id,
				number: proposalSection.number,
				title: proposalSection.title,
				proposal: proposal.title
			})
			.from(proposalSection)
			.innerJoin(proposal, eq(proposalSection.proposalId, proposal.id))
			.where(eq(proposal.projectId, projectId))
			.orderBy(proposal.title, proposalSection.position)
	]);
	const organisations = new Map([...partners, ...memberOrganisations].map((o) => [o.id, o.name]));
	return [
		...[...organisations].map(([id, name]) => ({
			targetType: 'partner' as const,
			targetId: id,
			label: name
		})),
		...sections.map((s) => ({
			targetType: 'proposal_section' as const,
			targetId: s.id,
			label: `${s.proposal} § ${s.number} ${s.title}`
		}))
	];
}

export async function listLinkTargets(
	{ db, actor }: Ctx,
	projectId: string
): Promise<LinkTarget[]> {
	await authorize(db, actor, 'governance.read', { projectId });
	return targetsOf(db, projectId);
}

/**
 * The form's links checked against the project: partners and sections must belong to it and take
 * their label from it. Activities live inside a proposal's action-block document, so their id and
 * label are kept as given.
 */
export async function checkedLinks(
	db: Db,
	projectId: string,
	links: readonly LinkTarget[]
): Promise<LinkTarget[]> {
	if (links.length === 0) return [];
	const known = new Map(
		(await targetsOf(db, projectId)).map((t) => [`${t.targetType}:${t.targetId}`, t])
	);
	return links.map((link) => {
		if (link.targetType === 'activity') return link;
		const found = known.get(`${link.targetType}:${link.targetId}`);
		if (!found) throw new InvalidError('invalid', { links: [m.error_gov_link_unknown()] });
		return found;
	});
}
