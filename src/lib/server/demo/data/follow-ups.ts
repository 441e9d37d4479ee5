import type { DemoCase } from './cases';

/**
 * People who finished their pathway in 2025 and were called again six months after leaving (the
 * ESF+ longer-term result, Reg. (EU) 2021/1057 Annex I): three of them, all called in 2026, so the
 * dashboard's "employed at the six-month follow-up" figure is shown, not withheld, even to the
 * evaluator. No hire inside the project: the demo's hires figure stays Matteo Cortesi's one.
 * No twelve-month call: Tavolo has one follow-up kind, the six-month one, and the latest
 * follow-up is the one the Annex I counts.
 */
export const DEMO_FOLLOW_UP_CASES: readonly DemoCase[] = [
	{
		key: 'galli',
		organisation: 'solidarietaServizi',
		operator: 'caseOperator',
		pseudonym: 'K4R-7DW',
		status: 'closed',
		identity: {
			fullName: 'Elena Galli',
			fiscalCode: 'GLLLNE86S45E514R',
			phone: null,
			email: null
		},
		events: [
			{ kind: 'referral', on: '2025-01-13', note: 'Segnalata dal CPI.', status: 'referred' },
			{
				kind: 'intake',
				on: '2025-01-27',
				note: 'Presa in carico.',
				status: 'intake',
				details: { level: 'first' }
			},
			{
				kind: 'orientation',
				on: '2025-02-17',
				note: 'Orientamento al lavoro d’ufficio.',
				details: { hours: 12 }
			},
			{
				kind: 'closure',
				on: '2025-07-31',
				note: 'Percorso concluso.',
				status: 'closed',
				details: { reason: 'pathway_completed' }
			},
			{
				kind: 'follow_up',
				on: '2026-01-30',
				note: 'Richiamata a sei mesi: lavora.',
				details: { situation: 'employed', contract: 'fixed_term' }
			}
		]
	},
	{
		key: 'moretti',
		organisation: 'solidarietaServizi',
		operator: 'caseOperator',
		pseudonym: 'M9C-2HL',
		status: 'closed',
		identity: {
			fullName: 'Davide Moretti',
			fiscalCode: 'MRTDVD92A14F205X',
			phone: null,
			email: null
		},
		events: [
			{ kind: 'referral', on: '2025-02-10', note: 'Segnalato dal Comune.', status: 'referred' },
			{
				kind: 'intake',
				on: '2025-02-24',
				note: 'Presa in carico.',
				status: 'intake',
				details: { level: 'first' }
			},
			{
				kind: 'orientation',
				on: '2025-03-17',
				note: 'Orientamento alla ricerca attiva.',
				details: { hours: 8 }
			},
			{
				kind: 'closure',
				on: '2025-07-15',
				note: 'Ha trovato lavoro da sé.',
				status: 'closed',
				details: { reason: 'employed' }
			},
			{
				kind: 'follow_up',
				on: '2026-01-15',
				note: 'Richiamato a sei mesi: in apprendistato.',
				details: { situation: 'employed', contract: 'apprenticeship' }
			}
		]
	},
	{
		key: 'diallo',
		organisation: 'atticus',
		operator: 'caseOperatorAtticus',
		pseudonym: 'R6V-8NP',
		status: 'closed',
		identity: {
			fullName: 'Aminata Diallo',
			fiscalCode: 'DLLMNT90P55Z343K',
			phone: null,
			email: null
		},
		events: [
			{
				kind: 'referral',
				on: '2025-03-03',
				note: 'Segnalata dallo sportello stranieri.',
				status: 'referred'
			},
			{
				kind: 'intake',
				on: '2025-03-17',
				note: 'Presa in carico.',
				status: 'intake',
				details: { level: 'first' }
			},
			{
				kind: 'course',
				on: '2025-04-07',
				note: 'Corso di italiano per il lavoro.',
				status: 'training',
				details: { hoursPlanned: 60, hoursAttended: 54 }
			},
			{
				kind: 'closure',
				on: '2025-09-05',
				note: 'Percorso concluso.',
				status: 'closed',
				details: { reason: 'pathway_completed' }
			},
			{
				kind: 'follow_up',
				on: '2026-03-05',
				note: 'Richiamata a sei mesi: lavora nelle pulizie.',
				details: { situation: 'employed', contract: 'fixed_term' }
			}
		]
	}
];
