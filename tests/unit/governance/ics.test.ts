import { describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { meetingsCalendar } from '../../../src/lib/server/export/ics';

describe('meetingsCalendar', () => {
	it('parses back to the same events, in UTC, with stable ids', () => {
		const text = meetingsCalendar(
			[
				{
					id: '4f1c2a3b-0000-4000-8000-000000000001',
					title: 'Cabina di regia n. 1',
					startsAt: new Date('2026-03-05T13:30:00Z'),
					endsAt: new Date('2026-03-05T15:30:00Z'),
					place: 'Sala consiliare, Castano Primo',
					videoLink: 'https://meet.example.org/cabina',
					description: '1. Avvio del progetto\n2. Calendario; attività',
					url: 'https://tavolo.example.org/projects/p/governance/meetings/m'
				}
			],
			{ name: 'Cabina di regia', domain: 'tavolo.example.org', method: 'request' }
		);
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(text).toContain('METHOD:REQUEST');
		expect(text).toContain('DTSTART:20260305T133000Z');
		const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT');
		expect(events).toHaveLength(1);
		const event = events[0] as ical.VEvent;
		expect(event.uid).toBe('meeting-4f1c2a3b-0000-4000-8000-000000000001@tavolo.example.org');
		expect(new Date(event.start as Date).toISOString()).toBe('2026-03-05T13:30:00.000Z');
		expect(new Date(event.end as Date).toISOString()).toBe('2026-03-05T15:30:00.000Z');
		expect(event.summary).toBe('Cabina di regia n. 1');
		expect(event.location).toBe('Sala consiliare, Castano Primo');
		expect(String(event.description)).toContain('2. Calendario; attività');
	});
});
