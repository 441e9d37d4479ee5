import ical, { ICalCalendarMethod } from 'ical-generator';

/**
 * iCalendar for meetings. Times are written in UTC (…Z): valid everywhere without shipping a
 * VTIMEZONE, and every calendar shows them in the reader's zone (Rome for our users).
 */
export interface CalendarMeeting {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	place: string;
	videoLink: string;
	description: string;
	url: string;
}

export interface CalendarOptions {
	name: string;
	/** Host part of stable event UIDs, so a re-download updates events instead of duplicating. */
	domain: string;
	/** A feed is published; a single meeting is an invitation (REQUEST). */
	method: 'publish' | 'request';
}

export function meetingsCalendar(
	meetings: readonly CalendarMeeting[],
	options: CalendarOptions
): string {
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Tavolo', product: 'governance', language: 'IT' },
		method: options.method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH
	});
	for (const m of meetings) {
		calendar.createEvent({
			id: `meeting-${m.id}@${options.domain}`,
			start: m.startsAt,
			end: m.endsAt,
			summary: m.title,
			description: [m.description, m.videoLink].filter(Boolean).join('\n\n'),
			location: m.place || m.videoLink || null,
			url: m.url
		});
	}
	return calendar.toString();
}
