import * as Y from 'yjs';
import type { Db } from '../../db/client';
import { lab, labParticipant, labSession, labSessionCase, labTerritory } from '../../db/schema';
import { appendStoredUpdates } from '../../live/store';
import { demoUuid, DEMO_DISTRICT_IDS, DEMO_PERSON_IDS, DEMO_PROJECT_ID } from '../ids';
import { addCard, addCluster, UNSORTED } from '../../../labs/board';

/**
 * Demo step `labs`: the co-design lab of 000/004, run by the facilitator with the two case
 * operators and a partner, two sessions, a board with the first session's cards, and Karim's
 * case (H7Q-2MX) attached by pseudonym.
 */
export async function seedLabs(db: Db): Promise<void> {
	const labId = demoUuid('lab:co-design');
	await db.insert(lab).values({
		id: labId,
		projectId: DEMO_PROJECT_ID,
		title: 'Laboratorio di co-progettazione',
		theme:
			'Rileggere insieme i percorsi di tirocinio che non diventano lavoro: ostacoli, risorse della rete, cosa ha funzionato.',
		facilitatorId: DEMO_PERSON_IDS.facilitator
	});
	await db.insert(labTerritory).values([
		{ labId, districtId: DEMO_DISTRICT_IDS.altoMilanese },
		{ labId, districtId: DEMO_DISTRICT_IDS.magentino }
	]);
	await db.insert(labParticipant).values(
		(['caseOperator', 'caseOperatorAtticus', 'editorAi'] as const).map((key) => ({
			labId,
			personId: DEMO_PERSON_IDS[key]
		}))
	);
	const first = demoUuid('lab-session:1');
	await db.insert(labSession).values([
		{
			id: first,
			labId,
			title: 'Dai tirocini al lavoro: casi a confronto',
			startsAt: new Date('2026-05-12T12:30:00Z'),
			endsAt: new Date('2026-05-12T15:00:00Z'),
			place: 'Legnano, sala del Piano di Zona'
		},
		{
			id: demoUuid('lab-session:2'),
			labId,
			title: 'Buone pratiche con le aziende ospitanti',
			startsAt: new Date('2026-06-16T12:30:00Z'),
			endsAt: new Date('2026-06-16T15:00:00Z'),
			place: 'Magenta, Ufficio di Piano'
		}
	]);
	await db.insert(labSessionCase).values({
		sessionId: first,
		caseId: demoUuid('case:benali'),
		attachedById: DEMO_PERSON_IDS.facilitator
	});
	const doc = new Y.Doc();
	const obstacles = addCluster(doc, 'Ostacoli');
	const resources = addCluster(doc, 'Risorse della rete');
	const worked = addCluster(doc, 'Cosa ha funzionato');
	const cards: [string, string, string][] = [
		['Trasporti serali assenti verso la zona industriale', obstacles, 'Luca'],
		['Lingua italiana per la sicurezza sul lavoro', obstacles, 'Sara'],
		['Corsi di italiano del CPIA a Legnano', resources, 'Sara'],
		['Tutor aziendale affiancato al tutor del servizio', worked, 'Chiara'],
		['Colloquio a tre a metà tirocinio', worked, 'Luca'],
		['Patente B finanziata con voucher?', UNSORTED, 'Marco']
	];
	for (const [text, clusterId, author] of cards) addCard(doc, { text, clusterId, author });
	await appendStoredUpdates(db, [
		{ documentName: `labboard:${first}`, update: Y.encodeStateAsUpdate(doc) }
	]);
	doc.destroy();
}
