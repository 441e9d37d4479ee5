import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../../support/server';
import { connectClient, eventually, type TestClient } from '../../support/collab';
import { buildMember, signIn } from '../../support/factories';
import { collabAuthorship, collabUpdate } from '../../../src/lib/server/db/schema';
import { readDocument } from '../../../src/lib/server/live/store';
import { TAVOLO_AUTHOR } from '../../../src/lib/server/live/authorship/claims';
import { authorship } from '../../../src/lib/server/proposals/authorship';
import * as versions from '../../../src/lib/server/proposals/versions';
import { restore } from '../../../src/lib/server/proposals/version-restore';
import { sectionJson } from '../../../src/lib/server/proposals/section-content';
import { AUTHOR_MARK } from '../../../src/lib/proposals/authorship';
import { plainText, type PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable } from './fixture';
import { testContext } from '../../support/context';

let server: TestServer;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
let name: string;
beforeAll(async () => {
	server = await startTestServer();
	table = await buildProposalTable(server.runtime);
	name = `section:${table.sections[0].id}`;
});

const paragraphText = (doc: Y.Doc, index: number) =>
	(doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;

function addParagraph(doc: Y.Doc, text: string): void {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	const fragment = doc.getXmlFragment('default');
	fragment.insert(fragment.length, [paragraph]);
}

/** Polls the stored document (what the server appended) until it holds `text`. */
async function stored(text: string): Promise<void> {
	for (let tries = 0; tries < 500; tries++) {
		const doc = await readDocument(server.runtime.db, name);
		const found = plainText(sectionJson(doc)).includes(text);
		doc.destroy();
		if (found) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`"${text}" never stored`);
}

/** [author name, text] of each passage of the first section. */
async function passagesOf(ref = 'current'): Promise<[string, string][]> {
	const result = await authorship(table.ctx(table.observer), {
		proposalId: table.proposal.id,
		ref
	});
	const names = new Map(result.authors.map((a) => [a.key, a.name ?? a.kind]));
	const out: [string, string][] = [];
	const walk = (node: PmNode) => {
		const mark = node.marks?.find((m) => m.type === AUTHOR_MARK);
		if (node.text !== undefined) {
			const who = names.get(String(mark?.attrs?.author)) ?? '?';
			const last = out.at(-1);
			if (last && last[0] === who) last[1] += node.text;
			else out.push([who, node.text]);
		}
		for (const child of node.content ?? []) walk(child);
	};
	walk(result.sections[0].json);
	return out;
}

/** Rows left in the update log, polled until the unloading room's compaction removed them. */
async function updateRowsOnceCompacted(): Promise<number> {
	let left = -1;
	for (let tries = 0; tries < 500 && left !== 0; tries++) {
		const [row] = await table.db
			.select({ n: count() })
			.from(collabUpdate)
			.where(eq(collabUpdate.documentName, name));
		left = row.n;
		if (left !== 0) await new Promise((resolve) => setTimeout(resolve, 40));
	}
	return left;
}

async function editor(personId: string): Promise<TestClient> {
	const client = connectClient(server.wsUrl, name, await signIn(table.db, personId));
	await client.synced();
	return client;
}

/**
 * The history page as the observer's browser receives it (server-rendered): the text of each
 * passage after the `data-author` of its span, tags stripped.
 */
async function pagePassages(): Promise<{ author: string; text: string }[]> {
	const path = `/projects/${table.project.id}/proposals/${table.proposal.id}/history?authors=current`;
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: await signIn(table.db, table.observer.person.id) }
	});
	expect(response.status).toBe(200);
	const html = await response.text();
	return html
		.split('data-author="')
		.slice(1)
		.map((part) => ({
			author: part.slice(0, part.indexOf('"')),
			text: part
				.slice(part.indexOf('>') + 1)
				.replace(/<[^>]*>/g, '')
				.replace(/&#39;|&quot;/g, "'")
		}));
}

