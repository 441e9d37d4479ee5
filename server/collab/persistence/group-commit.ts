/**
 * Group commit: one write in flight at a time; whatever arrives meanwhile goes into the next
 * write as one batch. Under load many updates share one INSERT (and one WAL flush), with no
 * timer: an update arriving at an idle moment is written at once.
 */
export interface GroupCommit<T> {
	/** Resolves when the item's batch is durable; rejects when that batch failed. */
	add(item: T): Promise<void>;
	/** Resolves when everything added so far has been written (or has failed). */
	drain(): Promise<void>;
}

interface Pending<T> {
	item: T;
	resolve(): void;
	reject(error: unknown): void;
}

export interface GroupCommitOptions<T> {
	write(items: T[]): Promise<void>;
	/** Items of one failed batch poison later items with the same key already queued. */
	keyOf(item: T): string;
	/** Caps one statement (PostgreSQL allows 65,535 parameters). */
	maxBatch?: number;
}

export function createGroupCommit<T>(options: GroupCommitOptions<T>): GroupCommit<T> {
	const maxBatch = options.maxBatch ?? 1000;
	let queue: Pending<T>[] = [];
	let flushing: Promise<void> | null = null;

	async function flushAll(): Promise<void> {
		while (queue.length > 0) {
			const batch = queue.slice(0, maxBatch);
			queue = queue.slice(batch.length);
			try {
				await options.write(batch.map((pending) => pending.item));
				for (const pending of batch) pending.resolve();
			} catch (error) {
				for (const pending of batch) pending.reject(error);
				// A later update from the same writer may build on a failed one: fail it too, so
				// nothing is stored whose predecessor was not.
				const failed = new Set(batch.map((pending) => options.keyOf(pending.item)));
				const [poisoned, rest] = partition(queue, (p) => failed.has(options.keyOf(p.item)));
				queue = rest;
				for (const pending of poisoned) pending.reject(error);
			}
		}
		// Cleared in the same tick the queue is seen empty, before any resolved caller runs: an
		// add() from a caller's continuation starts the next flush instead of being stranded.
		flushing = null;
	}

	return {
		add(item) {
			const written = new Promise<void>((resolve, reject) => {
				queue.push({ item, resolve, reject });
			});
			flushing ??= flushAll();
			return written;
		},
		async drain() {
			while (flushing) await flushing;
		}
	};
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
	const yes: T[] = [];
	const no: T[] = [];
	for (const item of items) (test(item) ? yes : no).push(item);
	return [yes, no];
}
