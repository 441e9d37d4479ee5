/**
 * Which schedule a proposal's export carries (ADR 0186): the cronoprogramma derived from the
 * action blocks' months, or a calendar table pasted into the text (001's 19-column grid). Never
 * both: the two would disagree the day someone edits one. The choice lives in the actions
 * document, beside the blocks, so it is live, versioned and restored with them.
 */
export type ScheduleChoice = 'cronoprogramma' | 'calendar';
export const SCHEDULE_CHOICES: readonly ScheduleChoice[] = ['cronoprogramma', 'calendar'];

/** The Y.Map of the actions document holding proposal-wide settings, and the key of the choice. */
export const SETTINGS_MAP = 'settings';
export const SCHEDULE_KEY = 'schedule';

export function readScheduleChoice(value: unknown): ScheduleChoice | null {
	return SCHEDULE_CHOICES.includes(value as ScheduleChoice) ? (value as ScheduleChoice) : null;
}

const MONTH =
	/^(?:(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|jan|may|jun|jul|aug|sep|oct|dec)[a-z]*\.?(?:\s*'?\d{2,4})?|(?:mese|month|m)\s*\d{1,2}|\d{1,2}|[ivxl]{1,6})$/i;

/**
 * Whether a table reads as a calendar: a row (the header, or the first after a title row) with
 * at least six cells naming months — "gen", "Febbraio 2026", "Mese 3", "M3", "3", "III".
 */
export function isCalendarTable(rows: readonly (readonly string[])[]): boolean {
	return rows
		.slice(0, 2)
		.some((cells) => cells.filter((text) => MONTH.test(text.trim())).length >= 6);
}

/**
 * The schedule the export carries: the author's choice; without one, a pasted calendar wins
 * (what someone typed is never dropped unasked), else the derived cronoprogramma.
 */
export function resolveSchedule(
	choice: ScheduleChoice | null,
	hasCalendar: boolean
): ScheduleChoice {
	return choice ?? (hasCalendar ? 'calendar' : 'cronoprogramma');
}
