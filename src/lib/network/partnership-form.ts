import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const PARTNERSHIP_ROLES = [
	'lead',
	'institutional_partner',
	'operating_partner',
	'network_member',
	'programme_referent'
] as const;
export const PARTNERSHIP_FORMS = ['ats', 'protocollo_intesa', 'other'] as const;

const optionalDay = z
	.union([z.iso.date(), z.literal('')])
	.optional()
	.transform((value) => value || null);
const optionalUuid = z
	.union([z.uuid(), z.literal('')])
	.optional()
	.transform((value) => value || null);
const many = <T extends z.ZodType>(item: T) =>
	z
		.union([item, z.array(item)])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** The form of the partnership: ATS with its mandate, or a protocollo d'intesa, with date and act. */
export const agreementForm = z.object({
	form: z.enum(PARTNERSHIP_FORMS),
	signedOn: optionalDay,
	act: z.string().trim().max(2000).default(''),
	mandateOrganisationId: optionalUuid
});
export type AgreementInput = z.infer<typeof agreementForm>;

/** One partner's place in the project: role, what it does, areas, targets, territories, dates. */
export const partnerForm = z
	.object({
		organisationId: z.uuid(),
		role: z.enum(PARTNERSHIP_ROLES, { error: () => m.partnership_role_invalid() }),
		description: z.string().trim().max(4000).default(''),
		areas: many(z.string().min(1).max(100)),
		targets: many(z.string().min(1).max(100)),
		districtIds: many(z.uuid()),
		fromDate: optionalDay,
		toDate: optionalDay
	})
	.refine((v) => !v.fromDate || !v.toDate || v.fromDate <= v.toDate, {
		path: ['toDate'],
		error: () => m.partnership_dates_order()
	});
export type PartnerInput = z.infer<typeof partnerForm>;

export const removePartnerForm = z.object({ organisationId: z.uuid() });

/** A new entry of the project's list of areas or targets. */
export const termForm = z.object({
	list: z.enum(['area', 'target']),
	label: z.string().trim().min(2).max(200)
});
export const removeTermForm = z.object({
	list: z.enum(['area', 'target']),
	key: z.string().min(1)
});

/** A list entry's key from its label: lower case ASCII words joined by underscores. */
export function termKey(label: string): string {
	return (
		label
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 60) || 'voce'
	);
}
