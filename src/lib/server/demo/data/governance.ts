import type {
	AttendanceStatus,
	BodyKind,
	BodyRole,
	DecisionStatus,
	MinutesStatus
} from '../../db/schema';
import type { DemoDistrictKey } from './territories';
import type { DemoOrganisationKey } from './organisations';
import type { DemoPersonKey } from './people';

/** Demo governance of WORK IN PROGRESS, after 001 §10c. People are invented (demo/data/people). */
type Member = readonly [DemoPersonKey, BodyRole, DemoOrganisationKey | null];

export const DEMO_BODIES: readonly {
	key: string;
	kind: BodyKind;
	name: string;
	description: string;
	district?: DemoDistrictKey;
	quorumFixed?: number;
	/** Approved at the next sitting, item 1 (the allargata's practice in 001 §10c). */
	minutesAtNextMeeting?: boolean;
	members: readonly Member[];
}[] = [
	{
		key: 'allargata',
		kind: 'steering_committee',
		name: 'Cabina di regia allargata',
		description:
			'Ambiti istituzionali integrati da tutto il partenariato: linee generali e metodologia comune.',
		members: [
			['coordinator', 'chair', 'aziendaSociale'],
			['steeringSole', 'secretary', 'sole'],
			['steeringMagentino', 'member', 'udpMagentino'],
			['editorAi', 'member', 'ai'],
			['editorGrandeCasa', 'member', 'grandeCasa'],
			['editorPromos', 'member', 'promos']
		]
	},
	{
		key: 'ristretta',
		kind: 'restricted_committee',
		name: 'Cabina di regia ristretta',
		minutesAtNextMeeting: true,
		description:
			'Partner istituzionali: Azienda Sociale, Azienda SO.LE, Ambito di Magenta e di Abbiategrasso.',
		quorumFixed: 2,
		members: [
			['coordinator', 'chair', 'aziendaSociale'],
			['steeringSole', 'secretary', 'sole'],
			['steeringMagentino', 'member', 'udpMagentino']
		]
	},
	{
		key: 'gdl-alto-milanese',
		kind: 'working_group',
		name: 'Gruppo di lavoro Alto Milanese',
		description: 'Partner operativi sul territorio del Legnanese e del Castanese.',
		district: 'altoMilanese',
		members: [
			['steeringSole', 'chair', 'sole'],
			['editorAi', 'secretary', 'ai'],
			['editorGrandeCasa', 'member', 'grandeCasa']
		]
	},
	{
		key: 'gdl-magentino',
		kind: 'working_group',
		name: 'Gruppo di lavoro Magentino',
		description: 'Partner operativi sul territorio del Magentino.',
		district: 'magentino',
		members: [
			['steeringMagentino', 'chair', 'udpMagentino'],
			['editorPromos', 'member', 'promos']
		]
	},
	{
		key: 'gdl-abbiatense',
		kind: 'working_group',
		name: 'Gruppo di lavoro Abbiatense',
		description: 'Partner operativi sul territorio dell’Abbiatense.',
		district: 'abbiatense',
		members: [
			['coordinator', 'chair', 'aziendaSociale'],
			['editorGrandeCasa', 'member', 'grandeCasa']
		]
	},
	{
		key: 'tecnico',
		kind: 'technical_group',
		name: 'Gruppo tecnico',
		description:
			'Coordinamento e realizzazione delle fasi del progetto tra tutti gli enti partner.',
		members: [
			['coordinator', 'chair', 'aziendaSociale'],
			['editorAi', 'member', 'ai'],
			['editorPromos', 'member', 'promos'],
			['facilitator', 'member', null]
		]
	}
];

