import * as Y from 'yjs';
import { captureUpdate } from './capture-update';
import { ACTIONS_ARRAY, readActionBlocks, type ActionBlock } from '../../proposals/action-block';
import {
	readScheduleChoice,
	SCHEDULE_KEY,
	SETTINGS_MAP,
	type ScheduleChoice
} from '../../proposals/schedule-choice';

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
	return replaceActionsUpdate(
		doc,
		blocks,
		readScheduleChoice(doc.getMap(SETTINGS_MAP).get(SCHEDULE_KEY))
	);
}

/**
 * The update that makes the actions document hold `blocks` and the schedule choice `schedule`
 * (ADR 0186; null: nobody chose), or null when it already does. What a restore writes.
 */
export function replaceActionsUpdate(
	doc: Y.Doc,
	blocks: readonly ActionBlock[],
	schedule: ScheduleChoice | null
): Uint8Array | null {
	const settings = doc.getMap<unknown>(SETTINGS_MAP);
	const sameSchedule = readScheduleChoice(settings.get(SCHEDULE_KEY)) === schedule;
	const sameBlocks = JSON.stringify(blocksOf(doc)) === JSON.stringify(blocks);
	if (sameSchedule && sameBlocks) return null;
	return captureUpdate(doc, () => {
		if (!sameBlocks) {
			const array = doc.getArray<Y.Map<unknown>>(ACTIONS_ARRAY);
			array.delete(0, array.length);
			array.insert(0, blocks.map(toMap));
		}
		if (sameSchedule) return;
		if (schedule) settings.set(SCHEDULE_KEY, schedule);
		else settings.delete(SCHEDULE_KEY);
	});
}
