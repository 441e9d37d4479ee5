import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/lib/server/live/store';
import * as minutes from '../../../src/lib/server/governance/minutes';
import { minutesDocumentName } from '../../../src/lib/server/governance/minutes-document';
import { signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';
import { buildCommittee } from './fixture';

// The collaboration endpoint alone: no SvelteKit build needed.
const server = await startTestServer({ pages: false });

describe('frozen minutes at the collaboration server', () => {
	it('accept a member’s writes while draft, and refuse every write once circulated and approved', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		const client = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await client.synced();
		client.text.insert(0, 'scritto in riunione');
		await eventually(
			() =>
				server.app.collab.rooms.get(name)?.doc.getText('body').toString() === 'scritto in riunione'
		);

		const closed = client.nextClose();
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: '2026-03-06',
			closesOn: '2026-03-13'
		});
		// The invalidation closes the member's socket; the provider reconnects, now read-only.
		await closed;
		await client.synced();
		await minutes.approve(c.ctx(c.chair), c.meeting.id);
		client.text.insert(0, 'dopo il congelamento ');
		const outsider = connectClient(server.wsUrl, name, await signIn(c.db, c.observer.person.id));
		await outsider.synced();
		await server.app.collab.rooms.get(name)?.settled();
		expect(outsider.text.toString()).toBe('scritto in riunione');
		expect((await readDocument(c.db, name)).getText('body').toString()).toBe('scritto in riunione');
	});

	it('never let a project member outside the body write the draft', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		const outsider = connectClient(server.wsUrl, name, await signIn(c.db, c.outsider.person.id));
		await outsider.synced();
		outsider.text.insert(0, 'non sono nell’organismo');
		const member = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await member.synced();
		await server.app.collab.rooms.get(name)?.settled();
		expect(member.text.toString()).toBe('');
		expect((await readDocument(c.db, name)).getText('body').toString()).toBe('');
	});
});
