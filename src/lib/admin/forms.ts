import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { organisationForm } from '$lib/network/organisation-form';

/** Form schemas of the administrators' pages (issue 13): the actions parse, the pages show errors. */

const optionalId = z
	.union([z.uuid(), z.literal('')])
	.optional()
	.transform((value) => (value ? value : null));

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || null);

export const projectCreateForm = z.object({
	title: z
		.string()
		.trim()
		.min(3, { error: () => m.admin_project_title_required() })
		.max(300),
	acronym: optionalText(40),
	description: z.string().trim().max(4000).default(''),
	leadOrganisationId: optionalId
});
export type ProjectCreateInput = z.infer<typeof projectCreateForm>;

/** A new organisation: the register card's own rules (name, kind, codice fiscale, partita IVA). */
export const organisationCreateForm = organisationForm
	.pick({ shortName: true, kind: true, taxCode: true, vatNumber: true, pec: true, email: true })
	.extend({
		name: z
			.string()
			.trim()
			.min(2, { error: () => m.admin_organisation_name_required() })
			.max(300)
	});
export type OrganisationCreateInput = z.infer<typeof organisationCreateForm>;

/** The coordinator: a person already in Tavolo, or an e-mail address that gets an invitation. */
export const appointForm = z
	.object({
		personId: optionalId,
		email: z
			.string()
			.trim()
			.optional()
			.transform((value) => value || null)
			.pipe(
				z
					.email({ error: () => m.auth_email_invalid() })
					.max(254)
					.nullable()
			),
		organisationId: optionalId
	})
	.refine((form) => (form.personId === null) !== (form.email === null), {
		error: () => m.admin_appoint_one_of(),
		path: ['personId']
	});
export type AppointInput = z.infer<typeof appointForm>;
