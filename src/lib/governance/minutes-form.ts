import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Circulate draft minutes with the amendment window (Rome calendar days, inclusive). */
export const circulateForm = z
	.object({
		opensOn: z.iso.date(),
		closesOn: z.iso.date()
	})
	.refine((v) => v.closesOn >= v.opensOn, {
		path: ['closesOn'],
		error: () => m.gov_closes_before_opens()
	});

export const correctionNoteForm = z.object({ text: z.string().trim().min(3).max(4000) });

export const emptyForm = z.object({});

/** Approve; `acceptStructure` confirms minutes whose agenda headings no longer match the agenda. */
export const approveForm = z.object({
	acceptStructure: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});

/** At item 1 of a sitting: approve the previous sitting's minutes (the `next_meeting` rule). */
export const approvePreviousForm = approveForm.extend({ previousMeetingId: z.uuid() });
