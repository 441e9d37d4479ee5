import { z } from 'zod';

/**
 * The grounds of GDPR art. 17(1) a–d and f, as codes: the audit entry records which one, and a
 * code cannot carry a name the way free text could. (e, a legal obligation to erase, is "other".)
 */
export const ERASURE_REASONS = [
	'no_longer_necessary',
	'consent_withdrawn',
	'objection',
	'unlawful',
	'other'
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The confirmation is the pseudonym typed again: the domain compares it with the record's. */
export const erasureForm = z.object({
	reason: z.enum(ERASURE_REASONS),
	confirm: z.string().trim().min(1).max(20)
});
export type ErasureInput = z.infer<typeof erasureForm>;
