import { desc, eq } from 'drizzle-orm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { accessibilityFeedback, person, type AccessibilityFeedback } from '../db/schema';
import type { Actor } from '../access/policy';
import { NotFoundError, TooManyRequestsError } from '../errors';
import { notify } from '../notifications/notify';
import type { AccessibilityFeedbackInput } from '../../legal/feedback-form';

/** Reports one address may send: 5 an hour. Enough for a person, useless for a flood. */
export const FEEDBACK_LIMIT = { points: 5, durationS: 3600 } as const;

export function feedbackLimiter() {
	return new RateLimiterMemory({
		keyPrefix: 'a11y-feedback',
		points: FEEDBACK_LIMIT.points,
		duration: FEEDBACK_LIMIT.durationS
	});
}
const limiter = feedbackLimiter();

/** Where the admins read the reports. */
export const FEEDBACK_LIST_PATH = '/admin/accessibility-feedback';

/**
 * Stores a report from the accessibility statement's form and tells every admin (in the app
 * and by mail, as each chose). `from` is the sender's address key for the rate limit: a sixth
 * report in the hour is refused with 429 and nothing is stored.
 */
export async function submitAccessibilityFeedback(
	db: Db,
	input: AccessibilityFeedbackInput & { locale: string },
	from: string,
	rateLimiter = limiter
): Promise<AccessibilityFeedback> {
	try {
		await rateLimiter.consume(from);
	} catch (rejected) {
		const wait = (rejected as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
		throw new TooManyRequestsError('too_many_requests', Math.ceil(wait / 1000));
	}
	return db.transaction(async (tx) => {
		const [stored] = await tx
			.insert(accessibilityFeedback)
			.values({ ...input, locale: input.locale === 'en' ? 'en' : 'it' })
			.returning();
		const admins = await tx.select({ id: person.id }).from(person).where(eq(person.isAdmin, true));
		await notify(tx, {
			recipientIds: admins.map((admin) => admin.id),
			kind: 'accessibility_feedback',
			projectId: null,
			resourceId: stored.id,
			title: m.a11y_feedback_notice_title({ email: stored.email }, { locale: 'it' }),
			link: `${FEEDBACK_LIST_PATH}#feedback-${stored.id}`
		});
		return stored;
	});
}

/** The reports, newest first: the admins' alone (anyone else: not found). */
export async function listAccessibilityFeedback(
	db: Db,
	actor: Actor | null
): Promise<AccessibilityFeedback[]> {
	if (!actor?.isAdmin) throw new NotFoundError();
	return db
		.select()
		.from(accessibilityFeedback)
		.orderBy(desc(accessibilityFeedback.createdAt))
		.limit(500);
}
