import { TIME_ZONE, intlLocale } from './locale';

/**
 * Dates: stored as UTC instants or as calendar days ('2026-03-05', PostgreSQL `date`), shown in
 * Europe/Rome. A calendar day has no zone, so it is formatted at UTC to never shift by one day.
 */
export type DateInput = Date | string | number;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: DateInput): { date: Date; calendarDay: boolean } {
	if (typeof value === 'string' && CALENDAR_DAY.test(value)) {
		return { date: new Date(`${value}T00:00:00Z`), calendarDay: true };
	}
	return { date: value instanceof Date ? value : new Date(value), calendarDay: false };
}

function format(value: DateInput, options: Intl.DateTimeFormatOptions, locale: string): string {
	const { date, calendarDay } = toDate(value);
	if (Number.isNaN(date.getTime())) return '';
	const timeZone = calendarDay ? 'UTC' : TIME_ZONE;
	return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
}

/** 05/03/2026 */
export function formatDate(value: DateInput, locale = intlLocale()): string {
	return format(value, { day: '2-digit', month: '2-digit', year: 'numeric' }, locale);
}

/** 5 marzo 2026 */
export function formatLongDate(value: DateInput, locale = intlLocale()): string {
	return format(value, { day: 'numeric', month: 'long', year: 'numeric' }, locale);
}

/** 05/03/2026, 14:30 (24-hour clock) */
export function formatDateTime(value: DateInput, locale = intlLocale()): string {
	return format(
		value,
		{
			day: '2-digit',
			month: '2-digit',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		},
		locale
	);
}

/** 14:30 */
export function formatTime(value: DateInput, locale = intlLocale()): string {
	return format(value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, locale);
}

/** The machine-readable value for <time datetime="…">. */
export function isoDate(value: DateInput): string {
	const { date } = toDate(value);
	return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** gen 2026, from a `YYYY-MM` month. */
export function formatMonth(yearMonth: string, locale = intlLocale()): string {
	return format(`${yearMonth}-01`, { month: 'short', year: 'numeric' }, locale);
}
