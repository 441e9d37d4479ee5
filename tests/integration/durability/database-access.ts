import { resolve } from 'node:path';
import { openDatabase, type Database } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { buildMember, buildProject, signIn } from '../../support/factories';

/**
 * Opens the test database in this process, only while no server holds it: PGlite is one
 * process per folder, so tests that run servers as child processes read and write in between.
 */
export async function withDatabase<T>(
	test: TestDatabase,
	use: (database: Database) => Promise<T>
): Promise<T> {
	const database = await openDatabase({
		databaseUrl: test.env.DATABASE_URL,
		dataDir: test.env.DATA_DIR ?? 'unused'
	});
	try {
		await migrate(database, resolve('drizzle'));
		return await use(database);
	} finally {
		await database.close();
	}
}

/** A fresh database with one live document and `writers` signed-in editors of it. */
export async function documentFixture(writers: number) {
	const test = await createTestDatabase();
	const fixture = await withDatabase(test, async ({ db }) => {
		const project = await buildProject(db);
		const cookies: string[] = [];
		for (let i = 0; i < writers; i++) {
			const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
			cookies.push(await signIn(db, member.person.id));
		}
		return { name: `notes:${project.id}`, cookies };
	});
	return { test, ...fixture };
}
