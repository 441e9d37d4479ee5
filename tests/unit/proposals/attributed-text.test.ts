import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	AuthorshipMap,
	claimsOfUpdate,
	foldClaims,
	type Claim
} from '../../../src/lib/server/live/authorship/claims';
import { attributedJson } from '../../../src/lib/server/proposals/attributed-text';
import { AUTHOR_MARK, UNKNOWN_AUTHOR } from '../../../src/lib/proposals/authorship';
import type { PmNode } from '../../../src/lib/proposals/section-text';

const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const BOB = 'b0b00000-0000-4000-8000-000000000002';
const MALLORY = 'aa110000-0000-4000-8000-000000000003';

/**
 * A tiny collaboration: every local update of a person's doc reaches the "server" (the
 * claims, in arrival order, under that person) and the other docs.
 */
function table(...people: [string, Y.Doc][]) {
	const server = new Y.Doc();
	const claims: Claim[] = [];
	for (const [authorId, doc] of people) {
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'remote') return;
			claims.push(...claimsOfUpdate(update, authorId));
			Y.applyUpdate(server, update, 'remote');
			for (const [, other] of people) if (other !== doc) Y.applyUpdate(other, update, 'remote');
		});
	}
	return { server, claims, map: () => new AuthorshipMap(foldClaims([], claims)) };
}

function paragraph(doc: Y.Doc, text: string): Y.XmlText {
	const element = new Y.XmlElement('paragraph');
	const content = new Y.XmlText(text);
	element.insert(0, [content]);
	const fragment = doc.getXmlFragment('default');
	fragment.insert(fragment.length, [element]);
	return content;
}

/** [author, text] of every text node, in order, per paragraph. */
function passages(json: PmNode): [string, string][][] {
	return (json.content ?? []).map((block) =>
		(block.content ?? []).map((node) => {
			const mark = node.marks?.find((m) => m.type === AUTHOR_MARK);
			return [String(mark?.attrs?.author), node.text ?? ''];
		})
	);
}

describe('attributed section text', () => {
	it('gives each passage the person whose updates carried it, also inside a paragraph', () => {
		const alice = new Y.Doc();
		const bob = new Y.Doc();
		const { server, map } = table([ALICE, alice], [BOB, bob]);
		const text = paragraph(alice, 'I giovani del territorio');
		const bobsText = (bob.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
		bobsText.insert(9, ' NEET');
		paragraph(bob, 'Servono tirocini.');
		text.delete(0, 2); // Alice removes "I ": deleted text has no author to show
		const { json, chars } = attributedJson(server.getXmlFragment('default'), map());
		expect(passages(json)).toEqual([
			[
				[ALICE, 'giovani'],
				[BOB, ' NEET'],
				[ALICE, ' del territorio']
			],
			[[BOB, 'Servono tirocini.']]
		]);
		expect(Object.fromEntries(chars)).toEqual({ [ALICE]: 22, [BOB]: 22 });
	});

	it('keeps formatting marks next to the author mark', () => {
		const alice = new Y.Doc();
		const { server, map } = table([ALICE, alice]);
		const text = paragraph(alice, 'obiettivi generali');
		text.format(0, 9, { bold: {} });
		const { json } = attributedJson(server.getXmlFragment('default'), map());
		const [first, second] = json.content![0].content!;
		expect(first).toMatchObject({
			text: 'obiettivi',
			marks: [{ type: 'bold' }, { type: AUTHOR_MARK }]
		});
		expect(second).toMatchObject({ text: ' generali', marks: [{ type: AUTHOR_MARK }] });
	});

	it('believes the server, not a PermanentUserData claim or a borrowed client id', () => {
		const alice = new Y.Doc();
		const mallory = new Y.Doc();
		const { server, claims, map } = table([ALICE, alice], [MALLORY, mallory]);
		const text = paragraph(alice, 'Testo di Alice.');
		const alicesClient = alice.clientID;
		// Mallory says in the document that her client is Alice, and writes as Alice's client.
		const users = new Y.PermanentUserData(mallory);
		users.setUserMapping(mallory, mallory.clientID, ALICE);
		users.setUserMapping(mallory, alice.clientID, ALICE);
		mallory.clientID = alice.clientID;
		const forged = (mallory.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
		forged.insert(text.length, ' Falso.');
		// The forged structs really do carry Alice's client id.
		expect(claims.at(-1)).toMatchObject({ client: alicesClient, authorId: MALLORY });
		const { json } = attributedJson(server.getXmlFragment('default'), map());
		expect(passages(json)).toEqual([
			[
				[ALICE, 'Testo di Alice.'],
				[MALLORY, ' Falso.']
			]
		]);
	});

	it('marks text nobody claimed (stored before attribution) as unknown', () => {
		const before = new Y.Doc();
		paragraph(before, 'Testo antico');
		const { json } = attributedJson(before.getXmlFragment('default'), new AuthorshipMap([]));
		expect(passages(json)).toEqual([[[UNKNOWN_AUTHOR, 'Testo antico']]]);
	});

	it('keeps headings, lists and attributes as y-tiptap does', () => {
		const alice = new Y.Doc();
		const { server, map } = table([ALICE, alice]);
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', 2 as unknown as string);
		heading.insert(0, [new Y.XmlText('Titolo')]);
		alice.getXmlFragment('default').insert(0, [heading]);
		const { json } = attributedJson(server.getXmlFragment('default'), map());
		expect(json).toEqual({
			type: 'doc',
			content: [
				{
					type: 'heading',
					attrs: { level: 2 },
					content: [
						{
							type: 'text',
							text: 'Titolo',
							marks: [{ type: AUTHOR_MARK, attrs: { author: ALICE, start: true } }]
						}
					]
				}
			]
		});
	});
});