export const DEMO_MEETINGS: readonly {
	key: string;
	body: string;
	title: string;
	startsAt: string;
	endsAt: string;
	place: string;
	videoLink: string;
	status: MinutesStatus;
	window?: readonly [string, string];
	approvedAt?: string;
	/** When the chair opened and closed the sitting. */
	held?: readonly [string, string];
	/** Guests who are not members: name, organisation, role. */
	guests?: readonly (readonly [string, string, string])[];
	attendance: readonly (readonly [DemoPersonKey, AttendanceStatus, DemoPersonKey?])[];
	agenda: readonly { title: string; text: readonly string[] }[];
}[] = [
	{
		key: 'allargata-1',
		body: 'allargata',
		title: 'Cabina di regia allargata n. 1',
		startsAt: '2026-09-15T08:30:00Z',
		endsAt: '2026-09-15T10:30:00Z',
		place: 'Sala consiliare, Castano Primo',
		videoLink: '',
		status: 'approved',
		window: ['2026-09-16T00:00:00Z', '2026-09-30T21:59:00Z'],
		approvedAt: '2026-10-20T09:00:00Z',
		held: ['2026-09-15T08:40:00Z', '2026-09-15T10:20:00Z'],
		guests: [
			[
				'Referente della Direzione Lavoro',
				'Città Metropolitana di Milano',
				'Coordinamento dei Centri per l’impiego'
			]
		],
		attendance: [
			['coordinator', 'present'],
			['steeringSole', 'present'],
			['steeringMagentino', 'present'],
			['editorAi', 'present'],
			['editorGrandeCasa', 'delegated', 'editorAi'],
			['editorPromos', 'absent']
		],
		agenda: [
			{
				title: 'Avvio del progetto e ruoli dei partner',
				text: [
					'La coordinatrice presenta il progetto WORK IN PROGRESS e il ruolo di Azienda Sociale nella gestione tecnico-operativa.',
					'Si decide di costituire un gruppo di lavoro per ciascun ambito, che riferisce alla cabina di regia allargata.'
				]
			},
			{
				title: 'Calendario delle attività',
				text: [
					'Si discute il cronoprogramma di 18 mesi. Si decide di avviare gli sportelli di orientamento entro novembre.'
				]
			}
		]
	},
	{
		key: 'allargata-2',
		body: 'allargata',
		title: 'Cabina di regia allargata n. 2',
		startsAt: '2026-10-20T08:30:00Z',
		endsAt: '2026-10-20T10:30:00Z',
		place: 'Azienda SO.LE, Legnano',
		videoLink: 'https://meet.example.org/cabina-wip',
		status: 'circulated',
		window: ['2026-10-21T00:00:00Z', '2026-12-05T22:59:00Z'],
		held: ['2026-10-20T08:35:00Z', '2026-10-20T10:25:00Z'],
		attendance: [
			['coordinator', 'present'],
			['steeringSole', 'present'],
			['steeringMagentino', 'absent'],
			['editorAi', 'present'],
			['editorGrandeCasa', 'present'],
			['editorPromos', 'delegated', 'coordinator']
		],
		agenda: [
			{
				title: 'Approvazione del verbale della seduta precedente',
				text: ['Il verbale della seduta n. 1 è approvato all’unanimità.']
			},
			{
				title: 'Tirocini e coinvolgimento delle aziende',
				text: [
					'I partner riferiscono i primi contatti con le aziende del territorio.',
					'Si decide di attivare 40 tirocini, ripartiti per ambito in base alla popolazione residente.'
				]
			},
			{ title: 'Varie ed eventuali', text: ['Nessun punto ulteriore.'] }
		]
	},
	{
		key: 'allargata-3',
		body: 'allargata',
		title: 'Cabina di regia allargata n. 3',
		startsAt: '2026-12-15T09:00:00Z',
		endsAt: '2026-12-15T11:00:00Z',
		place: 'Ufficio di Piano, Magenta',
		videoLink: 'https://meet.example.org/cabina-wip',
		status: 'draft',
		attendance: [],
		agenda: [
			{ title: 'Approvazione del verbale della seduta precedente', text: [] },
			{ title: 'Monitoraggio dei primi indicatori', text: [] },
			{ title: 'Laboratori delle comunità di pratica', text: [] }
		]
	}
];

type Step = readonly [DecisionStatus, string, string?, DemoPersonKey?];

