import { describe, expect, it } from 'vitest';
import { rangeLabel, rangeQuery, reportRangeForm } from '../../../src/lib/monitoring/report-range';
import { reportFileName } from '../../../src/lib/server/monitoring/report-file';

/** The report's from–to range (ADR 0202): what the page's form and the endpoints accept. */
describe('the report range', () => {
	it('takes both ends, either, or none', () => {
		expect(reportRangeForm.parse({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
			from: '2025-01-01',
			to: '2025-12-31'
		});
		expect(reportRangeForm.parse({ from: '', to: '2025-03-31' })).toEqual({
			from: null,
			to: '2025-03-31'
		});
		expect(reportRangeForm.parse({})).toEqual({ from: null, to: null });
	});

	it('takes one day as a range, and refuses an end before the start, on the end', () => {
		expect(reportRangeForm.safeParse({ from: '2025-05-05', to: '2025-05-05' }).success).toBe(true);
		const reversed = reportRangeForm.safeParse({ from: '2025-05-06', to: '2025-05-05' });
		expect(reversed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['to', 'La data di inizio non può essere successiva alla data di fine.']
		]);
	});

	it('refuses what is not a day, in words', () => {
		for (const from of ['2025-02-30', '2025-13-01', '01/02/2025', '2025-1-1']) {
			const result = reportRangeForm.safeParse({ from });
			expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
				['from', 'Indica una data valida.']
			]);
		}
	});

	it('goes back into links, into words and into file names', () => {
		expect(rangeQuery({ from: '2025-01-01', to: '2025-06-30' })).toBe(
			'from=2025-01-01&to=2025-06-30'
		);
		expect(rangeQuery({ from: null, to: '2025-06-30' })).toBe('to=2025-06-30');
		expect(rangeLabel({ from: '2025-01-01', to: '2025-06-30' })).toBe(
			'Dal 01/01/2025 al 30/06/2025'
		);
		expect(reportFileName('year', null)).toBe('rapporto-monitoraggio-year');
		expect(reportFileName('month', { from: '2025-01-01', to: '2025-06-30' })).toBe(
			'rapporto-monitoraggio-month-2025-01-01_2025-06-30'
		);
	});
});
