import { z } from 'zod';

/** An excerpt of one pathway note, shared with a lab session the case is attached to. */
export const excerptForm = z.object({
	sessionId: z.uuid(),
	eventId: z.uuid(),
	text: z.string().trim().min(3).max(2000)
});
export type ExcerptInput = z.infer<typeof excerptForm>;
