import type { CaseEventKind, CaseStatus } from '../../db/schema';
import type { DemoOrganisationKey } from './organisations';
import type { DemoPersonKey } from './people';

export interface DemoCase {
	key: string;
	organisation: DemoOrganisationKey;
	operator: DemoPersonKey;
	pseudonym: string;
	status: CaseStatus;
	/** Invented people; the fiscal codes are well formed but belong to nobody we know of. */
	identity: { fullName: string; fiscalCode: string; phone: string | null; email: string | null };
	events: readonly DemoCaseEvent[];
}

export interface DemoCaseEvent {
	kind: CaseEventKind;
	on: string;
	note: string;
	status?: CaseStatus;
	/** The structured fields the indicators count (as the event form stores them). */
	details?: Record<string, string | number>;
}

/**
 * People followed into work in WORK IN PROGRESS by two organisations, along the path of 004
 * (referral → intake → assessment → agreement → course or internship with tutoring → hire).
 */
export const DEMO_CASES: readonly DemoCase[] = [
	{
		key: 'benali',
		organisation: 'solidarietaServizi',
		operator: 'caseOperator',
		pseudonym: 'H7Q-2MX',
		status: 'internship',
		identity: {
			fullName: 'Karim Benali',
			fiscalCode: 'BNLKRM94C12Z330P',
			phone: '333 000 1122',
			email: null
		},
		events: [
			{
				kind: 'referral',
				on: '2026-02-03',
				note: 'Segnalato dal servizio sociale di Legnano.',
				status: 'referred'
			},
			{
				kind: 'intake',
				on: '2026-02-17',
				note: 'Colloquio di accoglienza; interesse per la logistica.',
				status: 'intake'
			},
			{
				kind: 'assessment',
				on: '2026-03-10',
				note: 'Bilancio delle competenze: patente B, italiano A2.'
			},
			{
				kind: 'agreement',
				on: '2026-03-24',
				note: 'Patto di servizio sottoscritto.',
				status: 'agreement'
			},
			{
				kind: 'internship',
				on: '2026-05-04',
				note: 'Tirocinio di 6 mesi in un magazzino di Parabiago.',
				status: 'internship'
			},
			{ kind: 'tutoring', on: '2026-06-04', note: 'Tutoraggio mensile (5 ore): buon inserimento.' }
		]
	},
	{
		key: 'sala',
		organisation: 'solidarietaServizi',
		operator: 'caseOperator',
		pseudonym: 'B3D-9KT',
		status: 'agreement',
		identity: {
			fullName: 'Roberta Sala',
			fiscalCode: 'SLARRT88E51F205C',
			phone: null,
			email: 'r.sala@example.invalid'
		},
		events: [
			{
				kind: 'referral',
				on: '2026-04-08',
				note: 'Segnalata dal CPI di Rho (L. 68/99).',
				status: 'referred'
			},
			{ kind: 'intake', on: '2026-04-22', note: 'Presa in carico.', status: 'intake' },
			{
				kind: 'agreement',
				on: '2026-05-20',
				note: 'Accordo su un percorso di orientamento.',
				status: 'agreement'
			}
		]
	},
	{
		key: 'cortesi',
		organisation: 'solidarietaServizi',
		operator: 'caseOperator',
		pseudonym: 'W5N-4RZ',
		status: 'employed',
		identity: {
			fullName: 'Matteo Cortesi',
			fiscalCode: 'CRTMTT01H20B300I',
			phone: null,
			email: null
		},
		events: [
			{
				kind: 'referral',
				on: '2025-11-12',
				note: 'Giovane NEET segnalato dal Comune di Magnago.',
				status: 'referred'
			},
			{
				kind: 'course',
				on: '2026-01-15',
				note: 'Corso di carrellista (40 ore).',
				status: 'training'
			},
			{
				kind: 'hire',
				on: '2026-06-01',
				note: 'Assunto a tempo determinato (12 mesi), impresa profit.',
				status: 'employed'
			}
		]
	},
	{
		key: 'ndiaye',
		organisation: 'atticus',
		operator: 'caseOperatorAtticus',
		pseudonym: 'P8F-3JV',
		status: 'training',
		identity: {
			fullName: 'Fatoumata Ndiaye',
			fiscalCode: 'NDYFTM97D62Z318U',
			phone: '347 000 3344',
			email: null
		},
		events: [
			{
				kind: 'referral',
				on: '2026-03-02',
				note: 'Segnalata dallo sportello stranieri.',
				status: 'referred'
			},
			{
				kind: 'orientation',
				on: '2026-03-30',
				note: 'Orientamento al lavoro di cura.',
				status: 'intake'
			},
			{ kind: 'course', on: '2026-09-14', note: 'Corso ASA, 300 ore.', status: 'training' }
		]
	},
	{
		key: 'parini',
		organisation: 'atticus',
		operator: 'caseOperatorAtticus',
		pseudonym: 'T2G-6YC',
		status: 'intake',
		identity: {
			fullName: 'Simone Parini',
			fiscalCode: 'PRNSMN79L08L319W',
			phone: null,
			email: null
		},
		events: [
			{
				kind: 'referral',
				on: '2026-10-05',
				note: 'Segnalato dal servizio sociale (reddito di inclusione).',
				status: 'referred'
			},
			{ kind: 'intake', on: '2026-10-19', note: 'Primo colloquio.', status: 'intake' }
		]
	}
];
