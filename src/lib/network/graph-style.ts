/** Colours and sizes of the map: by kind of organisation, role and relation (browser-safe). */
const KIND_COLOURS: Record<string, string> = {
	comune: '#0066cc',
	public_body: '#0066cc',
	citta_metropolitana: '#004d99',
	ufficio_di_piano: '#3385d6',
	azienda_speciale: '#1f6fb2',
	cooperativa_sociale_a: '#008055',
	cooperativa_sociale_b: '#00a36d',
	social_cooperative: '#008055',
	consorzio: '#2e7d32',
	fondazione: '#7a3e9d',
	foundation: '#7a3e9d',
	associazione: '#a24d8f',
	association: '#a24d8f',
	ente_formazione_accreditato: '#b35900',
	training_body: '#b35900',
	agenzia_per_il_lavoro: '#cc7a00',
	centro_impiego: '#995c00',
	job_centre: '#995c00',
	asst_ats: '#cc334d',
	health_authority: '#cc334d',
	impresa_profit: '#5c6f82',
	impresa_non_profit: '#455b71',
	company: '#5c6f82'
};

export const nodeColour = (kind: string): string => KIND_COLOURS[kind] ?? '#5c6f82';

const ROLE_BONUS: Record<string, number> = {
	lead: 4,
	institutional_partner: 2.5,
	programme_referent: 2,
	operating_partner: 1.5,
	network_member: 0.5
};

/** Size grows with the number of neighbours, and the lead stands out. */
export const nodeSize = (degree: number, role: string | null): number =>
	3 + Math.min(6, Math.sqrt(degree) * 1.2) + (role ? (ROLE_BONUS[role] ?? 0) : 0);

const EDGE_COLOURS: Record<string, string> = {
	partnership: '#8fa3b8',
	agreement: '#004d99',
	co_action: '#00a36d',
	referral: '#cc7a00',
	internship: '#b35900',
	hire: '#8a5a00',
	lab: '#7a3e9d',
	decision: '#cc334d',
	other: '#5c6f82'
};
export const edgeColour = (kind: string): string => EDGE_COLOURS[kind] ?? '#9aa5b1';
