import * as Y from 'yjs';
import { captureUpdate } from './capture-update';
import { ACTIONS_ARRAY, readActionBlocks, type ActionBlock } from '../../proposals/action-block';

/**
 * The action blocks live in `actions:<proposalId>` as a Y.Array of Y.Maps, one map per block,
 * one key per field (ADR 0052): two partners editing different fields of a block both win.
 */
export function blocksOf(doc: Y.Doc): ActionBlock[] {
	return readActionBlocks(doc.getArray<Y.Map<unknown>>(ACTIONS_ARRAY).toJSON() as unknown[]);
}

function toMap(block: ActionBlock): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(block)) map.set(key, value);
	return map;
}

/** The update that makes the document hold exactly `blocks` (null if it already does). */
export function replaceBlocksUpdate(doc: Y.Doc, blocks: readonly ActionBlock[]): Uint8Array | null {
	if (JSON.stringify(blocksOf(doc)) === JSON.stringify(blocks)) return null;
	const array = doc.getArray<Y.Map<unknown>>(ACTIONS_ARRAY);
	return captureUpdate(doc, () => {
		array.delete(0, array.length);
		array.insert(0, blocks.map(toMap));
	});
}
