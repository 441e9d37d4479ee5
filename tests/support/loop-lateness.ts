import { performance } from 'node:perf_hooks';

export interface LoopLateness {
	/** Stops watching: how late each tick came (ms, in order) and the worst lateness. */
	stop(): { lateness: number[]; worst: number };
}

/**
 * Watches the event loop with a ticker every `periodMs`: a tick that comes late says the loop
 * was held. Used by the stall benchmarks and the worker-thread tests.
 */
export function watchLoopLateness(periodMs = 5): LoopLateness {
	const lateness: number[] = [];
	let expected = performance.now() + periodMs;
	const ticker = setInterval(() => {
		const now = performance.now();
		lateness.push(Math.max(0, now - expected));
		expected = now + periodMs;
	}, periodMs);
	return {
		stop() {
			clearInterval(ticker);
			// A loop held until now never ticked: the tick still owed is a stall too.
			const owed = Math.max(0, performance.now() - expected);
			return { lateness, worst: Math.max(owed, ...lateness) };
		}
	};
}
