import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { proposal, proposalSection, templateSection } from '../db/schema';
import type { DocumentAccess } from '../live/access';
import { findSections, sectionResource, type SectionAccessFields } from './section-lookup';

/**
 * Live documents of proposals, for the registry. `section:<id>` is writable at the collab level
 * by whoever may *suggest*; only owners and the coordinator may also edit. The editor runs in
 * suggestion mode for the others (ADR 0051) and the collaboration server refuses anything from
 * them but their own suggestions (ADR 0095). Locked sections are read-only for everyone.
 */
export async function resolveSectionDocument(db: Db, id: string): Promise<DocumentAccess | null> {
	const [section] = await findSections(db, { sectionId: id });
	return section ? sectionAccess(section) : null;
}

export function sectionAccess(section: SectionAccessFields): DocumentAccess {
	const resource = sectionResource(section);
	return {
		resource,
		read: 'proposal.read',
		write: 'proposal.suggest',
		edit: { action: 'proposal.edit', resource }
	};
}

/**
 * `actions:<proposalId>`: the structured action blocks, owned like the template's actions
 * section (suggestions make no sense on a budget figure: non-owners read).
 */
export async function resolveActionsDocument(db: Db, id: string): Promise<DocumentAccess | null> {
	const [found] = await db
		.select({ projectId: proposal.projectId })
		.from(proposal)
		.where(eq(proposal.id, id));
	if (!found) return null;
	const [actionsSection] = await db
		.select({ id: proposalSection.id })
		.from(proposalSection)
		.innerJoin(templateSection, eq(templateSection.id, proposalSection.templateSectionId))
		.where(and(eq(proposalSection.proposalId, id), eq(templateSection.kind, 'actions')))
		.limit(1);
	const [section] = actionsSection ? await findSections(db, { sectionId: actionsSection.id }) : [];
	return {
		resource: section ? sectionResource(section) : { projectId: found.projectId },
		read: 'proposal.read',
		write: 'proposal.edit'
	};
}
