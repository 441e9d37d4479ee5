import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { demoSeedStep } from '../db/schema';

// Any constant, distinct from the migration lock: instances starting together seed one at a time.
const DEMO_SEED_LOCK_KEY = 7_405_211;

/** Serialises seeding across processes until the surrounding transaction ends. */
export async function lockSeeding(tx: Db): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`);
}

export async function appliedSteps(tx: Db): Promise<Set<string>> {
	const rows = await tx.select({ name: demoSeedStep.name }).from(demoSeedStep);
	return new Set(rows.map((row) => row.name));
}

export async function markApplied(tx: Db, name: string): Promise<void> {
	await tx.insert(demoSeedStep).values({ name });
}
