import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { renderFile } from '../../../src/lib/server/export/formats';
import * as actionItems from '../../../src/lib/server/governance/action-items';
import * as attendance from '../../../src/lib/server/governance/attendance';
import * as bodies from '../../../src/lib/server/governance/bodies';
import * as meetings from '../../../src/lib/server/governance/meetings';
import { contextFor, type Ctx } from '../../../src/lib/server/context';
import { buildMember, buildProject } from '../../support/factories';
import * as decisions from '../../../src/lib/server/governance/decisions';
import * as minutes from '../../../src/lib/server/governance/minutes';
import * as sitting from '../../../src/lib/server/governance/sitting';
import {
	MINUTES_FIELD,
	minutesDocumentName
} from '../../../src/lib/server/governance/minutes-document';
import { verbaleDocument } from '../../../src/lib/server/governance/verbale';
import { docxText, inOrder, pdfText } from '../../support/export-text';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';
import { typeInto } from '../governance/suggestions';

const { runtime, live } = await startGovernanceRuntime();

// Real text: the Direzione Lavoro's part in the cabina di regia (002, "Governance" paragraph).
const DISCUSSION =
	'Nella cabina di Regia interverrà il referente della Direzione Lavoro: questa partecipazione garantirà una collaborazione fattiva nella costruzione di buone pratiche con il coordinamento in essere dei Centri per l’impiego.';

async function heldAndApproved() {
	const c = await buildCommittee(runtime);
	const id = c.meeting.id;
	await sitting.recordSitting(c.ctx(c.secretary), id, { openedTime: '14:40', closedTime: '16:20' });
	await sitting.addGuest(c.ctx(c.secretary), id, {
		name: 'Anna Bellini',
		organisationName: 'Città Metropolitana di Milano — Direzione Lavoro',
		role: 'Referente dei Centri per l’impiego'
	});
	await attendance.recordAttendance(c.ctx(c.secretary), id, {
		entries: [
			{ personId: c.chair.person.id, status: 'present', delegateId: null },
			{ personId: c.secretary.person.id, status: 'present', delegateId: null },
			{ personId: c.member.person.id, status: 'excused', delegateId: null },
			{ personId: c.partner.person.id, status: 'delegated', delegateId: c.chair.person.id }
		]
	});
	await live.write(
		minutesDocumentName(id),
		typeInto(await live.read(minutesDocumentName(id)), DISCUSSION)
	);
	const decision = await decisions.propose(c.ctx(c.chair), {
		meetingId: id,
		agendaItemId: null,
		text: 'Si approva il calendario dei laboratori di co-progettazione.',
		quote: '',
		ownerOrganisationId: null,
		ownerPersonId: c.secretary.person.id,
		dueOn: '2026-04-30',
		links: [],
		outcome: 'approved',
		votesFor: 3,
		votesAgainst: 0,
		votesAbstained: 1
	});
	await actionItems.create(c.ctx(c.chair), c.projectId, {
		title: 'Inviare il calendario ai Centri per l’impiego',
		ownerPersonId: c.secretary.person.id,
		ownerOrganisationId: null,
		dueOn: '2026-03-20',
		meetingId: id,
		decisionId: decision.id
	});
	await minutes.circulate(c.ctx(c.secretary), id, {
		opensOn: '2026-03-06',
		closesOn: '2026-03-13'
	});
	await minutes.approve(c.ctx(c.chair), id);
	// After approval the decision moves on; the verbale keeps what the sitting decided.
	await decisions.transition(c.ctx(c.chair), {
		decisionId: decision.id,
		to: 'in_progress',
		note: '',
		supersededById: null
	});
	return c;
}

