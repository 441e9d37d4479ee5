import { z } from 'zod';

/** The accessibility feedback form (AgID): an address to answer, and what went wrong. */
export const accessibilityFeedbackForm = z.object({
	name: z.string().trim().max(200).default(''),
	email: z.string().trim().max(320).pipe(z.email()),
	pageUrl: z.string().trim().max(500).default(''),
	description: z.string().trim().min(10).max(5000)
});
export type AccessibilityFeedbackInput = z.infer<typeof accessibilityFeedbackForm>;
