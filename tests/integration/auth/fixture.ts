import { afterAll } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../../src/lib/server/runtime';
import type { AccessInvalidation } from '../../../src/lib/server/live/invalidation';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { membership, type Person, type ProjectRole } from '../../../src/lib/server/db/schema';
import { createTestDatabase } from '../../support/database';
import { buildPerson } from '../../support/factories';

/** A real runtime on a fresh database (PGlite in memory, or DATABASE_URL's server) for one file. */
export async function startDatabaseRuntime(): Promise<Runtime> {
	const database = await createTestDatabase({ inMemory: true });
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'false' })
	});
	afterAll(async () => {
		await stopRuntime();
		await database.drop();
	});
	return runtime;
}

/** Everything published on the runtime's invalidation bus from now on. */
export function recordInvalidations(runtime: Runtime): AccessInvalidation[] {
	const seen: AccessInvalidation[] = [];
	runtime.invalidations.subscribe((event) => seen.push(event));
	return seen;
}

export const PASSWORD = 'una password lunga';
let cachedHash: Promise<string> | undefined;

/** A person who can sign in with PASSWORD (the hash is computed once per file). */
export async function buildAccount(runtime: Runtime, email?: string) {
	cachedHash ??= hashPassword(PASSWORD);
	return buildPerson(runtime.db, { passwordHash: await cachedHash, ...(email ? { email } : {}) });
}

/** An account that can sign in, holding `role` in the project. */
export async function buildAccountMember(
	runtime: Runtime,
	projectId: string,
	role: ProjectRole
): Promise<Person> {
	const account = await buildAccount(runtime);
	await runtime.db.insert(membership).values({ projectId, personId: account.id, role });
	return account;
}
