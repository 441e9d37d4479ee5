import type { DemoDistrictKey } from './territories';
import type { DemoOrganisationKey } from './organisations';

export interface DemoProgramme {
	title: string;
	description: string;
	source: string;
}

/** The metropolitan programme that groups five territorial projects (002). */
export const DEMO_PROGRAMME: DemoProgramme = {
	title: 'Programma di intervento territoriale – Città Metropolitana di Milano',
	description:
		'Programmi integrati per la definizione di modelli di percorsi di inclusione attiva a favore di ' +
		'persone in condizione di vulnerabilità e disagio (POR FSE 2014-2020, Regione Lombardia). ' +
		'Cinque progetti territoriali: CIAO!, IN-LAV, WORK IN PROGRESS, Facciamo squadra contro la ' +
		'povertà – Adda Martesana, Vulnerabilità – forme innovative di sostegno alle persone fragili.',
	source: '002'
};

export interface DemoProject {
	key: string;
	title: string;
	acronym: string | null;
	description: string;
	lead: DemoOrganisationKey;
	inProgramme: boolean;
	startsOn: string | null;
	endsOn: string | null;
	/** Top-level districts; their sub-districts come with them. */
	districts: readonly DemoDistrictKey[];
	source: string;
}

export const DEMO_PROJECTS = [
	{
		key: 'workInProgress',
		title: 'WORK IN PROGRESS – Percorsi di inclusione in costruzione',
		acronym: 'WORK IN PROGRESS',
		description:
			'Azioni di sistema per strutturare un modello di risposte integrate alle esigenze di ' +
			'inserimento e reinserimento socio-lavorativo delle persone in stato di vulnerabilità e ' +
			'disagio: adolescenti e giovani in situazione di disagio sociale; soggetti fragili non ' +
			'percettori del RdC, in particolare neo-genitori e disoccupati over 50.',
		lead: 'aziendaSociale',
		inProgramme: true,
		startsOn: '2020-07-14',
		endsOn: '2021-12-31',
		districts: ['altoMilanese', 'magentino', 'abbiatense'],
		source: '001 §1–§5; capofila da 001 §10a e 002'
	},
	{
		key: 'winWin',
		title: 'WIN-WIN',
		acronym: 'WIN-WIN',
		description:
			'Una rete di cittadini, comunità, enti locali, terzo settore e imprese per contrastare la ' +
			'disoccupazione e l’esclusione sociale: uno Sportello permanente e diffuso per l’inclusione ' +
			'sociale e lavorativa, co-progettato nel Co-design Lab.',
		lead: 'unioneSangro',
		inProgramme: false,
		// 004 gives no dates.
		startsOn: null,
		endsOn: null,
		districts: ['sangroAventino'],
		source: '004'
	}
] as const satisfies readonly DemoProject[];

export type DemoProjectKey = (typeof DEMO_PROJECTS)[number]['key'];
