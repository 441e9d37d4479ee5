import { testContext } from '../../support/context';
import { beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../../src/lib/server/search/search';
import { snippetParts } from '../../../src/lib/search/kinds';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { appendStoredUpdates, compactStoredDocument } from '../../../src/lib/server/live/store';
import { body, decision, lab, meeting, organisation } from '../../../src/lib/server/db/schema';
import {
	minutesDocumentName,
	buildMinutesDoc
} from '../../../src/lib/server/governance/minutes-document';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../src/lib/server/context';
import { buildCase, buildMember, buildOrganisation, buildProject } from '../../support/factories';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';

const paragraph = (text: string) => ({
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
});

describe('search across everything', () => {
	let table: Awaited<ReturnType<typeof buildProposalTable>>;
	let other: Awaited<ReturnType<typeof buildMember>>;
	let otherProjectId: string;
	let ownerName: string;
	let caseOperator: Awaited<ReturnType<typeof buildMember>>;
	const as = (who: { actor: Ctx['actor'] }): Ctx => testContext(table.db, who.actor);

	beforeAll(async () => {
		const runtime = await startProposalRuntime();
		table = await buildProposalTable(runtime);
		const { db, project, sections, live } = table;
		// Section 1: written by domain code (indexed at once).
		await live.write(
			sectionDocumentName(sections[0].id),
			contentUpdate(
				paragraph("Attività di tirocinio per l'inclusione lavorativa nelle università della città.")
			)
		);
		// Section 2: written by editors, indexed when the collaboration server compacts it.
		await appendStoredUpdates(db, [
			{
				documentName: sectionDocumentName(sections[1].id),
				update: contentUpdate(paragraph('Coordinamento con il Centro per l’impiego di Cuneo.')),
				authorId: table.owner.person.id
			}
		]);
		await compactStoredDocument(db, sectionDocumentName(sections[1].id));

		const [steering] = await db
			.insert(body)
			.values({ projectId: project.id, kind: 'steering_committee', name: 'Cabina di regia' })
			.returning();
		const [theMeeting] = await db
			.insert(meeting)
			.values({
				bodyId: steering.id,
				projectId: project.id,
				title: 'Cabina di regia n. 3',
				startsAt: new Date('2026-03-05T13:30:00Z'),
				endsAt: new Date('2026-03-05T15:30:00Z')
			})
			.returning();
		const minutes = buildMinutesDoc(['Monitoraggio'], [['Si discute del cruscotto trimestrale.']]);
		await live.write(minutesDocumentName(theMeeting.id), Y.encodeStateAsUpdate(minutes));
		minutes.destroy();
		await db.insert(decision).values({
			projectId: project.id,
			bodyId: steering.id,
			text: 'Approvato il piano di monitoraggio trimestrale',
			quote: ''
		});
		await db.insert(lab).values({
			projectId: project.id,
			title: 'Laboratorio sulla mobilità',
			theme: 'Trasporti verso i luoghi di lavoro',
			facilitatorId: table.coordinator.person.id
		});
		const otherProject = await buildProject(db);
		otherProjectId = otherProject.id;
		other = await buildMember(db, { projectId: otherProject.id, role: 'coordinator' });
		caseOperator = await buildMember(db, { projectId: project.id, role: 'case_operator' });
		await buildCase(db, {
			projectId: project.id,
			organisationId: caseOperator.organisationId,
			fullName: 'Gianfranco Tirocinante'
		});
		await buildOrganisation(db, { name: 'Cooperativa Universitaria Lontana' });
		const [owner] = await db
			.select({ name: organisation.name })
			.from(organisation)
			.where(eq(organisation.id, table.owner.organisationId));
		ownerName = owner.name;
	}, 180_000); // a real runtime, the proposal's call and template: slow on a shared machine

	it('ignores accents, stems Italian words and matches prefixes while typing', async () => {
		const reader = as(table.partner);
		for (const q of ['attivita', 'ATTIVITÀ', 'tirocini', 'inclus', 'universita citta']) {
			const { hits } = await search(reader, { q });
			expect(
				hits.map((h) => h.id),
				q
			).toContain(table.sections[0].id);
		}
		const { hits } = await search(reader, { q: 'impiego' });
		expect(hits.map((h) => h.id)).toEqual([table.sections[1].id]);
	});

	it('highlights the matched words in a plain-text snippet', async () => {
		const { hits } = await search(as(table.partner), { q: 'tirocinio' });
		const parts = snippetParts(hits[0].snippet);
		expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['tirocinio']);
		expect(parts.map((p) => p.text).join('')).toContain('Attività di tirocinio');
		expect(hits[0].projectTitle).toBe(table.project.title);
	});

	it('finds minutes, decisions, labs and organisations, and filters by kind and project', async () => {
		const reader = as(table.observer);
		const all = await search(reader, { q: 'monitoraggio' });
		expect(all.hits.map((h) => h.kind).sort()).toEqual(['decision', 'minutes']);
		const decisions = await search(reader, { q: 'monitoraggio', kind: 'decision' });
		expect(decisions.hits.map((h) => h.kind)).toEqual(['decision']);
		expect((await search(reader, { q: 'mobilita' })).hits.map((h) => h.kind)).toEqual(['lab']);
		// The owner's organisation is in the project through its members; one nowhere is not found.
		const organisations = await search(reader, { q: ownerName, kind: 'organisation' });
		expect(organisations.hits.map((h) => h.id)).toEqual([table.owner.organisationId]);
		expect((await search(reader, { q: 'lontana' })).hits).toEqual([]);
		const elsewhere = await search(reader, { q: 'monitoraggio', projectId: otherProjectId });
		expect(elsewhere.hits).toEqual([]);
	});

	it("never shows another project's content to a person outside it", async () => {
		for (const q of ['tirocinio', 'monitoraggio', 'mobilita', 'impiego', ownerName]) {
			expect((await search(as(other), { q })).hits, q).toEqual([]);
		}
	});

	it('never finds case records, not even for the case operator who may read them', async () => {
		for (const who of [caseOperator, table.coordinator, table.partner]) {
			const { hits } = await search(as(who), { q: 'Gianfranco Tirocinante' });
			expect(hits).toEqual([]);
		}
	});

	it('refuses the anonymous and returns nothing for a query without words', async () => {
		await expect(search(testContext(table.db, null), { q: 'tirocinio' })).rejects.toMatchObject({
			code: 'unauthorized'
		});
		expect(await search(as(table.partner), { q: '  &|!:* ' })).toEqual({ hits: [], more: false });
	});
});
