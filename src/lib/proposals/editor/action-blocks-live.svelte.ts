import * as Y from 'yjs';
import {
	ACTIONS_ARRAY,
	emptyActionBlock,
	readActionBlocks,
	swapOrders,
	type ActionBlock
} from '$lib/proposals/action-block';

import {
	readScheduleChoice,
	SCHEDULE_KEY,
	SETTINGS_MAP,
	type ScheduleChoice
} from '$lib/proposals/schedule-choice';

type BlockMap = Y.Map<unknown>;

/**
 * The action blocks of `actions:<proposalId>` as reactive state: a Y.Array of Y.Maps, one key
 * per field (the backend's layout, ADR 0052), so two partners editing different fields of one
 * action both keep their change. Reads go through readActionBlocks, which tolerates half-filled
 * blocks; the derived views recompute from `blocks` on every change, local or remote.
 */
export class ActionBlocksLive {
	blocks = $state<ActionBlock[]>([]);
	/** The schedule the export carries (ADR 0186); null until someone chooses. */
	schedule = $state<ScheduleChoice | null>(null);
	private array: Y.Array<BlockMap>;
	private settings: Y.Map<unknown>;

	constructor(private doc: Y.Doc) {
		this.array = doc.getArray<BlockMap>(ACTIONS_ARRAY);
		this.settings = doc.getMap(SETTINGS_MAP);
		this.array.observeDeep(this.refresh);
		this.settings.observe(this.refreshSettings);
		this.refresh();
		this.refreshSettings();
	}

	private refresh = () => {
		this.blocks = readActionBlocks(this.array.toJSON() as unknown[]);
	};

	private refreshSettings = () => {
		this.schedule = readScheduleChoice(this.settings.get(SCHEDULE_KEY));
	};

	setSchedule(choice: ScheduleChoice) {
		this.settings.set(SCHEDULE_KEY, choice);
	}

	private find(id: string): BlockMap | undefined {
		return this.array.toArray().find((map) => map.get('id') === id);
	}

	add(): string {
		const id = crypto.randomUUID();
		const map = new Y.Map<unknown>();
		this.doc.transact(() => {
			const last = this.blocks.at(-1)?.order ?? this.blocks.length - 1;
			const block = { ...emptyActionBlock(id), order: Math.max(last, this.blocks.length - 1) + 1 };
			for (const [key, value] of Object.entries(block)) map.set(key, value);
			this.array.push([map]);
		});
		return id;
	}

	remove(id: string) {
		const index = this.array.toArray().findIndex((map) => map.get('id') === id);
		if (index >= 0) this.array.delete(index, 1);
	}

	/**
	 * Moves a block one place up or down: one transaction setting order keys, so it reaches every
	 * open canvas as one change and merges with edits made meanwhile. Returns its new place.
	 */
	move(id: string, delta: -1 | 1): number | null {
		const from = this.blocks.findIndex((block) => block.id === id);
		const orders = swapOrders(this.blocks, from, delta);
		if (!orders) return null;
		this.doc.transact(() => {
			for (const map of this.array.toArray()) {
				const order = orders.get(map.get('id') as string);
				if (order !== undefined && map.get('order') !== order) map.set('order', order);
			}
		});
		return from + delta;
	}

	set<K extends keyof ActionBlock>(id: string, key: K, value: ActionBlock[K]) {
		this.find(id)?.set(key, value);
	}

	destroy() {
		this.array.unobserveDeep(this.refresh);
		this.settings.unobserve(this.refreshSettings);
	}
}
