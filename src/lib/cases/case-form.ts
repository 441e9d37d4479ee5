import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { CASE_EVENT_KINDS, CASE_STATUSES } from './case-values';
import { isValidFiscalCode, normaliseFiscalCode } from './fiscal-code';

/** Browser-safe form schemas of case records: the action parses, the page shows the issues. */
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || null);

const fiscalCode = z
	.string()
	.optional()
	.transform((value) => (value ? normaliseFiscalCode(value) : null))
	.refine((value) => value === null || isValidFiscalCode(value), {
		error: () => m.cases_fiscal_code_invalid()
	});

/** Today in Rome, as the date a form defaults to and the latest an event may have. */
export function todayInRome(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

const pastDay = z.iso.date().refine((day) => day <= todayInRome(), {
	error: () => m.cases_date_in_future()
});

/** Who the person is: the same fields when opening a record and when correcting it. */
export const caseIdentityForm = z.object({
	fullName: z.string().trim().min(2).max(200),
	fiscalCode,
	phone: optionalText(40),
	email: z
		.union([z.email().max(200), z.literal('')])
		.optional()
		.transform((value) => value || null)
});
export type CaseIdentityInput = z.infer<typeof caseIdentityForm>;

export const caseCreateForm = caseIdentityForm.extend({
	referredOn: pastDay,
	note: z.string().trim().max(4000).default('')
});
export type CaseCreateInput = z.infer<typeof caseCreateForm>;

/** One entry of the log; `status`, when chosen, moves the path with it. */
export const caseEventForm = z
	.object({
		kind: z.enum(CASE_EVENT_KINDS),
		occurredOn: pastDay,
		note: z.string().trim().max(4000).default(''),
		status: z
			.union([z.enum(CASE_STATUSES), z.literal('')])
			.optional()
			.transform((value) => value || null)
	})
	.refine((event) => event.kind !== 'note' || event.note.length > 0, {
		path: ['note'],
		error: () => m.cases_note_required()
	});
export type CaseEventInput = z.infer<typeof caseEventForm>;