export const DEMO_DECISIONS: readonly {
	key: string;
	body: string;
	meeting: string;
	agenda: number;
	text: string;
	quote: string;
	owner?: DemoPersonKey;
	organisation?: DemoOrganisationKey;
	organisationLabel?: string;
	dueOn: string | null;
	/** The sitting's vote: in favour, against, abstained. */
	votes?: readonly [number, number, number];
	supersededBy?: string;
	history: readonly Step[];
	actions?: readonly { title: string; owner: DemoPersonKey; dueOn: string; doneAt?: string }[];
}[] = [
	{
		key: 'gruppi-lavoro',
		body: 'allargata',
		meeting: 'allargata-1',
		agenda: 1,
		text: 'Costituire un gruppo di lavoro per ciascun ambito territoriale',
		quote: 'Si decide di costituire un gruppo di lavoro per ciascun ambito',
		owner: 'coordinator',
		organisation: 'aziendaSociale',
		organisationLabel: 'Azienda Sociale',
		dueOn: '2026-10-15',
		votes: [5, 0, 0],
		history: [
			['proposed', '2026-09-15T09:10:00Z'],
			['approved', '2026-09-15T09:40:00Z', 'Approvata all’unanimità'],
			['in_progress', '2026-09-22T08:00:00Z', 'Convocati i primi gruppi', 'steeringSole'],
			['done', '2026-10-10T08:00:00Z', 'Tutti e tre i gruppi si sono riuniti', 'coordinator']
		],
		actions: [
			{
				title: 'Convocare il gruppo di lavoro del Magentino',
				owner: 'steeringMagentino',
				dueOn: '2026-10-01',
				doneAt: '2026-09-29T10:00:00Z'
			}
		]
	},
	{
		key: 'sportelli-novembre',
		body: 'allargata',
		meeting: 'allargata-1',
		agenda: 2,
		text: 'Avviare gli sportelli di orientamento entro novembre',
		quote: 'Si decide di avviare gli sportelli di orientamento entro novembre',
		owner: 'editorAi',
		organisation: 'ai',
		organisationLabel: 'A&I',
		dueOn: '2026-11-15',
		history: [
			['proposed', '2026-09-15T10:00:00Z'],
			['approved', '2026-09-15T10:15:00Z'],
			['in_progress', '2026-10-01T08:00:00Z', 'Sportello di Legnano aperto', 'editorAi']
		],
		actions: [
			{
				title: 'Aprire lo sportello di orientamento a Magenta',
				owner: 'editorPromos',
				dueOn: '2026-11-10'
			},
			{ title: 'Pubblicare gli orari degli sportelli', owner: 'editorAi', dueOn: '2026-12-10' }
		]
	},
	{
		key: 'tirocini-ripartizione',
		body: 'allargata',
		meeting: 'allargata-2',
		agenda: 2,
		text: 'Attivare 40 tirocini ripartiti per ambito in base alla popolazione residente',
		quote: 'Si decide di attivare 40 tirocini, ripartiti per ambito',
		owner: 'steeringSole',
		organisation: 'sole',
		organisationLabel: 'Azienda SO.LE',
		dueOn: '2027-03-31',
		history: [
			['proposed', '2026-10-20T09:20:00Z'],
			['approved', '2026-10-20T09:50:00Z', 'Approvata con l’astensione di un partner']
		],
		actions: [
			{
				title: 'Preparare l’elenco delle aziende disponibili',
				owner: 'editorGrandeCasa',
				dueOn: '2026-11-20'
			}
		]
	},
	{
		key: 'tirocini-30',
		body: 'allargata',
		meeting: 'allargata-1',
		agenda: 2,
		text: 'Attivare 30 tirocini nel primo anno',
		quote: 'Si discute il cronoprogramma di 18 mesi',
		owner: 'steeringSole',
		dueOn: '2026-12-31',
		supersededBy: 'tirocini-ripartizione',
		history: [
			['proposed', '2026-09-15T10:05:00Z'],
			['approved', '2026-09-15T10:20:00Z'],
			['superseded', '2026-10-20T09:55:00Z', 'Sostituita dalla ripartizione dei 40 tirocini']
		]
	},
	{
		key: 'sede-unica',
		body: 'allargata',
		meeting: 'allargata-2',
		agenda: 3,
		text: 'Unificare gli sportelli in una sede unica a Legnano',
		quote: 'Nessun punto ulteriore.',
		dueOn: null,
		history: [
			['proposed', '2026-10-20T10:10:00Z'],
			['rejected', '2026-10-20T10:20:00Z', 'Contrasta con la presenza in ogni ambito']
		]
	},
	{
		key: 'laboratori',
		body: 'allargata',
		meeting: 'allargata-2',
		agenda: 2,
		text: 'Proporre un laboratorio di comunità di pratica per ambito sui casi dei tirocini',
		quote: 'I partner riferiscono i primi contatti con le aziende del territorio.',
		owner: 'facilitator',
		dueOn: '2026-11-30',
		history: [['proposed', '2026-10-20T10:00:00Z']]
	}
];
