import type { PartnershipRole } from '../../db/schema';
import type { DemoOrganisationKey } from './organisations';
import type { DemoProjectKey } from './projects';

/** The four areas of 001 §6 and §10e. */
export type PartnerArea = 'educativa' | 'formativa_orientativa' | 'esperienziale' | 'sviluppo_comunita';
/** The targets of 001 §5: young people in distress; new parents and over-50s (not on RdC). */
export type PartnerTarget = 'giovani' | 'neo_genitori' | 'over_50';

export interface DemoPartnership {
	project: DemoProjectKey;
	organisation: DemoOrganisationKey;
	role: PartnershipRole;
	/** "Ruolo nel progetto", summarised from the document. */
	description: string;
	areas?: readonly PartnerArea[];
	targets?: readonly PartnerTarget[];
}

const ALL_TARGETS: readonly PartnerTarget[] = ['giovani', 'neo_genitori', 'over_50'];
const WIP = 'workInProgress';

/** Who does what in WORK IN PROGRESS (001 §10a–b) and in WIN-WIN (004). */
export const DEMO_PARTNERSHIPS: readonly DemoPartnership[] = [
	{
		project: WIP,
		organisation: 'aziendaSociale',
		role: 'lead',
		description:
			'Gestione tecnico-operativa dell’intero progetto su incarico del Comune capofila del Piano di ' +
			'Zona Alto Milanese: coordinamento, cabine di regia ristrette, rendicontazione e monitoraggio; ' +
			'interlocutore diretto di Città Metropolitana di Milano.'
	},
	{
		project: WIP,
		organisation: 'sole',
		role: 'institutional_partner',
		description:
			'Referente e organizzatore territoriale per il Legnanese; capofila registrato in piattaforma ' +
			'come ente strumentale; partecipa alle cabine di regia ristrette e promuove il lavoro di rete.'
	},
	{
		project: WIP,
		organisation: 'comuneMagnago',
		role: 'institutional_partner',
		description:
			'Ente capofila del Piano di Zona Alto Milanese: ha incaricato Azienda Sociale della gestione ' +
			'tecnico-operativa del progetto.'
	},
	{
		project: WIP,
		organisation: 'aspAbbiatense',
		role: 'institutional_partner',
		description:
			'Referente e organizzatore territoriale per l’Ambito di Abbiategrasso; gestisce le azioni ' +
			'dell’area formativa orientativa, educativa e di sviluppo della comunità.',
		areas: ['formativa_orientativa', 'educativa', 'sviluppo_comunita']
	},
	{
		project: WIP,
		organisation: 'udpMagentino',
		role: 'institutional_partner',
		description:
			'Referente e organizzatore territoriale per il Magentino; partecipa alle cabine di regia ' +
			'ristrette e promuove il lavoro di rete allargato.'
	},
	{
		project: WIP,
		organisation: 'melograno',
		role: 'operating_partner',
		description: 'Area educativa e formativa orientativa, in particolare per i neo genitori.',
		areas: ['educativa', 'formativa_orientativa'],
		targets: ['neo_genitori']
	},
	{
		project: WIP,
		organisation: 'atticus',
		role: 'operating_partner',
		description:
			'Area formativa e orientativa per i giovani in situazione di disagio e per neo genitori e ' +
			'over 50; area sviluppo di comunità.',
		areas: ['formativa_orientativa', 'sviluppo_comunita'],
		targets: ALL_TARGETS
	},
	{
		project: WIP,
		organisation: 'portico',
		role: 'operating_partner',
		description: 'Area formativo-esperienziale, in particolare per neo genitori e over 50.',
		areas: ['formativa_orientativa', 'esperienziale'],
		targets: ['neo_genitori', 'over_50']
	},
	{
		project: WIP,
		organisation: 'solidarietaServizi',
		role: 'operating_partner',
		description: 'Area formativo-esperienziale per i giovani in situazione di disagio e per gli over 50.',
		areas: ['formativa_orientativa', 'esperienziale'],
		targets: ['giovani', 'over_50']
	},
	{
		project: WIP,
		organisation: 'albatros',
		role: 'operating_partner',
		description:
			'Orientamento, formazione e tutoring educativo per giovani e over 50; area sviluppo di comunità.',
		areas: ['formativa_orientativa', 'educativa', 'sviluppo_comunita'],
		targets: ['giovani', 'over_50']
	},
	{
		project: WIP,
		organisation: 'grandeCasa',
		role: 'operating_partner',
		description:
			'Area educativa ed esperienziale per i giovani; area formativo-orientativa ed esperienziale ' +
			'per i neo genitori; area sviluppo di comunità.',
		areas: ['educativa', 'esperienziale', 'formativa_orientativa', 'sviluppo_comunita'],
		targets: ['giovani', 'neo_genitori']
	},
	{
		project: WIP,
		organisation: 'somaschi',
		role: 'operating_partner',
		description:
			'Area educativa, formativa orientativa ed esperienziale per giovani e over 50; sviluppo di ' +
			'comunità ed esperienze per i neo genitori.',
		areas: ['educativa', 'formativa_orientativa', 'esperienziale', 'sviluppo_comunita'],
		targets: ALL_TARGETS
	},
	{
		project: WIP,
		organisation: 'ai',
		role: 'operating_partner',
		description:
			'Area formativa orientativa ed esperienziale per giovani; formativa orientativa per genitori ' +
			'fragili; educativa, formativa orientativa ed esperienziale per gli over 50.',
		areas: ['formativa_orientativa', 'esperienziale', 'educativa'],
		targets: ALL_TARGETS
	},
	{
		project: WIP,
		organisation: 'csl',
		role: 'operating_partner',
		description: 'Area formativa orientativa ed esperienziale per giovani e over 50.',
		areas: ['formativa_orientativa', 'esperienziale'],
		targets: ['giovani', 'over_50']
	},
	{
		project: WIP,
		organisation: 'stripes',
		role: 'operating_partner',
		description:
			'Area educativa, formativa orientativa ed esperienziale per i giovani; anche sviluppo di comunità.',
		areas: ['educativa', 'formativa_orientativa', 'esperienziale', 'sviluppo_comunita'],
		targets: ['giovani']
	},
	{
		project: WIP,
		organisation: 'promos',
		role: 'operating_partner',
		description: 'Area formativa e riorientativa per tutte le fasce d’età target del progetto.',
		areas: ['formativa_orientativa'],
		targets: ALL_TARGETS
	},
	{
		project: WIP,
		organisation: 'officinaLavoro',
		role: 'operating_partner',
		description:
			'Area educativa, formativa orientativa ed esperienziale per giovani, over 50 e neo genitori.',
		areas: ['educativa', 'formativa_orientativa', 'esperienziale'],
		targets: ALL_TARGETS
	},
	{
		project: WIP,
		organisation: 'cittaMetropolitana',
		role: 'programme_referent',
		description:
			'Referente di programma: supporto al monitoraggio qualitativo e quantitativo; favorisce la ' +
			'collaborazione con i centri per l’impiego di AFOL Metropolitana.'
	},
	{
		project: WIP,
		organisation: 'asstOvestMilanese',
		role: 'network_member',
		description: 'Supporto e sostegno alle attività, con i propri servizi del territorio.'
	},
	{
		project: WIP,
		organisation: 'afolMetropolitana',
		role: 'network_member',
		description: 'Centri per l’impiego del territorio, coinvolti tramite Città Metropolitana di Milano.'
	},
	{
		project: 'winWin',
		organisation: 'unioneSangro',
		role: 'lead',
		description:
			'Soggetto capofila, gestore dell’ECAD 12 – Sangro Aventino; voucher di servizio per i ' +
			'tirocinanti (Azione 2d).'
	},
	{
		project: 'winWin',
		organisation: 'puntoDock',
		role: 'operating_partner',
		description: 'Co-design Lab: co-progettazione dello Sportello con incontri facilitati (Fase 3).'
	},
	{
		project: 'winWin',
		organisation: 'conSol',
		role: 'operating_partner',
		description: 'Sede della formazione dei destinatari (Azione 2).'
	},
	{
		project: 'winWin',
		organisation: 'saimaB',
		role: 'operating_partner',
		description: 'Tutoraggio all’inserimento lavorativo: 5 ore al mese per 6 mesi (Azione 2b).'
	},
	{
		project: 'winWin',
		organisation: 'generazioneVincente',
		role: 'operating_partner',
		description: 'Agenzia per il lavoro: scouting aziende e matching lavorativo (Azione 2c).'
	}
];
