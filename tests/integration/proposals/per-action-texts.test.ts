import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptAllSuggestions } from 'prosemirror-suggestion-mode';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';
import { signIn } from '../../support/factories';
import { at, sectionEditor } from '../../support/section-editor';
import { readDocument } from '../../../src/lib/server/live/store';
import { agreedText, suggestionKey } from '../../../src/lib/editor/suggestions/agreed-text';
import { CloseCode } from '../../../server/collab/close-codes';
import * as templates from '../../../src/lib/server/proposals/templates';
import * as calls from '../../../src/lib/server/proposals/calls';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import * as comments from '../../../src/lib/server/proposals/comments';
import { overview } from '../../../src/lib/server/proposals/overview';
import { canvasView } from '../../../src/lib/server/proposals/canvas-view';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { findSections } from '../../../src/lib/server/proposals/section-lookup';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import {
	actionsDocumentName,
	replaceContentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { actionField } from '../../../src/lib/proposals/section-kinds';
import { sectionSchema } from '../../../src/lib/proposals/editor-schema';
import { layoutChars, type PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable } from './fixture';

/**
 * ADR 0207: each action's text of a section filled per action has what a section's text has —
 * its length against the section's limit, comments anchored in it, suggestions from partners
 * who may only suggest, accepted by the owners. Real collaboration endpoint, real database.
 */
const server = await startTestServer({ pages: false });
const table = await buildProposalTable(server.runtime);
const coordinator = table.ctx(table.coordinator);

const imported = await templates.importDefinition(coordinator, {
	projectId: table.project.id,
	text: `
name: Schema per azione (prova)
pageChars: 3000
sections:
  - number: 1
    title: Destinatari
    perAction: each
    limitChars: 60
  - number: 5
    title: Azioni
    kind: actions
`
});
const theCall = await calls.create(coordinator, table.project.id, {
	title: 'Avviso POR FSE inclusione attiva',
	subject: '',
	targets: '',
	aims: '',
	generalObjectives: '',
	specificObjectives: '',
	resources: '',
	templateId: imported.id
});
const proposal = await proposals.create(coordinator, {
	projectId: table.project.id,
	callId: theCall.id,
	title: 'Percorsi di inclusione',
	owners: { '1': [table.owner.organisationId], '5': [table.owner.organisationId] }
});
const [perAction] = await findSections(table.db, { proposalId: proposal.id });
const name = sectionDocumentName(perAction.id);
{
	const actions = await readDocument(table.db, actionsDocumentName(proposal.id));
	await table.live.write(
		actionsDocumentName(proposal.id),
		replaceBlocksUpdate(actions, [
			{ ...emptyActionBlock('x1'), title: 'Attività 1 Governance', order: 0 },
			{ ...emptyActionBlock('x2'), title: 'Attività 2 Orientamento', order: 1 }
		])!
	);
	actions.destroy();
}

const X1: PmNode = {
	type: 'doc',
	content: [
		{ type: 'paragraph', content: [{ type: 'text', text: 'Giovani 16-24 anni' }] },
		{
			type: 'bulletList',
			content: ['NEET', 'drop-out'].map((text) => ({
				type: 'listItem',
				content: [{ type: 'paragraph', content: [{ type: 'text', text }] }]
			}))
		}
	]
};

async function writeAction(actionId: string, json: PmNode) {
	const doc = await readDocument(table.db, name);
	const update = replaceContentUpdate(doc, json, actionField(actionId));
	doc.destroy();
	if (update) await table.live.write(name, update);
}

await writeAction('x1', X1);
await writeAction('x2', {
	type: 'doc',
	content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Adolescenti in difficoltà' }] }]
});

const textOf = (doc: Y.Doc, actionId: string) =>
	sectionEditor(doc, undefined, actionField(actionId)).text();

describe('each action’s text, first-class (ADR 0207)', () => {
	it('counts each action’s text as the export lays it out, against the section’s limit', async () => {
		const view = await overview(table.ctx(table.observer), proposal.id);
		const section = view.sections[0];
		// "Giovani 16-24 anni" 18 + "• NEET" 6 + "• drop-out" 10: list markers as printed.
		expect(section.actionChars).toEqual({ x1: 34, x2: 25 });
		expect(layoutChars(X1)).toBe(34);
		expect(section.limitChars).toBe(60);
		await writeAction('x2', {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(61) }] }]
		});
		const after = await canvasView(table.ctx(table.partner), proposal.id);
		expect(after.sections[0].actionChars.x2).toBe(61);
		expect(after.sections[0].actionChars.x1).toBe(34);
	});

	it('stores a comment on one action’s text and lists it there, also in the export', async () => {
		const doc = await readDocument(table.db, name);
		const fragment = doc.getXmlFragment(actionField('x1'));
		const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
		const anchor = (index: number) =>
			Buffer.from(
				Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))
			).toString('base64');
		const created = await comments.create(table.ctx(table.partner), {
			sectionId: perAction.id,
			field: actionField('x1'),
			anchorFrom: anchor(0),
			anchorTo: anchor(7),
			quotedText: 'Giovani',
			body: 'Indicare anche la fascia 25-29.'
		});
		doc.destroy();
		const listed = await comments.listForSection(table.ctx(table.observer), perAction.id);
		expect(listed.map((t) => [t.id, t.field, t.quotedText])).toEqual([
			[created.id, 'action:x1', 'Giovani']
		]);
		const view = await canvasView(table.ctx(table.owner), proposal.id);
		expect(view.sections[0].threads.map((t) => t.field)).toEqual(['action:x1']);
		expect(view.sections[0].openComments).toBe(1);
		const exported = await proposalDocument(coordinator, {
			proposalId: proposal.id,
			withComments: true
		});
		const withNotes = exported.sections.filter((s) => (s.notes ?? []).length > 0);
		expect(withNotes.map((s) => [s.title, s.notes![0].entries[0].body])).toEqual([
			['Destinatari', 'Indicare anche la fascia 25-29.']
		]);
		// Under action 1, not action 2: the part's heading comes right before.
		const index = exported.sections.indexOf(withNotes[0]);
		expect(exported.sections[index - 1].title).toBe('Azione 1: Attività 1 Governance');
		await expect(
			comments.create(table.ctx(table.partner), {
				sectionId: perAction.id,
				field: 'hidden',
				anchorFrom: anchor(0),
				anchorTo: anchor(1),
				quotedText: '',
				body: 'x'
			})
		).rejects.toThrow('invalid');
	});

	it('a partner suggests in one action’s text, the owner accepts it', async () => {
		const partner = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.partner.person.id)
		);
		const owner = connectClient(server.wsUrl, name, await signIn(table.db, table.owner.person.id));
		await Promise.all([partner.synced(), owner.synced()]);
		await eventually(() => textOf(partner.doc, 'x1').startsWith('Giovani'), 'the text');
		const author = { id: table.partner.person.id, name: table.partner.person.name };
		const suggester = sectionEditor(partner.doc, author, actionField('x1'));
		suggester.change((tr) => at(tr, suggester.after('anni')).insertText(' e 25-29'));
		await eventually(() => textOf(owner.doc, 'x1').includes('anni e 25-29'), 'the suggestion');
		const seen = agreedText(owner.doc.getXmlFragment(actionField('x1')));
		expect(seen.suggested.get(suggestionKey('suggestion_insert', author.id))).toBe(' e 25-29');
		expect(partner.provider.wsconnected).toBe(true);

		// The owner accepts: the words become the agreed text, stored for everyone.
		sectionEditor(owner.doc, undefined, actionField('x1')).command(acceptAllSuggestions);
		const room = server.app.collab.rooms.get(name)!;
		await eventually(
			() => agreedText(room.doc.getXmlFragment(actionField('x1'))).suggested.size === 0,
			'the acceptance at the server'
		);
		await room.settled();
		const stored = await readDocument(table.db, name);
		const accepted = agreedText(stored.getXmlFragment(actionField('x1')));
		expect(accepted.suggested.size).toBe(0);
		expect(textOf(stored, 'x1')).toContain('Giovani 16-24 anni e 25-29');
		stored.destroy();

		// Direct edits of an action's text by someone who may only suggest stay refused.
		const closed = partner.nextClose();
		const x2 = (partner.doc.getXmlFragment(actionField('x2')).get(0) as Y.XmlElement).get(0);
		(x2 as Y.XmlText).insert(0, 'Non ');
		expect(await closed).toEqual({
			code: CloseCode.SuggestionsOnly,
			reason: 'suggestions only: agreed_text_changed'
		});
		const after = await readDocument(table.db, name);
		expect(textOf(after, 'x2').startsWith('Non ')).toBe(false);
	});

	it('a partner opens a new action’s text with a suggestion; a forged map is refused', async () => {
		const partner = connectClient(
			server.wsUrl,
			name,
			await signIn(table.db, table.partner.person.id)
		);
		await partner.synced();
		const author = { id: table.partner.person.id, name: table.partner.person.name };
		const fresh = sectionEditor(partner.doc, author, actionField('x3'));
		// The editor of an empty text: the words typed arrive in a new paragraph.
		const schema = sectionSchema();
		fresh.change((tr) => tr.insert(0, schema.node('paragraph', null, [schema.text('Famiglie')])));
		await eventually(
			() => server.app.collab.rooms.get(name)?.doc.share.has(actionField('x3')) === true,
			'the new text at the server'
		);
		await server.app.collab.rooms.get(name)?.settled();
		const stored = await readDocument(table.db, name);
		const opened = agreedText(stored.getXmlFragment(actionField('x3')));
		expect([...opened.suggested.values()]).toEqual(['Famiglie']);
		expect(partner.provider.wsconnected).toBe(true);
		const closed = partner.nextClose();
		// Keyed entries under a text's name: no text, not a suggestion.
		partner.doc.getMap(actionField('x4')).set('x', 'not a text');
		expect(await closed).toEqual({
			code: CloseCode.SuggestionsOnly,
			reason: 'suggestions only: outside_the_text'
		});
	});
});
