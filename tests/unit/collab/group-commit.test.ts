import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../server/collab/persistence/group-commit';

interface Item {
	key: string;
	n: number;
}

/** A writer whose writes finish only when the test lets them. */
function controlledWriter() {
	const batches: Item[][] = [];
	const gates: { release(): void; fail(error: Error): void }[] = [];
	return {
		batches,
		write(items: Item[]) {
			batches.push(items);
			return new Promise<void>((resolve, reject) => gates.push({ release: resolve, fail: reject }));
		},
		next: () => gates.shift()!
	};
}

const keyOf = (item: Item) => item.key;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
	it('writes an item at once when idle, and batches what arrives during a write', async () => {
		const writer = controlledWriter();
		const commit = createGroupCommit({ write: writer.write, keyOf });
		const first = commit.add({ key: 'a', n: 1 });
		const rest = [2, 3, 4].map((n) => commit.add({ key: n % 2 ? 'a' : 'b', n }));
		expect(writer.batches.map((b) => b.map((i) => i.n))).toEqual([[1]]);
		writer.next().release();
		await first;
		await flush();
		expect(writer.batches.map((b) => b.map((i) => i.n))).toEqual([[1], [2, 3, 4]]);
		writer.next().release();
		await Promise.all(rest);
	});

	it('starts a new write for an item added right after the previous one resolved', async () => {
		let writes = 0;
		const commit = createGroupCommit<Item>({ write: async () => void writes++, keyOf });
		for (let n = 0; n < 20; n++) await commit.add({ key: 'a', n });
		expect(writes).toBe(20);
	});

	it('fails the batch and the queued items of the same documents, not the others', async () => {
		const writer = controlledWriter();
		const commit = createGroupCommit({ write: writer.write, keyOf });
		const first = commit.add({ key: 'a', n: 1 });
		const sameDocument = commit.add({ key: 'a', n: 2 });
		const otherDocument = commit.add({ key: 'b', n: 3 });
		writer.next().fail(new Error('database down'));
		await expect(first).rejects.toThrow('database down');
		await expect(sameDocument).rejects.toThrow('database down');
		await flush();
		expect(writer.batches.at(-1)).toEqual([{ key: 'b', n: 3 }]);
		writer.next().release();
		await expect(otherDocument).resolves.toBeUndefined();
	});

	it('caps the size of one batch', async () => {
		const sizes: number[] = [];
		const commit = createGroupCommit<Item>({
			write: async (items) => void sizes.push(items.length),
			keyOf,
			maxBatch: 10
		});
		await Promise.all(Array.from({ length: 35 }, (_, n) => commit.add({ key: 'a', n })));
		expect(sizes).toEqual([1, 10, 10, 10, 4]);
	});

	it('drains: resolves once everything added has been written', async () => {
		const written: number[] = [];
		const commit = createGroupCommit<Item>({
			write: async (items) => void written.push(...items.map((i) => i.n)),
			keyOf
		});
		for (let n = 0; n < 5; n++) void commit.add({ key: 'a', n });
		await commit.drain();
		expect(written).toEqual([0, 1, 2, 3, 4]);
	});
});
