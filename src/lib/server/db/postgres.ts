import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import * as schema from './schema';
import type { Database, Db } from './database';
import { statementLogger } from './statement-count';

export async function openPostgres(url: string): Promise<Database> {
	const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
	const db = drizzle({
		client,
		schema,
		casing: 'snake_case',
		logger: statementLogger
	}) as unknown as Db;
	try {
		await client`select 1`;
	} catch (error) {
		await client.end({ timeout: 1 });
		throw error;
	}
	return {
		db,
		kind: 'postgres',
		async withAdvisoryLock(key, fn) {
			// Advisory locks belong to a connection: a one-connection client holds it throughout.
			const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
			const lockedDb = drizzle({
				client: single,
				schema,
				casing: 'snake_case',
				logger: statementLogger
			}) as unknown as Db;
			try {
				await lockedDb.execute(sql`select pg_advisory_lock(${key})`);
				return await fn(lockedDb);
			} finally {
				// Ending the connection releases the lock even if the unlock is never sent.
				await single.end({ timeout: 5 });
			}
		},
		async keepStatisticsFresh() {},
		async close() {
			await client.end({ timeout: 5 });
		}
	};
}
