import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { docxText, inOrder, pdfText } from '../../support/export-text';
import * as Y from 'yjs';
import { minutesApproval } from '../../../src/lib/server/db/schema';
import { documentPermission } from '../../../src/lib/server/live-kinds';
import * as minutes from '../../../src/lib/server/governance/minutes';
import {
	minutesBlocks,
	minutesDocumentName,
	pendingSuggestions
} from '../../../src/lib/server/governance/minutes-document';
import { buildCommittee, startGovernanceRuntime } from './fixture';
import { acceptAll, suggestReplacement, typeInto } from './suggestions';

const { runtime, live } = await startGovernanceRuntime();

describe('live minutes', () => {
	it('are pre-filled with one heading per agenda item', async () => {
		const { meeting } = await buildCommittee(runtime);
		const doc = await live.read(minutesDocumentName(meeting.id));
		expect(
			minutesBlocks(doc)
				.filter((b) => b.kind === 'heading')
				.map((b) => b.text)
		).toEqual(['1. Avvio del progetto', '2. Calendario delle attività']);
	});

	it('are written by the body members only; others in the project read', async () => {
		const c = await buildCommittee(runtime);
		const name = minutesDocumentName(c.meeting.id);
		const permission = (who: typeof c.chair) => documentPermission(c.db, who.actor, name);
		expect(await permission(c.secretary)).toBe('write');
		expect(await permission(c.partner)).toBe('write');
		expect(await permission(c.outsider)).toBe('read');
		expect(await permission(c.observer)).toBe('read');
	});

	it('circulate, refuse approval while suggestions wait, approve with a hash, then refuse every write', async () => {
		const c = await buildCommittee(runtime);
		const name = minutesDocumentName(c.meeting.id);
		const doc = await live.read(name);
		await live.write(name, typeInto(doc, 'Si approva il calendario di massima.'));

		await expect(minutes.approve(c.ctx(c.chair), c.meeting.id)).rejects.toMatchObject({
			code: 'gov_minutes_not_circulated'
		});
		await expect(
			minutes.circulate(c.ctx(c.member), c.meeting.id, {
				opensOn: '2026-03-06',
				closesOn: '2026-03-13'
			})
		).rejects.toMatchObject({ code: 'forbidden' });
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: '2026-03-06',
			closesOn: '2026-03-13'
		});

		// The window is over: members read; the officers still write, to resolve suggestions.
		expect(await documentPermission(c.db, c.secretary.actor, name)).toBe('write');
		expect(await documentPermission(c.db, c.member.actor, name)).toBe('read');
		expect(await documentPermission(c.db, c.chair.actor, name)).toBe('write');

		const withSuggestion = await live.read(name);
		const before = Y.encodeStateVector(withSuggestion);
		suggestReplacement(withSuggestion, c.member.person, 'di massima', 'definitivo');
		await live.write(name, Y.encodeStateAsUpdate(withSuggestion, before));
		await expect(minutes.approve(c.ctx(c.chair), c.meeting.id)).rejects.toMatchObject({
			code: 'gov_minutes_suggestions_pending'
		});
		expect((await minutes.minutesState(c.ctx(c.chair), c.meeting.id)).status).toBe('circulated');

		const resolved = await live.read(name);
		const beforeAccept = Y.encodeStateVector(resolved);
		acceptAll(resolved);
		await live.write(name, Y.encodeStateAsUpdate(resolved, beforeAccept));
		const { sha256 } = await minutes.approve(c.ctx(c.chair), c.meeting.id);
		const state = await minutes.minutesState(c.ctx(c.observer), c.meeting.id);
		expect(state.status).toBe('approved');
		expect(state.approval?.text).toContain('Si approva il calendario definitivo.');
		expect(state.approval?.sha256).toBe(sha256);
		expect(sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(state.approval?.text).not.toContain('di massima');
		// The stored approved state itself carries no suggestion marks.
		const [row] = await c.db
			.select({ state: minutesApproval.state })
			.from(minutesApproval)
			.where(eq(minutesApproval.meetingId, c.meeting.id));
		const frozen = new Y.Doc();
		Y.applyUpdate(frozen, row.state);
		expect(pendingSuggestions(frozen)).toBe(0);
		expect(minutesBlocks(frozen)[1].text).toBe('Si approva il calendario definitivo.');
		expect(await documentPermission(c.db, c.chair.actor, name)).toBe('read');

		await expect(minutes.approve(c.ctx(c.chair), c.meeting.id)).rejects.toMatchObject({
			code: 'gov_minutes_not_circulated'
		});
		await minutes.addCorrection(c.ctx(c.member), c.meeting.id, 'Il luogo corretto è Legnano.');
		expect((await minutes.minutesState(c.ctx(c.member), c.meeting.id)).notes).toHaveLength(1);
	});
});

describe('verbale', () => {
	it('renders the approved minutes in the Italian form, as DOCX and PDF', async () => {
		const { verbaleDocument } = await import('../../../src/lib/server/governance/verbale');
		const { renderFile } = await import('../../../src/lib/server/export/formats');
		const c = await buildCommittee(runtime);
		const name = minutesDocumentName(c.meeting.id);
		await live.write(name, typeInto(await live.read(name), 'Si avviano i gruppi di lavoro.'));
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: '2026-03-06',
			closesOn: '2026-03-13'
		});
		await minutes.approve(c.ctx(c.chair), c.meeting.id);
		// A late write to the live document must not change the approved verbale.
		await live.write(name, typeInto(await live.read(name), 'Aggiunta tardiva. '));
		const document = await verbaleDocument(c.ctx(c.observer), c.meeting.id);
		const titles = document.sections.map((s) => s.title);
		expect(titles.slice(0, 7)).toEqual([
			'Apertura della seduta',
			'Presenti',
			'Assenti con delega',
			'Assenti giustificati',
			'Assenti',
			'Invitati non componenti',
			'Ordine del giorno'
		]);
		expect(titles).toContain('Avvio del progetto');
		expect(JSON.stringify(document)).toContain('Si avviano i gruppi di lavoro.');
		expect(JSON.stringify(document)).not.toContain('Aggiunta tardiva');
		// The files say what the document says: every section title in order, the approved text,
		// the attendance, the approval hash; not the late write.
		const hash = /[0-9a-f]{64}/.exec(JSON.stringify(document))?.[0];
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		const attendance = JSON.stringify(document.sections[1].blocks)
			.match(/"text":"([^"]+)"/g)!
			.map((field) => field.slice(8, -1));
		expect(attendance.length).toBeGreaterThan(0);
		const docx = await renderFile('docx', document, 'verbale');
		const pdf = await renderFile('pdf', document, 'verbale');
		for (const text of [docxText(docx.bytes), await pdfText(pdf.bytes)]) {
			expect(inOrder(text, titles)).toBe(true);
			expect(inOrder(text, ['Presenti', ...attendance, 'Assenti'])).toBe(true);
			expect(inOrder(text, ['Si avviano i gruppi di lavoro.'])).toBe(true);
			expect(inOrder(text, [hash!])).toBe(true);
			expect(inOrder(text, ['Aggiunta tardiva'])).toBe(false);
		}
	});
});
