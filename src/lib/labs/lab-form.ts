import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Browser-safe form schemas of labs and their sessions. */
const ids = z
	.union([z.uuid(), z.array(z.uuid())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const labForm = z.object({
	title: z.string().trim().min(3).max(200),
	theme: z.string().trim().max(2000).default(''),
	facilitatorId: z.uuid(),
	'districtIds[]': ids,
	'participantIds[]': ids
});
export type LabInput = z.infer<typeof labForm>;

/** `2026-05-12T14:30` as typed in a datetime-local field, read as Rome time by the server. */
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const sessionForm = z
	.object({
		title: z.string().trim().min(3).max(200),
		startsAt: localTime,
		endsAt: localTime,
		place: z.string().trim().max(300).default('')
	})
	.refine((session) => session.endsAt > session.startsAt, {
		path: ['endsAt'],
		error: () => m.labs_session_ends_before()
	});
export type SessionInput = z.infer<typeof sessionForm>;

export const attachForm = z.object({
	sessionId: z.uuid(),
	pseudonym: z.string().trim().min(3).max(20)
});
export type AttachInput = z.infer<typeof attachForm>;

export const detachForm = z.object({
	sessionId: z.uuid(),
	caseId: z.uuid()
});
export type DetachInput = z.infer<typeof detachForm>;

/** A decision a session proposes to the cabina di regia. */
export const sessionProposalForm = z.object({
	text: z.string().trim().min(3).max(2000)
});
export type SessionProposalInput = z.infer<typeof sessionProposalForm>;
