import { z } from 'zod';
import { TRACE_LINK_KINDS } from './traceability';

/** A need or an objective, named by the coordinator (a line of the proposal, not its text). */
export const nodeForm = z.object({
	kind: z.enum(['need', 'objective']),
	title: z.string().trim().min(3).max(500)
});

export const removeNodeForm = z.object({ nodeId: z.uuid() });

/** One link of the thread, set (`done=1`) or taken away (`done=0`). */
export const linkForm = z.object({
	kind: z.enum(TRACE_LINK_KINDS),
	fromId: z.string().trim().min(1).max(200),
	toId: z.string().trim().min(1).max(200),
	done: z.enum(['1', '0']).transform((value) => value === '1')
});

export type NodeInput = z.infer<typeof nodeForm>;
export type LinkInput = z.infer<typeof linkForm>;
