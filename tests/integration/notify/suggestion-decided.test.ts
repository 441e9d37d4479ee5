import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notification } from '../../../src/lib/server/db/schema';
import { romeToday } from '../../../src/lib/governance/rome-time';
import * as minutes from '../../../src/lib/server/governance/minutes';
import {
	minutesDocumentName,
	pendingSuggestions
} from '../../../src/lib/server/governance/minutes-document';
import { liveDocuments } from '../../../src/lib/server/live/live';
import { signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';
import { buildCommittee } from '../governance/fixture';
import { acceptAll, suggestReplacement, typeInto } from '../governance/suggestions';

// The collaboration endpoint alone: no SvelteKit build needed.
const server = await startTestServer({ pages: false });
const live = liveDocuments(server.runtime);

describe('a suggestion accepted or rejected', () => {
	it('tells its author, once the chair decides it in the live minutes', async () => {
		const c = await buildCommittee(server.runtime);
		const name = minutesDocumentName(c.meeting.id);
		await live.write(name, typeInto(await live.read(name), 'Si approva il calendario di massima.'));
		await minutes.circulate(c.ctx(c.secretary), c.meeting.id, {
			opensOn: romeToday(),
			closesOn: romeToday(new Date(Date.now() + 7 * 86_400_000))
		});
		const decided = () =>
			c.db
				.select({ recipientId: notification.recipientId, link: notification.link })
				.from(notification)
				.where(
					and(
						eq(notification.kind, 'suggestion_decided'),
						eq(notification.resourceId, c.meeting.id)
					)
				);

		const member = connectClient(server.wsUrl, name, await signIn(c.db, c.member.person.id));
		await member.synced();
		suggestReplacement(member.doc, c.member.person, 'di massima', 'definitivo');
		await eventually(() => {
			const room = server.app.collab.rooms.get(name)?.doc;
			return room ? pendingSuggestions(room) > 0 : false;
		}, 'the suggestion at the server');
		await server.app.collab.rooms.get(name)?.settled();
		// Suggesting decides nothing.
		expect(await decided()).toEqual([]);

		const chair = connectClient(server.wsUrl, name, await signIn(c.db, c.chair.person.id));
		await chair.synced();
		acceptAll(chair.doc);
		await eventually(() => {
			const room = server.app.collab.rooms.get(name)?.doc;
			return room ? pendingSuggestions(room) === 0 : false;
		}, 'the accepted text at the server');
		await server.app.collab.rooms.get(name)?.settled();
		// The notice is written after the edit is stored; wait for it (at most a few seconds).
		let rows = await decided();
		for (let tries = 0; rows.length === 0 && tries < 100; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			rows = await decided();
		}
		expect(rows).toEqual([
			{
				recipientId: c.member.person.id,
				link: `/projects/${c.projectId}/governance/meetings/${c.meeting.id}`
			}
		]);
		member.destroy();
		chair.destroy();
	});
});
