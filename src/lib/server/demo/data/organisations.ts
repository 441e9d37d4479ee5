import type { organisationKind } from '../../db/schema';

export type OrganisationKind = (typeof organisationKind.enumValues)[number];

export interface DemoOrganisation {
	key: string;
	/** As the source document writes it. */
	name: string;
	shortName?: string;
	kind: OrganisationKind;
	taxCode?: string;
	accreditations?: readonly string[];
	/** Document and section the organisation is named in. */
	source: string;
}

const WORK_ACCREDITATION = 'Albo regionale degli operatori accreditati per i servizi al lavoro';
const TRAINING_ACCREDITATION =
	'Albo regionale degli operatori accreditati per i servizi alla formazione';

/** The partnership of WORK IN PROGRESS (001 §10a–b) and of WIN-WIN (004). Real, public bodies. */
export const DEMO_ORGANISATIONS = [
	{
		key: 'aziendaSociale',
		name: 'Azienda Sociale – Azienda Speciale per i Servizi alla Persona del Castanese',
		shortName: 'Azienda Sociale',
		kind: 'public_body',
		taxCode: '05060480968',
		source: '001 §10a, §10c; codice fiscale da 002'
	},
	{
		key: 'sole',
		name: 'Azienda Sociale del Legnanese So.Le – Azienda Speciale Consortile del Legnanese',
		shortName: 'Azienda So.Le',
		kind: 'public_body',
		source: '001 §10a, §10c'
	},
	{
		key: 'comuneMagnago',
		name: 'Comune di Magnago',
		kind: 'public_body',
		source: '001 §10a'
	},
	{
		key: 'aspAbbiatense',
		name: "Azienda Speciale Servizi alla Persona dell'Abbiatense",
		shortName: 'Servizi alla Persona Abbiatense',
		kind: 'public_body',
		accreditations: [TRAINING_ACCREDITATION],
		source: '001 §10a'
	},
	{
		key: 'udpMagentino',
		name: 'Ufficio di Piano del Magentino',
		kind: 'public_body',
		source: '001 §10a'
	},
	{
		key: 'melograno',
		name: 'Il Melograno Centro di informazione maternità e nascite',
		shortName: 'Il Melograno',
		kind: 'association',
		source: '001 §10a'
	},
	{ key: 'atticus', name: 'Atticus Cooperativa Sociale Onlus', shortName: 'Atticus', kind: 'social_cooperative', source: '001 §10a' },
	{ key: 'portico', name: 'Il Portico Cooperativa Sociale a.r.l.', shortName: 'Il Portico', kind: 'social_cooperative', source: '001 §10a' },
	{
		key: 'solidarietaServizi',
		name: 'Solidarietà e Servizi Cooperativa Sociale',
		shortName: 'Solidarietà e Servizi',
		kind: 'social_cooperative',
		accreditations: [WORK_ACCREDITATION],
		source: '001 §10a'
	},
	{ key: 'albatros', name: 'Albatros Cooperativa Sociale', shortName: 'Albatros', kind: 'social_cooperative', source: '001 §10a' },
	{ key: 'grandeCasa', name: 'La Grande Casa Cooperativa Sociale', shortName: 'La Grande Casa', kind: 'social_cooperative', source: '001 §10a' },
	{ key: 'somaschi', name: 'Fondazione Somaschi Onlus', shortName: 'Fondazione Somaschi', kind: 'foundation', source: '001 §10a' },
	{
		key: 'ai',
		name: 'A&I Società Cooperativa Sociale Onlus',
		shortName: 'A&I',
		kind: 'social_cooperative',
		accreditations: [WORK_ACCREDITATION, TRAINING_ACCREDITATION],
		source: '001 §10a; 003'
	},
	{
		key: 'csl',
		name: 'CS&L Consorzio Sociale',
		shortName: 'CS&L',
		kind: 'social_cooperative',
		accreditations: [WORK_ACCREDITATION],
		source: '001 §10a'
	},
	{ key: 'stripes', name: 'Stripes Cooperativa Sociale Onlus', shortName: 'Stripes', kind: 'social_cooperative', source: '001 §10a' },
	{
		key: 'promos',
		name: 'Promos società cooperativa a.r.l',
		shortName: 'Promos',
		kind: 'training_body',
		accreditations: ['Centro di formazione professionale accreditato da Regione Lombardia'],
		source: '001 §10a'
	},
	{
		key: 'officinaLavoro',
		name: 'Cooperativa Sociale Officina Lavoro Onlus',
		shortName: 'Officina Lavoro',
		kind: 'social_cooperative',
		source: '001 §10a'
	},
	{ key: 'cittaMetropolitana', name: 'Città Metropolitana di Milano', kind: 'public_body', source: '001 §10a; 002' },
	{ key: 'asstOvestMilanese', name: 'ASST Ovest Milanese', kind: 'health_authority', source: '001 §10b' },
	{ key: 'afolMetropolitana', name: 'AFOL Metropolitana', kind: 'job_centre', source: '001 §10a; 002' },
	{
		key: 'unioneSangro',
		name: 'Unione Montana dei Comuni del Sangro',
		kind: 'public_body',
		source: '004 (soggetto capofila ATS, gestore dell’ECAD 12 – Sangro Aventino)'
	},
	{ key: 'puntoDock', name: 'Cooperativa PuntoDock', shortName: 'PuntoDock', kind: 'social_cooperative', source: '004 Fase 3' },
	{ key: 'conSol', name: 'Consorzio Solidarietà CON.SOL.', shortName: 'CON.SOL.', kind: 'social_cooperative', source: '004 Azione 2' },
	{ key: 'saimaB', name: 'Società Cooperativa Sociale SAIMA B.', shortName: 'SAIMA B.', kind: 'social_cooperative', source: '004 Azione 2b' },
	{ key: 'generazioneVincente', name: 'Generazione Vincente', kind: 'company', source: '004 Azione 2c (agenzia per il lavoro)' }
] as const satisfies readonly DemoOrganisation[];

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];
