import { describe, expect, it } from 'vitest';
import { runKillCycles } from './kill-cycles';

describe('a server killed with SIGKILL while people write', () => {
	it('keeps every update a client received, and every edit once, after a restart', async () => {
		const report = await runKillCycles({ cycles: 1, writers: 4, edits: 40, compactAfter: 15 });
		expect(report.checked).toBe(report.received);
		expect(report.received).toBeGreaterThan(0);
	}, 180_000);
});
