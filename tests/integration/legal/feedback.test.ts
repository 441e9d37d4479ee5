import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accessibilityFeedback, notification } from '../../../src/lib/server/db/schema';
import {
	FEEDBACK_LIMIT,
	feedbackLimiter,
	listAccessibilityFeedback,
	submitAccessibilityFeedback
} from '../../../src/lib/server/legal/accessibility-feedback';
import { accessibilityFeedbackForm } from '../../../src/lib/legal/feedback-form';
import { validate } from '../../../src/lib/server/http/validate';
import { InvalidError } from '../../../src/lib/server/errors';
import { actorOf, buildPerson } from '../../support/factories';
import { startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;

const report = {
	name: 'Anna Verdi',
	email: 'anna.verdi@example.org',
	pageUrl: '/projects',
	description: 'Il lettore di schermo non legge il pulsante del calendario.',
	locale: 'it'
};

describe('the accessibility feedback form (AgID)', () => {
	it('stores the report and tells every admin, and only them', async () => {
		const admin = await buildPerson(db, { isAdmin: true });
		const other = await buildPerson(db);
		const stored = await submitAccessibilityFeedback(db, report, '203.0.113.7', feedbackLimiter());
		const [row] = await db
			.select()
			.from(accessibilityFeedback)
			.where(eq(accessibilityFeedback.id, stored.id));
		expect(row.description).toBe(report.description);
		expect(row.email).toBe('anna.verdi@example.org');
		const told = await db.select().from(notification).where(eq(notification.resourceId, stored.id));
		expect(told.map((n) => n.recipientId)).toContain(admin.id);
		expect(told.map((n) => n.recipientId)).not.toContain(other.id);
		expect(told.every((n) => n.kind === 'accessibility_feedback')).toBe(true);
		expect(told[0].link).toBe(`/admin/accessibility-feedback#feedback-${stored.id}`);
		expect(told[0].title).toBe('Nuova segnalazione di accessibilità da anna.verdi@example.org');
		// The list is the admins': anyone else is told it does not exist.
		expect((await listAccessibilityFeedback(db, actorOf(admin))).map((r) => r.id)).toContain(
			stored.id
		);
		await expect(listAccessibilityFeedback(db, actorOf(other))).rejects.toMatchObject({
			status: 404
		});
	});

	it('refuses a sixth report from one address within the hour, storing nothing', async () => {
		const limiter = feedbackLimiter();
		const before = (await db.select().from(accessibilityFeedback)).length;
		for (let n = 0; n < FEEDBACK_LIMIT.points; n++) {
			await submitAccessibilityFeedback(db, report, '198.51.100.1', limiter);
		}
		await expect(
			submitAccessibilityFeedback(db, report, '198.51.100.1', limiter)
		).rejects.toMatchObject({ status: 429, code: 'too_many_requests' });
		// Another address is not held back.
		await submitAccessibilityFeedback(db, report, '198.51.100.2', limiter);
		const after = (await db.select().from(accessibilityFeedback)).length;
		expect(after - before).toBe(FEEDBACK_LIMIT.points + 1);
	});

	it('validates: an address to answer and a description of at least 10 characters', () => {
		let caught: unknown;
		try {
			validate(accessibilityFeedbackForm, { email: 'non-un-indirizzo', description: 'corto' });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InvalidError);
		expect(Object.keys((caught as InvalidError).issues).sort()).toEqual(['description', 'email']);
		expect(
			validate(accessibilityFeedbackForm, {
				email: ' anna@example.org ',
				description: 'Il contrasto del menu è troppo basso.'
			})
		).toEqual({
			name: '',
			email: 'anna@example.org',
			pageUrl: '',
			description: 'Il contrasto del menu è troppo basso.'
		});
	});
});
