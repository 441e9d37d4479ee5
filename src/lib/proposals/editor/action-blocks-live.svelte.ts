import * as Y from 'yjs';
import {
	ACTIONS_ARRAY,
	emptyActionBlock,
	readActionBlocks,
	type ActionBlock
} from '$lib/proposals/action-block';

type BlockMap = Y.Map<unknown>;

/**
 * The action blocks of `actions:<proposalId>` as reactive state: a Y.Array of Y.Maps, one key
 * per field (the backend's layout, ADR 0052), so two partners editing different fields of one
 * action both keep their change. Reads go through readActionBlocks, which tolerates half-filled
 * blocks; the derived views recompute from `blocks` on every change, local or remote.
 */
export class ActionBlocksLive {
	blocks = $state<ActionBlock[]>([]);
	private array: Y.Array<BlockMap>;

	constructor(private doc: Y.Doc) {
		this.array = doc.getArray<BlockMap>(ACTIONS_ARRAY);
		this.array.observeDeep(this.refresh);
		this.refresh();
	}

	private refresh = () => {
		this.blocks = readActionBlocks(this.array.toJSON() as unknown[]);
	};

	private find(id: string): BlockMap | undefined {
		return this.array.toArray().find((map) => map.get('id') === id);
	}

	add(): string {
		const id = crypto.randomUUID();
		const map = new Y.Map<unknown>();
		this.doc.transact(() => {
			for (const [key, value] of Object.entries(emptyActionBlock(id))) map.set(key, value);
			this.array.push([map]);
		});
		return id;
	}

	remove(id: string) {
		const index = this.array.toArray().findIndex((map) => map.get('id') === id);
		if (index >= 0) this.array.delete(index, 1);
	}

	set<K extends keyof ActionBlock>(id: string, key: K, value: ActionBlock[K]) {
		this.find(id)?.set(key, value);
	}

	destroy() {
		this.array.unobserveDeep(this.refresh);
	}
}
