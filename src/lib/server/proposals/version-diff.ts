import type { Ctx } from '../context';
import type { AuthorSummary } from '../../proposals/authorship';
import { plainText, plainTextRuns } from '../../proposals/section-text';
import { authorship } from './authorship';
import { diffTexts, type TextDiff } from '../../proposals/text-diff';
import { readContent } from './proposal-content';
import { get as getProposal } from './proposals';
import { versionInProposal } from './versions';
import type { VersionRef } from './version-store';

export interface SectionDiff extends TextDiff {
	sectionId: string;
	number: string;
	title: string;
}

export interface ActionDiff {
	id: string;
	title: string;
	change: 'added' | 'removed' | 'changed';
}

export type { VersionRef };

/**
 * What changed between two versions (or a version and now): words per section, actions by id.
 * Inserted words carry who wrote them (ADR 0056), described in `authors`.
 */
export async function diff(
	ctx: Ctx,
	input: { proposalId: string; from: VersionRef; to: VersionRef }
): Promise<{ sections: SectionDiff[]; actions: ActionDiff[]; authors: AuthorSummary[] }> {
	const load = async (ref: VersionRef) => {
		if (ref === 'current') {
			await getProposal(ctx, input.proposalId);
			return readContent(ctx.db, input.proposalId);
		}
		await versionInProposal(ctx, { proposalId: input.proposalId, versionId: ref });
		return readContent(ctx.db, input.proposalId, ref);
	};
	const [before, after] = await Promise.all([load(input.from), load(input.to)]);
	const authored = await authorship(ctx, { proposalId: input.proposalId, ref: input.to });
	const sections = after.sections.map((section) => {
		const old = before.sections.find((s) => s.id === section.id);
		const withAuthors = authored.sections.find((s) => s.id === section.id);
		return {
			sectionId: section.id,
			number: section.number,
			title: section.title,
			...diffTexts(
				old ? plainText(old.json) : '',
				withAuthors ? plainTextRuns(withAuthors.json) : plainText(section.json)
			)
		};
	});
	return {
		sections,
		actions: diffActions(before.blocks, after.blocks),
		authors: authored.authors
	};
}

function diffActions(
	before: { id: string; title: string }[],
	after: { id: string; title: string }[]
): ActionDiff[] {
	const old = new Map(before.map((block) => [block.id, JSON.stringify(block)]));
	const changes: ActionDiff[] = [];
	for (const block of after) {
		const previous = old.get(block.id);
		if (previous === undefined) changes.push({ id: block.id, title: block.title, change: 'added' });
		else if (previous !== JSON.stringify(block)) {
			changes.push({ id: block.id, title: block.title, change: 'changed' });
		}
		old.delete(block.id);
	}
	for (const block of before) {
		if (old.has(block.id)) changes.push({ id: block.id, title: block.title, change: 'removed' });
	}
	return changes;
}
