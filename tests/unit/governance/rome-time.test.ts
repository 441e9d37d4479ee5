import { describe, expect, it } from 'vitest';
import { romeToUtc, utcToRome } from '../../../src/lib/governance/rome-time';

describe('Rome wall-clock time', () => {
	it('is UTC+1 in winter and UTC+2 in summer', () => {
		expect(romeToUtc('2026-03-05', '14:30').toISOString()).toBe('2026-03-05T13:30:00.000Z');
		expect(romeToUtc('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T07:00:00.000Z');
	});

	it('handles the days the clocks change', () => {
		expect(romeToUtc('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
		expect(romeToUtc('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
	});

	it('goes back to the same day and time', () => {
		expect(utcToRome(new Date('2026-03-05T23:30:00Z'))).toEqual({
			day: '2026-03-06',
			time: '00:30'
		});
	});
});
