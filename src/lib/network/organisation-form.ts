import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { normaliseTaxNumber, taxNumberProblem } from './tax-codes';

export {
	ALL_KINDS,
	LEGACY_KINDS,
	REGISTER_KINDS,
	type OrganisationKindValue
} from './organisation-kinds';
import { ALL_KINDS } from './organisation-kinds';

/** The accreditations a register card records (Regione Lombardia's two lists). */
export const ACCREDITATIONS = ['servizi_lavoro', 'formazione'] as const;

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || null);

/** An 11-digit number with its check digit; empty is allowed (not every body has one). */
const taxNumber = z
	.string()
	.optional()
	.transform((value) => (value ? normaliseTaxNumber(value) : null))
	.superRefine((value, context) => {
		if (value === null) return;
		const problem = taxNumberProblem(value);
		if (problem === 'format') {
			context.addIssue({ code: 'custom', message: m.organisations_tax_format() });
		}
		if (problem === 'check_digit') {
			context.addIssue({ code: 'custom', message: m.organisations_tax_check_digit() });
		}
	});

const email = z
	.union([z.email({ error: () => m.organisations_email_invalid() }), z.literal('')])
	.optional()
	.transform((value) => value || null);

const many = <T extends z.ZodType>(item: T) =>
	z
		.union([item, z.array(item)])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** One organisation's card, as its own partner or the coordinator edits it. */
export const organisationForm = z.object({
	name: z.string().trim().min(2).max(300),
	shortName: optionalText(100),
	kind: z.enum(ALL_KINDS, { error: () => m.organisations_kind_invalid() }),
	taxCode: taxNumber,
	vatNumber: taxNumber,
	pec: email,
	email,
	phone: optionalText(40),
	website: optionalText(300),
	address: optionalText(300),
	accreditations: many(z.string().trim().min(1).max(300)),
	districtIds: many(z.uuid())
});
export type OrganisationInput = z.infer<typeof organisationForm>;

export const contactForm = z.object({
	name: z.string().trim().min(2).max(200),
	role: z.string().trim().max(200).default(''),
	email,
	phone: optionalText(40)
});
export type ContactInput = z.infer<typeof contactForm>;

export const removeContactForm = z.object({ contactId: z.uuid() });
