import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import { buildMember, buildPerson, buildProject } from '../../support/factories';
import { goodPractice, lab, labSession } from '../../../src/lib/server/db/schema';
import { reportExtras } from '../../../src/lib/server/monitoring/report-sections';
import { resolveReportRange } from '../../../src/lib/server/monitoring/report-range';

/**
 * "Today" in a report is Rome's day, not UTC's: between 23:00 and 24:00 UTC (00:00–01:00 in
 * Rome, or 22:00–24:00 in summer) the two differ, and a practice recorded a minute ago was left
 * out of the report as if it came tomorrow.
 */
const { db } = await startTestRuntime();
const project = await buildProject(db, { startsOn: '2026-01-01', endsOn: '2027-12-31' });
const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
const facilitator = await buildPerson(db);
const [workshop] = await db
	.insert(lab)
	.values({ projectId: project.id, title: 'Laboratorio serale', facilitatorId: facilitator.id })
	.returning();
const [session] = await db
	.insert(labSession)
	.values({
		labId: workshop.id,
		title: 'Prima sessione',
		startsAt: new Date('2026-06-10T18:00:00Z'),
		endsAt: new Date('2026-06-10T20:00:00Z')
	})
	.returning();
// 00:15 of 11 June in Rome (summer time, UTC+2), still 10 June in UTC.
await db.insert(goodPractice).values({
	projectId: project.id,
	labId: workshop.id,
	sessionId: session.id,
	title: 'Il patto di mezzanotte',
	whatWorked: 'Chiudere la sessione con un impegno scritto',
	createdAt: new Date('2026-06-10T22:15:00Z')
});

afterEach(() => {
	vi.useRealTimers();
});

describe('a report read just after midnight in Rome', () => {
	it('quotes what was recorded minutes before, up to Rome’s today', async () => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-10T22:30:00Z') });
		const extras = await reportExtras(testContext(db, coordinator.actor), project.id);
		expect(extras.records.practices.rows.map((row) => row[0])).toEqual(['Il patto di mezzanotte']);
		expect(extras.records.practices.rows[0][1]).toBe('2026-06-11');
	});

	it('ends a range given only its first day on Rome’s today', async () => {
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-10T22:30:00Z') });
		const range = await resolveReportRange(db, project.id, { from: '2026-06-01', to: null });
		expect(range?.to).toBe('2026-06-11');
	});
});
