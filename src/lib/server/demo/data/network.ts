import type { DemoDistrictKey } from './territories';
import type { DemoOrganisationKey } from './organisations';

/**
 * What the organisation register and the partnership as data add to the demo (issue 10): the
 * precise kind of each organisation where the source documents say it, partita IVA, territories;
 * the organisations of 002 (the leads of the programme's other four projects and ATS Milano);
 * the form of WORK IN PROGRESS's partnership; and the project's lists of areas and targets.
 * Kinds the documents do not state (type A or B of a cooperative) stay generic.
 */
export const DEMO_KIND_UPDATES: Partial<Record<DemoOrganisationKey, string>> = {
	aziendaSociale: 'azienda_speciale',
	sole: 'azienda_speciale',
	comuneMagnago: 'comune',
	aspAbbiatense: 'azienda_speciale',
	udpMagentino: 'ufficio_di_piano',
	melograno: 'associazione',
	somaschi: 'fondazione',
	csl: 'consorzio',
	promos: 'ente_formazione_accreditato',
	cittaMetropolitana: 'citta_metropolitana',
	asstOvestMilanese: 'asst_ats',
	afolMetropolitana: 'centro_impiego',
	conSol: 'consorzio',
	generazioneVincente: 'agenzia_per_il_lavoro'
};

/** 002: "Azienda Speciale per i Servizi alla Persona CF/Partita IVA 05060480968 di Castano". */
export const DEMO_VAT_NUMBERS: Partial<Record<DemoOrganisationKey, string>> = {
	aziendaSociale: '05060480968'
};

/** Where the institutional partners work (001 §10a). */
export const DEMO_ORGANISATION_DISTRICTS: Partial<Record<DemoOrganisationKey, DemoDistrictKey[]>> =
	{
		aziendaSociale: ['altoMilanese', 'castanoPrimo'],
		sole: ['altoMilanese', 'legnano'],
		comuneMagnago: ['altoMilanese', 'castanoPrimo'],
		aspAbbiatense: ['abbiatense'],
		udpMagentino: ['magentino'],
		unioneSangro: ['sangroAventino']
	};

/** The organisations 002 names that the demo did not have: the other projects' leads, ATS. */
export const DEMO_PROGRAMME_ORGANISATIONS = [
	{
		key: 'assemi',
		name: 'Azienda Sociale Sud Est Milano – ASSEMI',
		shortName: 'ASSEMI',
		kind: 'azienda_speciale',
		project: 'CIAO! Capacitazione, Inclusione, Attivazione Occupazione'
	},
	{
		key: 'comuniInsieme',
		name: 'Azienda Speciale Consortile Comuni Insieme',
		shortName: 'Comuni Insieme',
		kind: 'azienda_speciale',
		project: 'IN-LAV'
	},
	{
		key: 'comuneMelzo',
		name: 'Comune di Melzo',
		shortName: null,
		kind: 'comune',
		project: "Facciamo squadra contro la povertà – Adda Martesana"
	},
	{
		key: 'insiemeSociale',
		name: 'ASC Insieme per il Sociale di Cinisello Balsamo',
		shortName: 'Insieme per il Sociale',
		kind: 'azienda_speciale',
		project: 'Vulnerabilità – forme innovative di sostegno alle persone fragili'
	},
	{
		key: 'atsMilano',
		name: 'ATS Città Metropolitana di Milano',
		shortName: 'ATS Milano',
		kind: 'asst_ats',
		project: null
	}
] as const;

/** 001 §10a: the Accordo di Programma of 18 November 2019 and the mandate to Azienda Sociale. */
export const DEMO_AGREEMENT = {
	form: 'other' as const,
	signedOn: '2019-11-18',
	act:
		'Accordo di Programma del Piano di Zona Alto Milanese 2019-2020, sottoscritto dai 22 Comuni; ' +
		'il Comune di Magnago, ente capofila, incarica formalmente Azienda Sociale della gestione ' +
		'tecnico-operativa del progetto.',
	mandate: 'aziendaSociale' as const
};

/** The four areas of 001 §6 plus governance, monitoring and reporting; the targets of 001 §5. */
export const DEMO_AREAS = [
	['educativa', 'Area educativa'],
	['formativa_orientativa', 'Area formativa e orientativa'],
	['esperienziale', 'Area esperienziale'],
	['sviluppo_comunita', 'Area sviluppo di comunità'],
	['governance', 'Governance'],
	['monitoraggio', 'Monitoraggio'],
	['rendicontazione', 'Rendicontazione']
] as const;
export const DEMO_TARGETS = [
	['giovani', 'Ragazzi e giovani in situazione di disagio sociale e fragilità'],
	['neo_genitori', 'Neo-genitori (non percettori di RdC)'],
	['over_50', 'Disoccupati over 50 in situazione di vulnerabilità (non percettori di RdC)']
] as const;
