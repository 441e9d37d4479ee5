import { and, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTavoloServer } from '../../../server/app';
import { sessionIdFromToken } from '../../../src/lib/server/auth/session';
import { membership, session } from '../../../src/lib/server/db/schema';
import { connectClient } from '../../support/collab';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';

/**
 * Sessions end on both doors at once: signing out over HTTP, or being removed from the project
 * by its coordinator, closes the person's open live-document sockets (a terminal 44xx code the
 * stock client does not retry), through the same invalidation the collaboration server watches.
 */
const server = await startTestServer();
const db = server.runtime.db;
// adapter-node without ORIGIN takes the request for https (a TLS proxy in front), so the page's
// own origin, which a browser would send, is the https one.
const ownOrigin = server.url.replace(/^http:/, 'https:');

async function projectWithEditor() {
	const project = await buildProject(db);
	const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
	const editor = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	return {
		project,
		editor,
		name: `notes:${project.id}`,
		editorCookie: await signIn(db, editor.person.id),
		coordinatorCookie: await signIn(db, coordinator.person.id)
	};
}

describe('sessions on the WebSocket door', () => {
	it('closes the open sockets of a person who signs out, with 4401', async () => {
		const { name, editorCookie } = await projectWithEditor();
		const client = connectClient(server.wsUrl, name, editorCookie);
		await client.synced();
		const closed = client.nextClose();
		const response = await fetch(`${server.url}/api/session`, {
			method: 'DELETE',
			headers: { cookie: editorCookie, origin: ownOrigin }
		});
		expect(response.status).toBe(204);
		expect((await closed).code).toBe(4401);
	});

	it('closes the sockets of a member the coordinator removes, with 4403', async () => {
		const { project, editor, name, editorCookie, coordinatorCookie } = await projectWithEditor();
		const client = connectClient(server.wsUrl, name, editorCookie);
		await client.synced();
		const [row] = await db
			.select({ id: membership.id })
			.from(membership)
			.where(and(eq(membership.projectId, project.id), eq(membership.personId, editor.person.id)));
		const closed = client.nextClose();
		const response = await fetch(`${server.url}/projects/${project.id}/members?/remove`, {
			method: 'POST',
			headers: {
				cookie: coordinatorCookie,
				origin: ownOrigin,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ membershipId: row.id }).toString()
		});
		expect(((await response.json()) as { type: string }).type).toBe('success');
		expect((await closed).code).toBe(4403);
	});

	it('closes the sockets of a session that simply runs out, with 4401', async () => {
		// A second endpoint on the same runtime that looks for expired sessions every 100 ms.
		const quick = createTavoloServer(server.runtime, (_req, res) => void res.end(), {
			sessionCheckMs: 100
		});
		const port = await quick.listen(0, '127.0.0.1');
		onTestFinished(() => quick.close());
		const { name, editorCookie } = await projectWithEditor();
		const client = connectClient(`ws://127.0.0.1:${port}/collab`, name, editorCookie);
		await client.synced();
		const closed = client.nextClose();
		const token = editorCookie.split('=')[1];
		await db
			.update(session)
			.set({ expiresAt: new Date(Date.now() + 300) })
			.where(eq(session.id, sessionIdFromToken(token)));
		expect((await closed).code).toBe(4401);
	});
});
