import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const optionalTime = z
	.union([z.string().regex(TIME), z.literal('')])
	.optional()
	.transform((value) => value || null);

/** When the chair opened and closed the sitting (Rome wall clock, on the meeting's day). */
export const sittingForm = z
	.object({ openedTime: optionalTime, closedTime: optionalTime })
	.refine((v) => !v.openedTime || !v.closedTime || v.closedTime > v.openedTime, {
		path: ['closedTime'],
		error: () => m.gov_sitting_closed_before_opened()
	});

export type SittingInput = z.infer<typeof sittingForm>;

/** A guest who is not a member of the body: named, with organisation and role, in the verbale. */
export const guestForm = z.object({
	name: z.string().trim().min(2).max(200),
	organisationName: z.string().trim().max(200).default(''),
	role: z.string().trim().max(200).default('')
});

export type GuestInput = z.infer<typeof guestForm>;

export const removeGuestForm = z.object({ guestId: z.uuid() });
