import { and, eq, inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { membership, organisation, person } from '../db/schema';
import { TAVOLO_AUTHOR } from '../live/authorship/claims';
import { NotFoundError } from '../errors';
import { loadAuthorship } from '../live/authorship/store';
import { readDocument } from '../live/store';
import { authorTags, UNKNOWN_AUTHOR, type AuthorSummary } from '../../proposals/authorship';
import type { PmNode } from '../../proposals/section-text';
import { SECTION_FRAGMENT } from '../../proposals/editor-schema';
import { attributedJson } from './attributed-text';
import { get as getProposal } from './proposals';
import { findSections } from './section-lookup';
import { sectionDocumentName } from './section-content';
import { versionDocument, type VersionRef } from './version-store';
import { versionInProposal } from './versions';

export interface AttributedSection {
	id: string;
	number: string;
	title: string;
	/** The section's text with `author` marks (see src/lib/proposals/authorship.ts). */
	json: PmNode;
}

/**
 * Who wrote what in every text section (or the one `sectionId`), now (`current`) or in a version: each passage with the
 * person the collaboration server saw send it (ADR 0056). Versions hold Yjs states whose
 * structs keep their (client, clock), so the same attribution serves the whole history.
 */
export async function authorship(
	ctx: Ctx,
	input: { proposalId: string; ref: VersionRef; sectionId?: string }
): Promise<{ sections: AttributedSection[]; authors: AuthorSummary[] }> {
	const found = await getProposal(ctx, input.proposalId);
	if (input.ref !== 'current') await versionInProposal(ctx, { ...input, versionId: input.ref });
	const open = (name: string): Promise<Y.Doc> =>
		input.ref === 'current' ? readDocument(ctx.db, name) : versionDocument(ctx.db, input.ref, name);
	const chars = new Map<string, number>();
	const textSections = (await findSections(ctx.db, { proposalId: found.id })).filter(
		(section) =>
			section.kind === 'text' && (input.sectionId === undefined || section.id === input.sectionId)
	);
	if (input.sectionId && textSections.length === 0) {
		throw new NotFoundError('proposal_section_not_found');
	}
	const sections = await Promise.all(
		textSections.map(async (section) => {
			const name = sectionDocumentName(section.id);
			// The document first, then who sent it: everything read is then covered (store docs).
			const doc = await open(name);
			try {
				const attributed = attributedJson(
					doc.getXmlFragment(SECTION_FRAGMENT),
					await loadAuthorship(ctx.db, name)
				);
				for (const [key, n] of attributed.chars) chars.set(key, (chars.get(key) ?? 0) + n);
				return {
					id: section.id,
					number: section.number,
					title: section.title,
					json: attributed.json
				};
			} finally {
				doc.destroy();
			}
		})
	);
	return { sections, authors: await describeAuthors(ctx.db, found.projectId, chars) };
}

/** Names and organisations of the authors, most text first; each gets a style and a tag. */
async function describeAuthors(
	db: Db,
	projectId: string,
	chars: Map<string, number>
): Promise<AuthorSummary[]> {
	const personIds = [...chars.keys()].filter((k) => k !== TAVOLO_AUTHOR && k !== UNKNOWN_AUTHOR);
	const people =
		personIds.length === 0
			? []
			: await db
					.select({
						id: person.id,
						name: person.name,
						organisation: organisation.shortName,
						organisationName: organisation.name
					})
					.from(person)
					.leftJoin(
						membership,
						and(eq(membership.personId, person.id), eq(membership.projectId, projectId))
					)
					.leftJoin(organisation, eq(organisation.id, membership.organisationId))
					.where(inArray(person.id, personIds));
	const byId = new Map(people.map((p) => [p.id, p]));
	const ordered = [...chars.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	const described = ordered.map(([key, n]) => {
		const found = byId.get(key);
		const kind: AuthorSummary['kind'] =
			key === TAVOLO_AUTHOR
				? 'tavolo'
				: key === UNKNOWN_AUTHOR
					? 'unknown'
					: found
						? 'person'
						: 'former';
		return {
			key,
			kind,
			name: found?.name ?? null,
			organisation: found ? (found.organisation ?? found.organisationName) : null,
			chars: n
		};
	});
	const tags = authorTags(
		described.map(
			(a) => a.name ?? { tavolo: 'Tavolo', unknown: '?', former: '—', person: '?' }[a.kind]
		)
	);
	return described.map((author, index) => ({ ...author, tag: tags[index], style: index }));
}
