/**
 * Organisation kinds, with no imports: the database enum (schema/people.ts) and the register's
 * forms read the same list.
 */
/** The kinds offered in the register (issue 10); older rows may hold the generic kinds too. */
export const REGISTER_KINDS = [
	'comune',
	'ufficio_di_piano',
	'azienda_speciale',
	'cooperativa_sociale_a',
	'cooperativa_sociale_b',
	'consorzio',
	'fondazione',
	'associazione',
	'ente_formazione_accreditato',
	'agenzia_per_il_lavoro',
	'centro_impiego',
	'asst_ats',
	'citta_metropolitana',
	'impresa_profit',
	'impresa_non_profit'
] as const;
export const LEGACY_KINDS = [
	'public_body',
	'social_cooperative',
	'foundation',
	'training_body',
	'job_centre',
	'health_authority',
	'company',
	'association',
	'other'
] as const;
export const ALL_KINDS = [...LEGACY_KINDS, ...REGISTER_KINDS] as const;
export type OrganisationKindValue = (typeof ALL_KINDS)[number];
