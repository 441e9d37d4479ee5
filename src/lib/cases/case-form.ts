import { romeToday } from '../governance/rome-time';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { REFERRAL_SOURCES, TARGET_CATEGORIES } from './pathway-values';
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

const pastDay = z.iso.date().refine((day) => day <= romeToday(), {
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

/** Who the person is for the indicators: never identifying, so every reader of the path sees it. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.union([z.enum(values), z.literal('')])
		.optional()
		.transform((value) => value || null);

export const caseProfileForm = z.object({
	targetCategory: optionalChoice(TARGET_CATEGORIES),
	municipalityId: z
		.union([z.uuid(), z.literal('')])
		.optional()
		.transform((value) => value || null),
	referralSource: optionalChoice(REFERRAL_SOURCES)
});
export type CaseProfileInput = z.infer<typeof caseProfileForm>;

export const caseCreateForm = caseIdentityForm.extend({
	...caseProfileForm.shape,
	referredOn: pastDay,
	note: z.string().trim().max(4000).default('')
});
export type CaseCreateInput = z.infer<typeof caseCreateForm>;