describe('the verbale in the usual Italian form', () => {
	it('reads back from DOCX, ODT and PDF: opening, attendance, guests, votes, closing, signatures', async () => {
		const c = await heldAndApproved();
		const document = await verbaleDocument(c.ctx(c.observer), c.meeting.id);
		const chair = c.chair.person.name;
		const secretary = c.secretary.person.name;
		const expected = [
			'Apertura della seduta',
			'Il giorno 05/03/2026, alle ore 14:40, presso Sala consiliare, Castano Primo, si riunisce Cabina di regia allargata.',
			`Presiede ${chair}; svolge le funzioni di segretario verbalizzante ${secretary}.`,
			'Sono rappresentati 3 componenti su 4 (numero legale: 3)',
			'Presenti',
			chair,
			'Assenti con delega',
			`(delega a ${chair})`,
			'Assenti giustificati',
			c.member.person.name,
			'Invitati non componenti',
			'Anna Bellini — Città Metropolitana di Milano — Direzione Lavoro — Referente dei Centri per l’impiego',
			'Ordine del giorno',
			'Avvio del progetto',
			DISCUSSION,
			'Decisioni assunte',
			'Si approva il calendario dei laboratori di co-progettazione. — Approvata — votazione: favorevoli 3, contrari 0, astenuti 1',
			'Azioni decise',
			'Inviare il calendario ai Centri per l’impiego',
			'Chiusura della seduta',
			'la seduta è tolta alle ore 16:20.',
			'Approvazione',
			`Il Presidente — ${chair}`,
			`Il Segretario verbalizzante — ${secretary}`
		];
		const docx = docxText((await renderFile('docx', document, 'verbale')).bytes);
		const odt = strFromU8(
			unzipSync((await renderFile('odt', document, 'verbale')).bytes)['content.xml']
		).replace(/<[^>]+>/g, '');
		const pdf = await pdfText((await renderFile('pdf', document, 'verbale')).bytes);
		for (const [format, text] of [
			['docx', docx],
			['odt', odt],
			['pdf', pdf]
		] as const) {
			const missing = expected.find((_, i) => !inOrder(text, expected.slice(0, i + 1)));
			expect({ format, missing }).toEqual({ format, missing: undefined });
			expect({ format, text: text.includes('In corso') }).toEqual({ format, text: false });
		}
	});

	it('refuses guests and times from people outside the body', async () => {
		const c = await buildCommittee(runtime);
		await expect(
			sitting.addGuest(c.ctx(c.observer), c.meeting.id, {
				name: 'X Y',
				organisationName: '',
				role: ''
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			sitting.recordSitting(c.ctx(c.outsider), c.meeting.id, {
				openedTime: '10:00',
				closedTime: null
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		expect((await sitting.sittingOf(c.ctx(c.observer), c.meeting.id)).guests).toEqual([]);
	});

	it('asks for the right to move a decision when the sitting records a vote', async () => {
		const c = await buildCommittee(runtime);
		const input = {
			meetingId: c.meeting.id,
			agendaItemId: null,
			text: 'Si rinvia la decisione sul riparto.',
			quote: '',
			ownerOrganisationId: null,
			ownerPersonId: null,
			dueOn: null,
			links: []
		};
		await expect(
			decisions.propose(c.ctx(c.partner), { ...input, outcome: 'approved', votesFor: 4 })
		).rejects.toMatchObject({ code: 'forbidden' });
		const proposed = await decisions.propose(c.ctx(c.partner), input);
		expect(proposed.status).toBe('proposed');
		const rejected = await decisions.propose(c.ctx(c.chair), { ...input, outcome: 'rejected' });
		expect(rejected.status).toBe('rejected');
	});
});

describe('approval checks the verbale against its agenda', () => {
	it('refuses minutes whose agenda heading was changed, until the chair confirms', async () => {
		const c = await buildCommittee(runtime);
		const name = minutesDocumentName(c.meeting.id);
		const doc = await live.read(name);
		const before = Y.encodeStateVector(doc);
		// A stock client, without the editor's protection, retitles the first item.
		const first = doc.getXmlFragment(MINUTES_FIELD).get(0) as Y.XmlElement;
		(first.get(0) as Y.XmlText).insert('1. Avvio del progetto'.length, ' e varie');
		await live.write(name, Y.encodeStateAsUpdate(doc, before));
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: '2026-03-06',
			closesOn: '2026-03-13'
		});
		await expect(minutes.approve(c.ctx(c.chair), c.meeting.id)).rejects.toMatchObject({
			code: 'gov_minutes_structure_changed',
			issues: {
				acceptStructure: [
					'Titoli mancanti: 1. Avvio del progetto. Titoli non previsti: 1. Avvio del progetto e varie.'
				]
			}
		});
		expect((await minutes.minutesState(c.ctx(c.chair), c.meeting.id)).status).toBe('circulated');
		await minutes.approve(c.ctx(c.chair), c.meeting.id, { acceptStructure: true });
		expect((await minutes.minutesState(c.ctx(c.chair), c.meeting.id)).status).toBe('approved');
	});
});

describe('minutes approved at the next meeting, as the body’s rules say', () => {
	it('puts the approval at item 1 of the next sitting and approves only from there', async () => {
		const project = await buildProject(runtime.db);
		const chair = await buildMember(runtime.db, { projectId: project.id, role: 'coordinator' });
		const secretary = await buildMember(runtime.db, {
			projectId: project.id,
			role: 'steering_member'
		});
		const ctx = (who: { actor: Ctx['actor'] }): Ctx => contextFor(runtime, who.actor);
		const body = await bodies.create(ctx(chair), project.id, {
			kind: 'restricted_committee',
			name: 'Cabina di regia ristretta',
			description: '',
			districtId: null,
			quorumRule: 'majority',
			quorumFixed: null,
			minutesApprovalRule: 'next_meeting'
		});
		await bodies.addMember(ctx(chair), body.id, { personId: chair.person.id, role: 'chair' });
		await bodies.addMember(ctx(chair), body.id, {
			personId: secretary.person.id,
			role: 'secretary'
		});
		const sitting = (title: string, day: string) =>
			meetings.schedule(ctx(chair), body.id, {
				title,
				day,
				startTime: '10:00',
				endTime: '12:00',
				place: 'Legnano, Palazzo Malinverni',
				videoLink: '',
				agenda: ['Stato di avanzamento']
			});
		const first = await sitting('Seduta di marzo', '2026-03-05');
		const second = await sitting('Seduta di aprile', '2026-04-02');
		const future = await sitting('Seduta di gennaio', '2027-01-14');
		expect((await meetings.agendaOf(runtime.db, first.id)).map((a) => a.title)).toEqual([
			'Stato di avanzamento'
		]);
		expect((await meetings.agendaOf(runtime.db, second.id)).map((a) => a.title)).toEqual([
			'Approvazione del verbale della seduta del 05/03/2026',
			'Stato di avanzamento'
		]);

		await minutes.circulate(ctx(secretary), first.id, {
			opensOn: '2026-03-06',
			closesOn: '2026-03-13'
		});
		await expect(minutes.approve(ctx(chair), first.id)).rejects.toMatchObject({
			code: 'gov_minutes_next_meeting_rule'
		});
		await expect(
			minutes.approve(ctx(chair), first.id, { atMeetingId: future.id })
		).rejects.toMatchObject({ code: 'gov_minutes_not_next_meeting' });
		await expect(
			minutes.approve(ctx(secretary), first.id, { atMeetingId: second.id })
		).rejects.toMatchObject({ code: 'forbidden' });
		await minutes.approve(ctx(chair), first.id, { atMeetingId: second.id });

		// The next sitting has not started yet: its predecessor waits for it.
		await minutes.circulate(ctx(secretary), second.id, {
			opensOn: '2026-04-03',
			closesOn: '2026-04-10'
		});
		await expect(
			minutes.approve(ctx(chair), second.id, { atMeetingId: future.id })
		).rejects.toMatchObject({ code: 'gov_minutes_not_next_meeting' });

		const verbale = docxText(
			(await renderFile('docx', await verbaleDocument(ctx(chair), first.id), 'verbale')).bytes
		);
		expect(
			inOrder(verbale, [
				'Approvazione',
				'Approvato nella seduta «Seduta di aprile» del 02/04/2026',
				'al primo punto dell’ordine del giorno'
			])
		).toBe(true);
		const path = await minutes.approvalPath(ctx(chair), second.id);
		expect(path).toMatchObject({
			rule: 'next_meeting',
			previous: { id: first.id, minutesStatus: 'approved' },
			next: { id: future.id }
		});
	});
});
