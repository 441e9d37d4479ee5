import { like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { collabUpdate } from '../../../src/lib/server/db/schema';
import { connectClient, eventually } from '../../support/collab';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { storedDoc } from '../../support/stored-document';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;

/**
 * The collaboration tests prove this with a persistence that rejects; here the database itself
 * refuses the row (a trigger raising an error, as a full disk or a lost primary would), through
 * the real group commit and document store.
 */
await db.execute(sql`
	create function refuse_marked_update() returns trigger language plpgsql as $$
	begin
		if position('\\x5045525349'::bytea in new.update) > 0 then
			raise exception 'simulated storage failure';
		end if;
		return new;
	end $$`);
await db.execute(sql`
	create trigger refuse_marked_update before insert on collab_update
	for each row execute function refuse_marked_update()`);

describe('a database error on append', () => {
	it('closes the writer with 1011, relays nothing unstored, and the others go on', async () => {
		const project = await buildProject(db);
		const name = `notes:${project.id}`;
		const cookies = await Promise.all(
			[1, 2, 3].map(async () => {
				const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
				return signIn(db, member.person.id);
			})
		);
		const [writer, reader, other] = cookies.map((cookie) =>
			connectClient(server.wsUrl, name, cookie)
		);
		await Promise.all([writer.synced(), reader.synced(), other.synced()]);
		const closed = writer.nextClose();
		writer.text.insert(0, 'PERSI');
		expect((await closed).code).toBe(1011);
		writer.destroy();
		other.text.insert(0, 'salvato');
		await eventually(() => reader.text.toString() === 'salvato', 'the stored edit');
		expect(reader.text.toString()).toBe('salvato');
		expect(server.app.collab.rooms.get(name)?.doc.getText('body').toString()).toBe('salvato');
		expect((await storedDoc(db, name)).getText('body').toString()).toBe('salvato');
		const marked = await db
			.select({ id: collabUpdate.id })
			.from(collabUpdate)
			.where(like(sql`encode(${collabUpdate.update}, 'escape')`, '%PERSI%'));
		expect(marked).toEqual([]);
	});
});
