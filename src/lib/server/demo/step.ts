import type { Db } from '../db/client';

/** What a demo step may need besides the database: the shared password hash, computed once. */
export interface SeedContext {
	passwordHash(): Promise<string>;
}

/**
 * One unit of demo data. Each step runs once per database (recorded in demo_seed_step), inside
 * the seeding transaction, after every step listed before it.
 */
export interface DemoStep {
	name: string;
	run(db: Db, seed: SeedContext): Promise<void>;
}
