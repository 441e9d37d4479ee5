import type { Db } from '../../db/client';
import { call, proposal, proposalSection, sectionOwner } from '../../db/schema';
import { appendStoredUpdates } from '../../live/store';
import { refreshDocumentText } from '../../live/live';
import { demoUuid, DEMO_ORGANISATION_IDS, DEMO_PERSON_BY_ROLE, DEMO_PROJECT_ID } from '../ids';
import type { DemoOrganisationKey } from '../data/organisations';
import { emptyActionBlock } from '../../../proposals/action-block';
import * as Y from 'yjs';
import { replaceBlocksUpdate } from '../../proposals/action-blocks';
import { TAVOLO_AUTHOR } from '../../live/authorship/claims';
import { DEMO_ACTIONS, DEMO_SECTION_TEXT } from '../data/proposals';
import { demoSectionUpdates } from './proposal-authorship';
import { actionsDocumentName, sectionDocumentName } from '../../proposals/section-content';
import { findTemplate } from '../../proposals/template-store';
import { seedTemplates } from '../../proposals/template-seed';

export const DEMO_CALL_ID = demoUuid('call:rhodense');
export const DEMO_PROPOSAL_ID = demoUuid('proposal:work-in-progress');

const org = (key: DemoOrganisationKey) => DEMO_ORGANISATION_IDS[key];

/** Who owns which section of the demo proposal (partner editors of the demo log in as these). */
const OWNERS: Record<string, DemoOrganisationKey[]> = {
	'1': ['grandeCasa'],
	'2': ['ai'],
	'3': ['aziendaSociale'],
	'4': ['aziendaSociale'],
	'5': ['aziendaSociale', 'grandeCasa'],
	'7': ['ai'],
	'9': ['promos']
};

/**
 * Demo step `proposals`: the seeded templates, a call with the progetto di massima of 000 and a
 * ten-point proposal in WORK IN PROGRESS with text from 001 in sections 1–4 and its action
 * blocks. Live text is written as Yjs updates through the documents store.
 */
export async function seedProposals(db: Db): Promise<void> {
	const templateIds = await seedTemplates(db);
	const template = await findTemplate(db, templateIds['ten-point']);
	await db.insert(call).values({
		id: DEMO_CALL_ID,
		projectId: DEMO_PROJECT_ID,
		title: "Istruttoria pubblica per la coprogettazione di azioni per l'integrazione lavorativa",
		subject:
			"Definizione progettuale di interventi per l'integrazione lavorativa di persone in condizione di fragilità occupazionale.",
		targets:
			'Giovani inoccupati; lavoratori migranti; adulti soli con figli a carico; adulti over 50; disoccupati di lungo periodo; persone con invalidità (L. 68/99); imprese.',
		aims: "Potenziamento dell'occupabilità; coinvolgimento della rete dei servizi; progettualità mirate a target specifici.",
		generalObjectives:
			"Costruire un sistema di interventi e azioni integrati tra loro, finalizzato a preparare e sostenere l'integrazione lavorativa.",
		specificObjectives:
			'Promuovere, coprogettare, possedere strumenti, favorire luoghi di transizione, valorizzare la rete.',
		resources: '',
		deadline: '2026-12-15',
		templateId: template.id,
		createdById: DEMO_PERSON_BY_ROLE.coordinator
	});
	await db.insert(proposal).values({
		id: DEMO_PROPOSAL_ID,
		projectId: DEMO_PROJECT_ID,
		callId: DEMO_CALL_ID,
		title: 'Proposta del tavolo WORK IN PROGRESS',
		createdById: DEMO_PERSON_BY_ROLE.coordinator
	});
	const sections = template.sections.map((section) => ({
		id: demoUuid(`section:work-in-progress:${section.number}`),
		proposalId: DEMO_PROPOSAL_ID,
		templateSectionId: section.id,
		position: section.position,
		number: section.number,
		title: section.title,
		status: DEMO_SECTION_TEXT[section.number] ? ('draft' as const) : ('to_write' as const)
	}));
	await db.insert(proposalSection).values(sections);
	await db
		.insert(sectionOwner)
		.values(
			sections.flatMap((s) =>
				(OWNERS[s.number] ?? []).map((key) => ({ sectionId: s.id, organisationId: org(key) }))
			)
		);
	await appendStoredUpdates(db, [
		...sections
			.filter((s) => DEMO_SECTION_TEXT[s.number])
			.flatMap((s) =>
				demoSectionUpdates(s.number, DEMO_SECTION_TEXT[s.number]).map((written) => ({
					documentName: sectionDocumentName(s.id),
					...written
				}))
			),
		{
			documentName: actionsDocumentName(DEMO_PROPOSAL_ID),
			update: actionsUpdate(),
			authorId: TAVOLO_AUTHOR
		}
	]);
	// The written sections are found by search from the start (ADR 0140).
	for (const s of sections.filter((s) => DEMO_SECTION_TEXT[s.number])) {
		await refreshDocumentText(db, sectionDocumentName(s.id));
	}
}

function actionsUpdate(): Uint8Array {
	const blocks = DEMO_ACTIONS.map(({ responsible, partners, publicEuro, ownEuro, ...rest }) => ({
		...emptyActionBlock(rest.id),
		...rest,
		responsibleId: org(responsible),
		partnerIds: partners.map((key) => org(key)),
		budget: [
			{ organisationId: org(responsible), publicCents: publicEuro * 100, ownCents: ownEuro * 100 }
		]
	}));
	const doc = new Y.Doc();
	const update = replaceBlocksUpdate(doc, blocks)!;
	doc.destroy();
	return update;
}
