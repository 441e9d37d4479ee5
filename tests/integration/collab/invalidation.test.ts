import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invalidateAllSessions } from '../../../src/lib/server/auth/session';
import { membership } from '../../../src/lib/server/db/schema';
import { DOCUMENT_KINDS } from '../../../src/lib/server/live-kinds';
import { readDocument } from '../../../src/lib/server/live/store';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually, handshakeStatus, roundTrip } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;
const invalidations = server.runtime.invalidations;

// A kind whose documents can be locked, as proposal sections and frozen minutes will be.
const locked = new Set<string>();
DOCUMENT_KINDS['test-lockable'] = async (_db, id) => ({
	resource: { projectId: id, locked: locked.has(id) },
	read: 'document.read',
	write: 'document.write'
});

async function projectWithEditor() {
	const project = await buildProject(db);
	const editor = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	return { project, editor, cookie: await signIn(db, editor.person.id) };
}

const setRole = (personId: string, projectId: string, role: 'observer' | 'partner_editor') =>
	db
		.update(membership)
		.set({ role })
		.where(and(eq(membership.personId, personId), eq(membership.projectId, projectId)));

describe('access invalidation', () => {
	it('closes with 4001 on a downgrade; the client reconnects read-only', async () => {
		const { project, editor, cookie } = await projectWithEditor();
		const name = `notes:${project.id}`;
		const client = connectClient(server.wsUrl, name, cookie);
		await client.synced();
		const closed = client.nextClose();
		await setRole(editor.person.id, project.id, 'observer');
		invalidations.publish({ personId: editor.person.id, projectId: project.id });
		expect((await closed).code).toBe(4001);
		await eventually(() => client.provider.synced, 'the client to reconnect');
		client.text.insert(0, 'non autorizzato');
		await roundTrip(client);
		await server.app.collab.rooms.get(name)?.settled();
		expect((await readDocument(db, name)).getText('body').toString()).toBe('');
		expect([...server.app.collab.rooms.get(name)!.connections][0].permission).toBe('read');
	});

	it('closes with 4403 when the membership is gone, and the stock client stops retrying', async () => {
		const { project, editor, cookie } = await projectWithEditor();
		const client = connectClient(server.wsUrl, `notes:${project.id}`, cookie);
		await client.synced();
		const closed = client.nextClose();
		await db.delete(membership).where(eq(membership.personId, editor.person.id));
		invalidations.publish({ personId: editor.person.id, projectId: project.id });
		expect((await closed).code).toBe(4403);
		expect(client.provider.shouldConnect).toBe(false);
	});

	it('refuses the next handshake at once after access was revoked', async () => {
		const { project, editor, cookie } = await projectWithEditor();
		const url = `${server.wsUrl}/notes:${project.id}`;
		expect(await handshakeStatus(url, { Cookie: cookie })).toBe(101);
		await db.delete(membership).where(eq(membership.personId, editor.person.id));
		invalidations.publish({ personId: editor.person.id, projectId: project.id });
		expect(await handshakeStatus(url, { Cookie: cookie })).toBe(403);
	});

	it('closes with 4401 when the session ended', async () => {
		const { project, editor, cookie } = await projectWithEditor();
		const client = connectClient(server.wsUrl, `notes:${project.id}`, cookie);
		await client.synced();
		const closed = client.nextClose();
		await invalidateAllSessions(db, editor.person.id);
		invalidations.publish({ personId: editor.person.id });
		expect((await closed).code).toBe(4401);
	});

	it('leaves the sockets of people whose access did not change alone', async () => {
		const { project, editor, cookie } = await projectWithEditor();
		const other = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		const name = `notes:${project.id}`;
		const unchanged = connectClient(server.wsUrl, name, cookie);
		const revoked = connectClient(server.wsUrl, name, await signIn(db, other.person.id));
		await Promise.all([unchanged.synced(), revoked.synced()]);
		let unchangedClosed = false;
		unchanged.provider.on('connection-close', () => (unchangedClosed = true));
		invalidations.publish({ personId: editor.person.id, projectId: project.id });
		const closed = revoked.nextClose();
		await db.delete(membership).where(eq(membership.personId, other.person.id));
		invalidations.publish({ personId: other.person.id, projectId: project.id });
		expect((await closed).code).toBe(4403);
		expect(unchangedClosed).toBe(false);
		unchanged.text.insert(0, 'ancora qui');
		await eventually(() => server.app.collab.rooms.get(name)?.doc.getText('body').length === 10);
		expect(unchanged.provider.wsconnected).toBe(true);
	});

	it('re-checks every connection of a document that got locked', async () => {
		const { project, cookie } = await projectWithEditor();
		const name = `test-lockable:${project.id}`;
		const a = connectClient(server.wsUrl, name, cookie);
		await a.synced();
		a.text.insert(0, 'prima ');
		await eventually(() => server.app.collab.rooms.get(name)?.doc.getText('body').length === 6);
		const closed = a.nextClose();
		locked.add(project.id);
		invalidations.publish({ documentName: name });
		expect((await closed).code).toBe(4001);
		await eventually(() => a.provider.synced, 'the client to reconnect');
		a.text.insert(0, 'dopo ');
		await roundTrip(a);
		await server.app.collab.rooms.get(name)?.settled();
		expect((await readDocument(db, name)).getText('body').toString()).toBe('prima ');
	});
});