describe('who wrote what in a section, as the server saw it', () => {
	it('attributes each passage to the person who typed it, through the real endpoint', async () => {
		const owner = await editor(table.owner.person.id);
		addParagraph(owner.doc, 'Analisi del contesto.');
		await stored('Analisi del contesto.');
		const coordinator = await editor(table.coordinator.person.id);
		await eventually(() => coordinator.doc.getXmlFragment('default').length === 1);
		paragraphText(coordinator.doc, 0).insert(7, ' condivisa');
		addParagraph(coordinator.doc, 'Dati ISTAT 2025.');
		await stored('Dati ISTAT 2025.');
		expect(await passagesOf()).toEqual([
			[table.owner.person.name, 'Analisi'],
			[table.coordinator.person.name, ' condivisa'],
			[table.owner.person.name, ' del contesto.'],
			[table.coordinator.person.name, 'Dati ISTAT 2025.']
		]);
	});

	it('ignores a client that claims another person’s name and client id', async () => {
		const storedDoc = await readDocument(server.runtime.db, name);
		// The Yjs client id under which the owner typed the first paragraph.
		const ownersClient = paragraphText(storedDoc, 0)._start!.id.client;
		storedDoc.destroy();
		// A colleague in the owner's organisation: she may edit the section directly.
		const colleague = await buildMember(table.db, {
			projectId: table.project.id,
			role: 'partner_editor',
			organisationId: table.owner.organisationId
		});
		const mallory = await editor(colleague.person.id);
		// A modified client: it records in the document that the owner's client id is the
		// owner, and sends structs under that client id.
		const users = new Y.PermanentUserData(mallory.doc);
		users.setUserMapping(mallory.doc, ownersClient, table.owner.person.name);
		const forger = new Y.Doc();
		Y.applyUpdate(forger, Y.encodeStateAsUpdate(mallory.doc));
		forger.clientID = ownersClient;
		paragraphText(forger, 1).insert(0, 'Falso: ');
		Y.applyUpdate(mallory.doc, Y.encodeStateAsUpdate(forger, Y.encodeStateVector(mallory.doc)));
		await stored('Falso: Dati');
		// Yjs' own record believes the forged claim…
		const after = await readDocument(server.runtime.db, name);
		expect(paragraphText(after, 1)._start!.id.client).toBe(ownersClient);
		expect(new Y.PermanentUserData(after).getUserByClientId(ownersClient)).toBe(
			table.owner.person.name
		);
		after.destroy();
		// …the server's attribution does not, and neither does the page people read.
		expect((await passagesOf()).slice(-2)).toEqual([
			[colleague.person.name, 'Falso: '],
			[table.coordinator.person.name, 'Dati ISTAT 2025.']
		]);
		const onPage = await pagePassages();
		expect(onPage.find((p) => p.text.includes('Falso:'))?.author).toBe(colleague.person.id);
		expect(onPage.find((p) => p.text.includes('Dati ISTAT'))?.author).toBe(
			table.coordinator.person.id
		);
		expect(onPage.find((p) => p.text.includes('Analisi'))?.author).toBe(table.owner.person.id);
	});

	it('keeps attribution through compaction, in versions, and names Tavolo for restores', async () => {
		const before = await passagesOf();
		const version = await versions.createNamed(table.ctx(table.owner), {
			proposalId: table.proposal.id,
			name: 'prima del taglio'
		});
		const owner = await editor(table.owner.person.id);
		const text = paragraphText(owner.doc, 1);
		text.delete(0, text.length);
		await eventually(() => paragraphText(owner.doc, 1).length === 0);
		owner.destroy();
		// The last client left: the room flushes and compacts the log into one snapshot.
		expect(await updateRowsOnceCompacted()).toBe(0);
		const [segments] = await table.db
			.select({ n: count() })
			.from(collabAuthorship)
			.where(eq(collabAuthorship.documentName, name));
		expect(segments.n).toBeGreaterThan(0);
		expect(await passagesOf(version.id)).toEqual(before);
		expect(await passagesOf()).toEqual(before.slice(0, 3));

		await restore(table.ctx(table.coordinator), {
			proposalId: table.proposal.id,
			versionId: version.id
		});
		const restored = await authorship(table.ctx(table.observer), {
			proposalId: table.proposal.id,
			ref: 'current'
		});
		expect(restored.authors.map((a) => a.kind)).toContain('tavolo');
		expect(restored.authors.find((a) => a.key === TAVOLO_AUTHOR)?.chars).toBeGreaterThan(0);
	});

	it('answers the canvas’ “show authors” for one section, and refuses a malformed one', async () => {
		const base = `${server.url}/projects/${table.project.id}/proposals/${table.proposal.id}/authors`;
		const cookie = await signIn(table.db, table.observer.person.id);
		const ask = (section: string) => fetch(`${base}?section=${section}`, { headers: { cookie } });
		const answer = await ask(table.sections[0].id);
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as Awaited<ReturnType<typeof authorship>>;
		expect(body.sections.map((s) => s.id)).toEqual([table.sections[0].id]);
		expect(body.authors.map((a) => a.name)).toContain(table.owner.person.name);
		expect((await ask('nope')).status).toBe(400);
		expect((await ask(crypto.randomUUID())).status).toBe(404);
	});

	it('refuses people outside the project', async () => {
		await expect(
			authorship(testContext(table.db, null), { proposalId: table.proposal.id, ref: 'current' })
		).rejects.toMatchObject({ status: expect.any(Number) });
	});
});
