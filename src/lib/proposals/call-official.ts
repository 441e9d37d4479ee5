import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * The call's own identifiers as the public body publishes them (issue 14): the ente procedente,
 * the act that approved the call (number and date), and the CUP and CIG where the call has them.
 * The cover of the exported proposal carries them, so a wrong code is refused at the door.
 */

/** Spaces and case are forgiven (codes are often pasted from a PDF); the rest must be exact. */
function code(length: number, message: () => string) {
	return z
		.string()
		.optional()
		.transform((value) => (value ?? '').replace(/\s+/g, '').toUpperCase() || null)
		.refine((value) => value === null || new RegExp(`^[A-Z0-9]{${length}}$`).test(value), {
			error: message
		});
}

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || null);

export const callOfficialForm = z.object({
	awardingBody: optionalText(300),
	actNumber: optionalText(100),
	actDate: z.iso
		.date()
		.optional()
		.or(z.literal('').transform(() => undefined))
		.transform((value) => value ?? null),
	cup: code(15, () => m.canvas_call_cup_invalid()),
	cig: code(10, () => m.canvas_call_cig_invalid())
});
export type CallOfficialInput = z.infer<typeof callOfficialForm>;

/** The act as the cover writes it: "n. 123 del 04/02/2026", either part alone when only one is known. */
export function actLabel(
	number: string | null,
	date: string | null,
	formatDate: (iso: string) => string
): string | null {
	const parts = [
		number ? `n. ${number}` : null,
		date ? `${m.canvas_call_act_of()} ${formatDate(date)}` : null
	];
	const text = parts.filter(Boolean).join(' ');
	return text || null;
}
