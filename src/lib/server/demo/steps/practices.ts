import type { Db } from '../../db/client';
import { goodPractice, goodPracticeCase } from '../../db/schema';
import { demoUuid, DEMO_DISTRICT_IDS, DEMO_PERSON_IDS, DEMO_PROJECT_ID } from '../ids';

/**
 * Demo step `practices`: the two good practices of the co-design lab, from the cards its first
 * board grouped under "Cosa ha funzionato" — the company tutor beside the service's tutor, and
 * the three-way talk half-way through an internship (001 §6: practices to share between
 * territories). The first was learnt from Karim's pathway (H7Q-2MX), linked by pseudonym.
 */
export async function seedPractices(db: Db): Promise<void> {
	const labId = demoUuid('lab:co-design');
	const tutor = demoUuid('practice:tutor-pair');
	await db.insert(goodPractice).values([
		{
			id: tutor,
			projectId: DEMO_PROJECT_ID,
			labId,
			sessionId: demoUuid('lab-session:1'),
			title: 'Tutor aziendale affiancato al tutor del servizio',
			problem:
				'I tirocini si interrompono nei primi due mesi: in azienda nessuno è incaricato di seguire la persona e il tutor del servizio arriva quando il problema è già esploso.',
			whatWorked:
				"Per ogni tirocinio l'azienda ospitante nomina un tutor aziendale che incontra il tutor del servizio prima dell'avvio e lo sente ogni due settimane; il progetto formativo indica chi fa cosa.",
			conditions:
				"Un'ora al mese di tutoraggio riconosciuta nel progetto formativo; un tutor aziendale con tempo dedicato; un referente unico del servizio per l'azienda.",
			evidence:
				'Nel percorso H7Q-2MX il tirocinio è proseguito fino alla fine; gli operatori dei due ambiti riportano meno interruzioni nei tirocini seguiti in coppia.',
			targetCategory: 'migrants',
			districtId: DEMO_DISTRICT_IDS.altoMilanese,
			recordedById: DEMO_PERSON_IDS.facilitator,
			createdAt: new Date('2026-05-12T15:30:00Z')
		},
		{
			id: demoUuid('practice:three-way-talk'),
			projectId: DEMO_PROJECT_ID,
			labId,
			sessionId: demoUuid('lab-session:2'),
			title: 'Colloquio a tre a metà tirocinio',
			problem:
				'A metà tirocinio persona, azienda e servizio hanno aspettative diverse sul dopo, e l’assunzione non viene discussa finché il tirocinio non è finito.',
			whatWorked:
				'A metà del tirocinio un colloquio a tre (persona, tutor aziendale, operatore) fa il punto su competenze, difficoltà e prospettive di assunzione, e fissa gli impegni dei mesi che restano.',
			conditions:
				"Il colloquio è previsto nel patto di servizio fin dall'inizio; si svolge in azienda, in orario di lavoro; l'operatore prepara una scheda comune.",
			evidence:
				'Le aziende ospitanti coinvolte nella seconda sessione lo indicano come il momento in cui si decide la proroga o l’assunzione.',
			targetCategory: null,
			districtId: DEMO_DISTRICT_IDS.magentino,
			recordedById: DEMO_PERSON_IDS.caseOperator,
			createdAt: new Date('2026-06-16T15:30:00Z')
		}
	]);
	await db.insert(goodPracticeCase).values({ practiceId: tutor, caseId: demoUuid('case:benali') });
}
