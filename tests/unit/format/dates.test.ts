import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatLongDate,
	formatTime,
	isoDate
} from '../../../src/lib/format/dates';

describe('dates in it-IT, Europe/Rome', () => {
	it('shows a calendar day as dd/mm/yyyy without shifting it', () => {
		expect(formatDate('2026-03-05', 'it-IT')).toBe('05/03/2026');
		expect(formatDate('2026-12-31', 'it-IT')).toBe('31/12/2026');
	});

	it('shows an instant on the day it is in Rome, not in UTC', () => {
		// 23:30 UTC on 5 March is already 6 March in Rome (UTC+1 in winter).
		expect(formatDate(new Date('2026-03-05T23:30:00Z'), 'it-IT')).toBe('06/03/2026');
	});

	it('uses the 24-hour clock and summer time', () => {
		expect(formatTime(new Date('2026-07-01T12:30:00Z'), 'it-IT')).toBe('14:30');
		expect(formatDateTime(new Date('2026-01-15T17:05:00Z'), 'it-IT')).toBe('15/01/2026, 18:05');
	});

	it('writes long dates with the Italian month name', () => {
		expect(formatLongDate('2026-03-05', 'it-IT')).toBe('5 marzo 2026');
	});

	it('gives an empty string for an invalid date rather than "Invalid Date"', () => {
		expect(formatDate('not a date', 'it-IT')).toBe('');
		expect(isoDate('garbage')).toBe('');
	});

	it('gives the ISO day for <time datetime>', () => {
		expect(isoDate('2026-03-05')).toBe('2026-03-05');
	});

	it('follows the English UI when asked', () => {
		expect(formatDate('2026-03-05', 'en-GB')).toBe('05/03/2026');
		expect(formatLongDate('2026-03-05', 'en-GB')).toBe('5 March 2026');
	});
});
