import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
	proposal,
	proposalSection,
	sectionOwner,
	templateSection,
	type ProposalSection
} from '../db/schema';
import type { Resource } from '../access/policy';
import { NotFoundError } from '../errors';
import type { PerAction, SectionKind } from '../../proposals/section-kinds';

export interface SectionRecord extends ProposalSection {
	projectId: string;
	kind: SectionKind;
	perAction: PerAction | null;
	guidance: string;
	limitChars: number | null;
	limitLabel: string | null;
	columns: string[];
	options: string[];
	ownerOrganisationIds: string[];
}

const columns = {
	section: proposalSection,
	projectId: proposal.projectId,
	kind: templateSection.kind,
	perAction: templateSection.perAction,
	guidance: templateSection.guidance,
	limitChars: templateSection.limitChars,
	limitLabel: templateSection.limitLabel,
	columns: templateSection.columns,
	options: templateSection.options
};

/** Sections with what the policy and the canvas need: project, owners, template guidance. */
export async function findSections(
	db: Db,
	where: { sectionId: string } | { proposalId: string }
): Promise<SectionRecord[]> {
	const rows = await db
		.select(columns)
		.from(proposalSection)
		.innerJoin(proposal, eq(proposal.id, proposalSection.proposalId))
		.innerJoin(templateSection, eq(templateSection.id, proposalSection.templateSectionId))
		.where(
			'sectionId' in where
				? eq(proposalSection.id, where.sectionId)
				: eq(proposalSection.proposalId, where.proposalId)
		)
		.orderBy(asc(proposalSection.position));
	if (rows.length === 0) return [];
	const owners = await db
		.select()
		.from(sectionOwner)
		.where(
			inArray(
				sectionOwner.sectionId,
				rows.map((row) => row.section.id)
			)
		);
	return rows.map(({ section, ...rest }) => ({
		...section,
		...rest,
		ownerOrganisationIds: owners
			.filter((owner) => owner.sectionId === section.id)
			.map((owner) => owner.organisationId)
	}));
}

export async function findSectionOrThrow(db: Db, sectionId: string): Promise<SectionRecord> {
	const [found] = await findSections(db, { sectionId });
	if (!found) throw new NotFoundError('proposal_section_not_found');
	return found;
}

/** What the policy reads of a section. */
export type SectionAccessFields = Pick<
	SectionRecord,
	'projectId' | 'ownerOrganisationIds' | 'locked'
>;

/** The policy's view of a section: owners may edit, others suggest, nobody writes if locked. */
export function sectionResource(section: SectionAccessFields): Resource {
	return {
		projectId: section.projectId,
		ownerOrganisationIds: section.ownerOrganisationIds,
		locked: section.locked
	};
}
