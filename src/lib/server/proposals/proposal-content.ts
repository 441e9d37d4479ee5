import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { readDocument } from '../live/store';
import type { ActionBlock } from '../../proposals/action-block';
import type { PmNode } from '../../proposals/section-text';
import { blocksOf } from './action-blocks';
import {
	readScheduleChoice,
	SCHEDULE_KEY,
	SETTINGS_MAP,
	type ScheduleChoice
} from '../../proposals/schedule-choice';
import { actionField } from '../../proposals/section-kinds';
import { findSections, type SectionRecord } from './section-lookup';
import { actionsDocumentName, sectionDocumentName, sectionJson } from './section-content';
import { versionDocument } from './version-store';

export interface SectionContent extends SectionRecord {
	json: PmNode;
	/** A per-action section's text for each action block, by action id (ADR 0198). */
	byAction: Record<string, PmNode>;
}

export interface ProposalContent {
	sections: SectionContent[];
	blocks: ActionBlock[];
	/** The schedule the author chose for the export; null while nobody chose (ADR 0186). */
	schedule: ScheduleChoice | null;
}

/**
 * The text of every section and the action blocks, as they are now or as a version holds
 * them. No access check: the calling domain function has made its own.
 */
export async function readContent(
	db: Db,
	proposalId: string,
	versionId?: string
): Promise<ProposalContent> {
	const open = (name: string): Promise<Y.Doc> =>
		versionId ? versionDocument(db, versionId, name) : readDocument(db, name);
	const sections = await findSections(db, { proposalId });
	const actionsDoc = await open(actionsDocumentName(proposalId));
	const blocks = blocksOf(actionsDoc);
	const contents = await Promise.all(
		sections.map(async (section) => {
			const doc = await open(sectionDocumentName(section.id));
			try {
				const byAction = section.perAction
					? Object.fromEntries(blocks.map((b) => [b.id, sectionJson(doc, actionField(b.id))]))
					: {};
				return { ...section, json: sectionJson(doc), byAction };
			} finally {
				doc.destroy();
			}
		})
	);
	try {
		return {
			sections: contents,
			blocks,
			schedule: readScheduleChoice(actionsDoc.getMap(SETTINGS_MAP).get(SCHEDULE_KEY))
		};
	} finally {
		actionsDoc.destroy();
	}
}
