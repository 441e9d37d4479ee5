import { describe, expect, it } from 'vitest';
import { runKillCycles } from '../integration/durability/kill-cycles';

describe('soak: SIGKILL while 50 writers edit', () => {
	it('loses nothing over 20 cycles of 50 writers × 200 edits', async () => {
		const report = await runKillCycles({ cycles: 20, writers: 50, edits: 200, compactAfter: 500 });
		console.log(
			`[soak] kill cycles: ${report.cycleMs.length}, received updates checked: ${report.checked}, ` +
				`final length: ${report.finalLength}, cycle ms: ${report.cycleMs.join(' ')}`
		);
		expect(report.checked).toBe(report.received);
	});
});
