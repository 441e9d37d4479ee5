import { z } from 'zod';

/** The coordinator's mark on one action in one project month: set (`done=1`) or taken back. */
export const markForm = z.object({
	proposalId: z.uuid(),
	actionId: z.string().trim().min(1).max(200),
	month: z.coerce.number().int().min(1).max(240),
	done: z.enum(['1', '0']).transform((value) => value === '1')
});

export type MarkInput = z.infer<typeof markForm>;
