import { resolve } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { readConfig, type Config } from '../../../src/lib/server/config';
import { openDatabase, type Database, type Db } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import * as schema from '../../../src/lib/server/db/schema';
import type { Actor } from '../../../src/lib/server/access/policy';
import { seedDemo } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_IDS } from '../../../src/lib/server/demo/ids';
import { actorOf } from '../../support/factories';

export interface FreshDatabase {
	test: TestDatabase;
	config: Config;
	database: Database;
	db: Db;
	/** Closes the connection only (the data stays, for a reopen). */
	close(): Promise<void>;
	reopen(): Promise<Db>;
	/** Closes and drops the database. */
	drop(): Promise<void>;
}

/** A new, migrated database (PGlite folder, or a fresh database on DATABASE_URL's server). */
export async function openFreshDatabase(): Promise<FreshDatabase> {
	const test = await createTestDatabase();
	const config = readConfig(test.env);
	const fresh: FreshDatabase = {
		test,
		config,
		database: await openDatabase(config),
		get db() {
			return this.database.db;
		},
		async close() {
			await this.database.close();
		},
		async reopen() {
			this.database = await openDatabase(config);
			return this.database.db;
		},
		async drop() {
			await this.database.close().catch(() => {});
			await test.drop();
		}
	};
	await migrate(fresh.database, resolve('drizzle'));
	return fresh;
}

const COUNTED: Record<string, PgTable> = {
	person: schema.person,
	organisation: schema.organisation,
	programme: schema.programme,
	project: schema.project,
	membership: schema.membership,
	partnership: schema.partnership,
	district: schema.district,
	municipality: schema.municipality,
	districtPopulation: schema.districtPopulation,
	projectDistrict: schema.projectDistrict,
	demoSeedStep: schema.demoSeedStep
};

/** Row count of every table the demo writes. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const [name, table] of Object.entries(COUNTED)) {
		const [row] = await db.select({ n: count() }).from(table);
		counts[name] = row.n;
	}
	return counts;
}

/** A fresh database holding the demo. */
export async function openSeededDatabase(): Promise<FreshDatabase> {
	const fresh = await openFreshDatabase();
	await seedDemo(fresh.db);
	return fresh;
}

/** A demo person as the acting user. */
export async function demoActor(db: Db, key: keyof typeof DEMO_PERSON_IDS): Promise<Actor> {
	const [row] = await db
		.select()
		.from(schema.person)
		.where(eq(schema.person.id, DEMO_PERSON_IDS[key]));
	return actorOf(row);
}
