import { count, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { commentThread, type Proposal, type SectionStatus } from '../db/schema';
import { authorize } from '../access/policy';
import { readDocuments } from '../live/store';
import { layoutChars, plainText } from '../../proposals/section-text';
import { lengthState, MAX_SECTION_CHARS, type LengthState } from '../../proposals/limits';
import { findProposalOrThrow } from './proposals';
import { findSections, type SectionRecord } from './section-lookup';
import { sectionDocumentName, sectionJson } from './section-content';
import {
	actionIdOf,
	hasOwnText,
	isActionField,
	valueFits,
	type PerAction,
	type SectionKind
} from '../../proposals/section-kinds';

export interface SectionOverview {
	id: string;
	number: string;
	title: string;
	guidance: string;
	kind: SectionKind;
	/** Filled per action (ADR 0198); null: once. */
	perAction: PerAction | null;
	status: SectionStatus;
	locked: boolean;
	ownerOrganisationIds: string[];
	chars: number;
	/** Per action (ADR 0198), each action's text as the export lays it out, by action id. */
	actionChars: Record<string, number>;
	limitChars: number | null;
	limitLabel: string | null;
	columns: string[];
	options: string[];
	/** A date, amount or choice section whose text is not one: flagged on the canvas. */
	badValue: boolean;
	length: LengthState;
	/** Over the per-section maximum (a huge paste that got through): shown as an error. */
	tooLarge: boolean;
	openComments: number;
	comments: number;
}

export interface ProposalOverview {
	proposal: Proposal;
	sections: SectionOverview[];
	/** Sections agreed, and sections with any text, out of all: the completeness at a glance. */
	agreed: number;
	written: number;
	total: number;
}

/** The canvas's overview: every section's status, length against its limit and comments. */
export async function overview(ctx: Ctx, proposalId: string): Promise<ProposalOverview> {
	const found = await findProposalOrThrow(ctx.db, proposalId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: found.projectId });
	const sections = await findSections(ctx.db, { proposalId });
	const [lengths, comments] = await Promise.all([
		sectionTexts(ctx, sections),
		commentCounts(
			ctx,
			sections.map((section) => section.id)
		)
	]);
	const rows = sections.map((section, index): SectionOverview => {
		const counted = comments.get(section.id) ?? { open: 0, all: 0 };
		const { chars, text, actionChars } = lengths[index];
		return {
			id: section.id,
			number: section.number,
			title: section.title,
			guidance: section.guidance,
			kind: section.kind,
			perAction: section.perAction,
			status: section.status,
			locked: section.locked,
			ownerOrganisationIds: section.ownerOrganisationIds,
			chars,
			actionChars,
			limitChars: section.limitChars,
			limitLabel: section.limitLabel,
			columns: section.columns,
			options: section.options,
			badValue: !valueFits(section.kind, text, section.options),
			length: lengthState(chars, section.limitChars),
			tooLarge: chars > MAX_SECTION_CHARS,
			openComments: counted.open,
			comments: counted.all
		};
	});
	// Title-only parents have nothing to write: they do not count towards completeness.
	const writable = rows.filter((row) => hasOwnText(row.kind));
	return {
		proposal: found,
		sections: rows,
		agreed: writable.filter((row) => row.status === 'agreed').length,
		written: writable.filter((row) => row.chars > 0).length,
		total: writable.length
	};
}

/** Every section's length and (for values) its text, from one read of all their documents. */
async function sectionTexts(
	ctx: Ctx,
	sections: SectionRecord[]
): Promise<{ chars: number; text: string; actionChars: Record<string, number> }[]> {
	const docs = await readDocuments(
		ctx.db,
		sections.map((section) => sectionDocumentName(section.id))
	);
	return sections.map((section, index) => {
		const doc = docs[index];
		try {
			const json = sectionJson(doc);
			// Each action's text is measured like a section's: the section's limit holds for each.
			const actionChars: Record<string, number> = {};
			if (section.perAction) {
				for (const name of doc.share.keys()) {
					if (isActionField(name)) {
						actionChars[actionIdOf(name)] = layoutChars(sectionJson(doc, name));
					}
				}
			}
			return {
				chars: layoutChars(json),
				text: section.kind === 'text' ? '' : plainText(json),
				actionChars
			};
		} finally {
			doc.destroy();
		}
	});
}

async function commentCounts(ctx: Ctx, sectionIds: string[]) {
	const counts = new Map<string, { open: number; all: number }>();
	if (sectionIds.length === 0) return counts;
	const rows = await ctx.db
		.select({
			sectionId: commentThread.sectionId,
			resolved: commentThread.resolved,
			threads: count()
		})
		.from(commentThread)
		.where(inArray(commentThread.sectionId, sectionIds))
		.groupBy(commentThread.sectionId, commentThread.resolved);
	for (const row of rows) {
		const entry = counts.get(row.sectionId) ?? { open: 0, all: 0 };
		entry.all += row.threads;
		if (!row.resolved) entry.open += row.threads;
		counts.set(row.sectionId, entry);
	}
	return counts;
}
