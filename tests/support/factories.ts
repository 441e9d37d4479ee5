import type { Db } from '../../src/lib/server/db/client';
import {
	caseIdentity,
	caseRecord,
	membership,
	organisation,
	person,
	project,
	type ProjectRole
} from '../../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import type { Actor } from '../../src/lib/server/access/policy';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildPerson(db: Db, values: Partial<typeof person.$inferInsert> = {}) {
	const n = unique();
	const [row] = await db
		.insert(person)
		.values({ email: `person-${n}@example.test`, name: `Persona ${n}`, ...values })
		.returning();
	return row;
}

export function actorOf(row: typeof person.$inferSelect): Actor {
	return { id: row.id, name: row.name, email: row.email, isAdmin: row.isAdmin };
}

export async function buildOrganisation(
	db: Db,
	values: Partial<typeof organisation.$inferInsert> = {}
) {
	const [row] = await db
		.insert(organisation)
		.values({ name: `Cooperativa ${unique()}`, kind: 'social_cooperative', ...values })
		.returning();
	return row;
}

export async function buildProject(db: Db, values: Partial<typeof project.$inferInsert> = {}) {
	const [row] = await db
		.insert(project)
		.values({ title: `Progetto ${unique()}`, ...values })
		.returning();
	return row;
}

/** A person with a role in a project, on behalf of an organisation (created when not given). */
export async function buildMember(
	db: Db,
	options: { projectId: string; role: ProjectRole; organisationId?: string }
) {
	const who = await buildPerson(db);
	const organisationId = options.organisationId ?? (await buildOrganisation(db)).id;
	await db.insert(membership).values({
		projectId: options.projectId,
		personId: who.id,
		organisationId,
		role: options.role
	});
	return { person: who, actor: actorOf(who), organisationId };
}

/** A real session for the person; returns the Cookie header value. */
export async function signIn(db: Db, personId: string): Promise<string> {
	const token = generateSessionToken();
	await createSession(db, token, personId);
	return `${SESSION_COOKIE}=${token}`;
}

/** A case record with its identity, straight into the tables (the domain needs an operator). */
export async function buildCase(
	db: Db,
	options: { projectId: string; organisationId: string; fullName?: string }
) {
	const [row] = await db
		.insert(caseRecord)
		.values({
			projectId: options.projectId,
			organisationId: options.organisationId,
			pseudonym: `T${unique()}`.slice(0, 12).toUpperCase()
		})
		.returning();
	await db
		.insert(caseIdentity)
		.values({ caseId: row.id, fullName: options.fullName ?? `Persona ${unique()}` });
	return row;
}
