/**
 * Meetings are typed in Rome's wall-clock time and stored as UTC instants. Intl knows the zone's
 * rules, so the offset (including the daylight-saving switch) is asked of it, not hard-coded.
 */
const ZONE = 'Europe/Rome';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function wallClock(instant: Date): Record<string, number> {
	const out: Record<string, number> = {};
	for (const part of parts.formatToParts(instant)) {
		if (part.type !== 'literal') out[part.type] = Number(part.value);
	}
	return out;
}

function offsetMs(instant: Date): number {
	const p = wallClock(instant);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** '2026-03-05' + '14:30' in Rome → the UTC instant. */
export function romeToUtc(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	const naive = Date.UTC(y, m - 1, d, hh, mm);
	const first = naive - offsetMs(new Date(naive));
	// Near a daylight-saving switch the first guess may sit on the other side of it.
	return new Date(naive - offsetMs(new Date(first)));
}

/** The instant as Rome's calendar day and clock time, for form fields. */
export function utcToRome(instant: Date): { day: string; time: string } {
	const p = wallClock(instant);
	const two = (n: number) => String(n).padStart(2, '0');
	return {
		day: `${p.year}-${two(p.month)}-${two(p.day)}`,
		time: `${two(p.hour)}:${two(p.minute)}`
	};
}

/** Today's calendar day in Rome, the reference for "overdue". */
export function romeToday(now = new Date()): string {
	return utcToRome(now).day;
}
