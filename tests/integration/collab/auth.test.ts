import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invalidateSession, sessionIdFromToken } from '../../../src/lib/server/auth/session';
import { buildMember, buildPerson, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, handshakeStatus } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;

async function editorOfNewProject() {
	const project = await buildProject(db);
	const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	return { name: `notes:${project.id}`, cookie: await signIn(db, member.person.id) };
}

describe('who may open a live document', () => {
	it('lets a member of the project in', async () => {
		const { name, cookie } = await editorOfNewProject();
		expect(await handshakeStatus(`${server.wsUrl}/${name}`, { Cookie: cookie })).toBe(101);
	});

	it('answers a burst of handshakes each by its own session, a signed-out one included', async () => {
		const project = await buildProject(db);
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		const cookies = await Promise.all(
			Array.from({ length: 12 }, () => signIn(db, member.person.id))
		);
		await invalidateSession(db, sessionIdFromToken(cookies[5].split('=')[1]));
		const url = `${server.wsUrl}/notes:${project.id}`;
		const statuses = await Promise.all(
			cookies.map((cookie) => handshakeStatus(url, { Cookie: cookie }))
		);
		expect(statuses).toEqual(cookies.map((_, i) => (i === 5 ? 401 : 101)));
	});

	it('refuses a connection without a cookie with 401', async () => {
		const { name } = await editorOfNewProject();
		expect(await handshakeStatus(`${server.wsUrl}/${name}`)).toBe(401);
	});

	it('refuses an unknown or malformed session token with 401', async () => {
		const { name } = await editorOfNewProject();
		const url = `${server.wsUrl}/${name}`;
		expect(await handshakeStatus(url, { Cookie: `tavolo_session=${'a'.repeat(32)}` })).toBe(401);
		expect(await handshakeStatus(url, { Cookie: 'tavolo_session=../../etc' })).toBe(401);
	});

	it('refuses a member of another project with 403', async () => {
		const { name } = await editorOfNewProject();
		const { cookie: outsider } = await editorOfNewProject();
		expect(await handshakeStatus(`${server.wsUrl}/${name}`, { Cookie: outsider })).toBe(403);
	});

	it('refuses a signed-in person with no project at all with 403', async () => {
		const { name } = await editorOfNewProject();
		const stranger = await buildPerson(db);
		const cookie = await signIn(db, stranger.id);
		expect(await handshakeStatus(`${server.wsUrl}/${name}`, { Cookie: cookie })).toBe(403);
	});

	it('answers 404 for a document that does not exist or a kind nobody registered', async () => {
		const { cookie } = await editorOfNewProject();
		const headers = { Cookie: cookie };
		expect(await handshakeStatus(`${server.wsUrl}/notes:${randomUUID()}`, headers)).toBe(404);
		expect(await handshakeStatus(`${server.wsUrl}/secret:${randomUUID()}`, headers)).toBe(404);
	});

	it('answers 400 for a malformed document name and 404 outside /collab/', async () => {
		const { cookie } = await editorOfNewProject();
		const headers = { Cookie: cookie };
		expect(await handshakeStatus(`${server.wsUrl}/notes:not-a-uuid`, headers)).toBe(400);
		expect(await handshakeStatus(`${server.wsUrl}/%E0%A4%A`, headers)).toBe(400);
		expect(await handshakeStatus(`${server.url}/elsewhere`, headers)).toBe(404);
	});

	it('refuses a browser page of another origin, accepts its own', async () => {
		const { name, cookie } = await editorOfNewProject();
		const url = `${server.wsUrl}/${name}`;
		const evil = { Cookie: cookie, Origin: 'https://evil.example' };
		expect(await handshakeStatus(url, evil)).toBe(403);
		expect(await handshakeStatus(url, { Cookie: cookie, Origin: server.url })).toBe(101);
	});

	it('sends nothing of the document to a refused stock client', async () => {
		const { name, cookie } = await editorOfNewProject();
		const writer = connectClient(server.wsUrl, name, cookie);
		await writer.synced();
		writer.text.insert(0, 'riservato');
		const { cookie: outsider } = await editorOfNewProject();
		const refused = connectClient(server.wsUrl, name, outsider);
		const closed = refused.nextClose();
		expect((await closed).code).toBe(1006);
		await eventually(() => server.app.collab.rooms.get(name)?.doc.getText('body').length === 9);
		expect(refused.text.toString()).toBe('');
		expect(refused.provider.synced).toBe(false);
	});
});
