import type { PmNode } from '../../../proposals/section-text';
import type { ActionBlock } from '../../../proposals/action-block';
import type { DemoOrganisationKey } from './organisations';

/** Text of the demo proposal, taken from the WORK IN PROGRESS project sheet (001). */
const text = (value: string, marks?: PmNode['marks']): PmNode => ({
	type: 'text',
	text: value,
	marks
});
const p = (...parts: (string | PmNode)[]): PmNode => ({
	type: 'paragraph',
	content: parts.map((part) => (typeof part === 'string' ? text(part) : part))
});
const bold = (value: string) => text(value, [{ type: 'bold' }]);
const bullets = (...items: string[]): PmNode => ({
	type: 'bulletList',
	content: items.map((item) => ({ type: 'listItem', content: [p(item)] }))
});
const heading = (value: string): PmNode => ({
	type: 'heading',
	attrs: { level: 3 },
	content: [text(value)]
});
const row = (cellType: 'tableHeader' | 'tableCell', cells: string[]): PmNode => ({
	type: 'tableRow',
	content: cells.map((cell) => ({ type: cellType, content: [p(cell)] }))
});
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });

/** By section number of the ten-point template. */
export const DEMO_SECTION_TEXT: Record<string, PmNode> = {
	'1': doc(
		p('I destinatari del presente progetto sono identificati in due target ben precisi.'),
		heading('Target 1. Ragazzi e giovani in situazione di disagio sociale e fragilità'),
		p('Popolazione 13/28 anni al 01/01/2019:'),
		{
			type: 'table',
			content: [
				row('tableHeader', ['Ambito', 'maschi', 'femmine', 'totale', '%']),
				row('tableCell', ['Ambito Alto Milanese', '14.678', '13.567', '28.245', '40%']),
				row('tableCell', ['Ambito Magenta', '9.988', '9.436', '19.424', '28%']),
				row('tableCell', ['Ambito Abbiategrasso', '6.474', '6.012', '12.486', '18%']),
				row('tableCell', ['totali', '36.564', '33.960', '70.524', '100%'])
			]
		},
		p(
			'Si stima il coinvolgimento di almeno ',
			bold('25 giovani'),
			' per singolo sub-ambito, complessivamente quindi ',
			bold('100 ragazzi e ragazze'),
			' in target.'
		),
		heading('Target 2. Soggetti fragili non percettori del RDC'),
		p(
			'Con particolare riguardo ai neo-genitori e ai disoccupati over 50 anni in situazioni di vulnerabilità: si stima il coinvolgimento di almeno ',
			bold('80/100'),
			' persone.'
		)
	),
	'2': doc(
		p(
			"L'area territoriale di riferimento del progetto è costituita dai territori dell'Ambito Alto Milanese (Castano Primo e Legnano) e dagli Ambiti del Magentino e dell'Abbiatense, per un numero complessivo di comuni coinvolti pari a 50, di piccole e medie dimensioni."
		),
		p(
			'In tutti i territori coinvolti i target individuati quali destinatari delle azioni progettuali rappresentano una dimensione di fragilità importante, sulla quale il sistema dei servizi sociali e socio-lavorativi fatica ad essere risposta adeguata.'
		)
	),
	'3': doc(
		p(
			'Il progetto intende avviare azioni di sistema per la strutturazione di un modello di risposte integrate in grado di rispondere alle esigenze di inserimento e reinserimento nel contesto socio-lavorativo degli individui in stato di vulnerabilità e disagio.'
		)
	),
	'4': doc(
		p('Obiettivi specifici – Target adolescenti e giovani in situazione di disagio sociale:'),
		bullets(
			"Prevenire la dispersione scolastica e l'abbandono dei percorsi formativi",
			'Favorire possibilità e opportunità di orientamento e riorientamento, riattivando desideri e competenze',
			'Promuovere percorsi educativi e formativi alternativi (scuola bottega, volontariato sociale)',
			'Attivare una rete di soggetti e sperimentare modalità integrate tra servizi, scuole e aziende'
		)
	)
};

type DemoAction = Pick<
	ActionBlock,
	'id' | 'title' | 'area' | 'targets' | 'territories' | 'months'
> & {
	responsible: DemoOrganisationKey;
	partners: DemoOrganisationKey[];
	publicEuro: number;
	ownEuro: number;
};

const allMonths = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);
const territories = ['Alto Milanese', 'Magentino', 'Abbiatense'];

/** The activities of 001 §7 (Allegato 1A) as action blocks; budget figures are invented. */
export const DEMO_ACTIONS: DemoAction[] = [
	{
		id: 'a1',
		title: 'Cabina di regia, coordinamento e coprogettazione',
		area: 'comunita',
		targets: [],
		territories,
		months: allMonths(1, 18),
		responsible: 'aziendaSociale',
		partners: ['sole', 'aspAbbiatense', 'udpMagentino'],
		publicEuro: 18000,
		ownEuro: 2000
	},
	{
		id: 'a2',
		title: 'Area educativa: tutoring e home visiting',
		area: 'educativa',
		targets: ['giovani', 'neo-genitori'],
		territories,
		months: allMonths(1, 18),
		responsible: 'grandeCasa',
		partners: ['melograno', 'somaschi'],
		publicEuro: 42000,
		ownEuro: 4200
	},
	{
		id: 'a3',
		title: 'Area formativa e orientativa',
		area: 'formativa_orientativa',
		targets: ['giovani', 'over 50'],
		territories,
		months: allMonths(1, 17),
		responsible: 'ai',
		partners: ['atticus', 'albatros'],
		publicEuro: 56000,
		ownEuro: 5600
	},
	{
		id: 'a4',
		title: 'Area di sviluppo di comunità',
		area: 'comunita',
		targets: ['giovani', 'neo-genitori', 'over 50'],
		territories,
		months: allMonths(1, 18),
		responsible: 'promos',
		partners: ['grandeCasa', 'albatros'],
		publicEuro: 24000,
		ownEuro: 2400
	},
	{
		id: 'a5',
		title: 'Attività rendicontative',
		area: null,
		targets: [],
		territories: [],
		months: [6, 7, 8, 11, 12, 15, 16, 17, 18],
		responsible: 'aziendaSociale',
		partners: [],
		publicEuro: 6000,
		ownEuro: 0
	},
	{
		id: 'a6',
		title: 'Monitoraggio e valutazione',
		area: null,
		targets: [],
		territories,
		months: allMonths(2, 18),
		responsible: 'aziendaSociale',
		partners: ['cittaMetropolitana'],
		publicEuro: 9000,
		ownEuro: 0
	}
];
