import { m } from '$lib/paraglide/messages';

/** Display names of network values; an unknown value shows as itself rather than vanish. */
type Labels = Record<string, () => string>;
const pick = (labels: Labels, value: string): string => labels[value]?.() ?? value;

const KINDS: Labels = {
	public_body: m.organisations_kind_public_body,
	social_cooperative: m.organisations_kind_social_cooperative,
	foundation: m.organisations_kind_foundation,
	training_body: m.organisations_kind_training_body,
	job_centre: m.organisations_kind_job_centre,
	health_authority: m.organisations_kind_health_authority,
	company: m.organisations_kind_company,
	association: m.organisations_kind_association,
	other: m.organisations_kind_other,
	comune: m.organisations_kind_comune,
	ufficio_di_piano: m.organisations_kind_ufficio_di_piano,
	azienda_speciale: m.organisations_kind_azienda_speciale,
	cooperativa_sociale_a: m.organisations_kind_cooperativa_sociale_a,
	cooperativa_sociale_b: m.organisations_kind_cooperativa_sociale_b,
	consorzio: m.organisations_kind_consorzio,
	fondazione: m.organisations_kind_fondazione,
	associazione: m.organisations_kind_associazione,
	ente_formazione_accreditato: m.organisations_kind_ente_formazione_accreditato,
	agenzia_per_il_lavoro: m.organisations_kind_agenzia_per_il_lavoro,
	centro_impiego: m.organisations_kind_centro_impiego,
	asst_ats: m.organisations_kind_asst_ats,
	citta_metropolitana: m.organisations_kind_citta_metropolitana,
	impresa_profit: m.organisations_kind_impresa_profit,
	impresa_non_profit: m.organisations_kind_impresa_non_profit
};
export const kindLabel = (kind: string): string => pick(KINDS, kind);

const ROLES: Labels = {
	lead: m.partnership_role_lead,
	institutional_partner: m.partnership_role_institutional_partner,
	operating_partner: m.partnership_role_operating_partner,
	network_member: m.partnership_role_network_member,
	programme_referent: m.partnership_role_programme_referent
};
export const roleLabel = (role: string): string => pick(ROLES, role);

const FORMS: Labels = {
	ats: m.partnership_form_ats,
	protocollo_intesa: m.partnership_form_protocollo_intesa,
	other: m.partnership_form_other
};
export const formLabel = (form: string): string => pick(FORMS, form);

const RELATIONS: Labels = {
	partnership: m.network_relation_partnership,
	agreement: m.network_relation_agreement,
	co_action: m.network_relation_co_action,
	referral: m.network_relation_referral,
	internship: m.network_relation_internship,
	hire: m.network_relation_hire,
	lab: m.network_relation_lab,
	decision: m.network_relation_decision,
	other: m.network_relation_other
};
export const relationLabel = (kind: string): string => pick(RELATIONS, kind);

const ACCREDITATIONS: Labels = {
	servizi_lavoro: m.organisations_accreditation_servizi_lavoro,
	formazione: m.organisations_accreditation_formazione
};
export const accreditationLabel = (value: string): string => pick(ACCREDITATIONS, value);
