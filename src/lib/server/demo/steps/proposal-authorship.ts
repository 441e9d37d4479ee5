import * as Y from 'yjs';
import type { DemoPersonKey } from '../data/people';
import { DEMO_PERSON_IDS } from '../ids';
import type { PmNode } from '../../../proposals/section-text';
import { replaceContentUpdate } from '../../proposals/section-content';

/**
 * Who wrote the demo proposal's sections, block by block and in order, so "who wrote what"
 * shows several partners: each step writes the section's blocks up to `upTo` as that person,
 * under a Yjs client id of its own, as a browser session of theirs would have.
 */
const WRITERS: Record<string, { person: DemoPersonKey; upTo: number }[]> = {
	'1': [
		{ person: 'editorGrandeCasa', upTo: 4 },
		{ person: 'coordinator', upTo: 5 },
		{ person: 'editorGrandeCasa', upTo: 7 }
	],
	'2': [
		{ person: 'editorAi', upTo: 1 },
		{ person: 'coordinator', upTo: 2 }
	],
	'3': [{ person: 'coordinator', upTo: 1 }],
	'4': [
		{ person: 'coordinator', upTo: 1 },
		{ person: 'editorGrandeCasa', upTo: 2 }
	]
};

/** The updates that write `json` into a section, each with the demo person who sent it. */
export function demoSectionUpdates(
	sectionNumber: string,
	json: PmNode
): { update: Uint8Array; authorId: string }[] {
	const blocks = json.content ?? [];
	const steps = WRITERS[sectionNumber] ?? [{ person: 'coordinator', upTo: blocks.length }];
	const doc = new Y.Doc();
	try {
		return steps.flatMap((step, index) => {
			// Stable ids keep the demo the same on every fresh start.
			doc.clientID = 1_000 + Number.parseInt(sectionNumber, 10) * 10 + index;
			const update = replaceContentUpdate(doc, {
				type: 'doc',
				content: blocks.slice(0, index === steps.length - 1 ? blocks.length : step.upTo)
			});
			return update ? [{ update, authorId: DEMO_PERSON_IDS[step.person] }] : [];
		});
	} finally {
		doc.destroy();
	}
}
