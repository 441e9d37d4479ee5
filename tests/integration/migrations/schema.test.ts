import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/lib/server/db/schema';
import { openDatabase } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { query } from '../../../src/lib/server/backup/backup';
import type { Db } from '../../../src/lib/server/db/client';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../support/database';

// drizzle-kit's programmatic API is CommonJS.
const kit = createRequire(import.meta.url)('drizzle-kit/api') as typeof import('drizzle-kit/api');

interface SnapshotTable {
	name: string;
	columns: Record<string, { name: string; type: string; notNull: boolean }>;
	indexes: Record<string, unknown>;
	foreignKeys: Record<string, unknown>;
	uniqueConstraints: Record<string, unknown>;
}

/** One line per column, index and key: `table.column type [not null]`, `table index name`… */
type Catalog = string[];

const SERIAL: Record<string, string> = {
	serial: 'integer',
	bigserial: 'bigint',
	smallserial: 'smallint'
};

/** What the schema in TypeScript says the database holds (drizzle-kit's own view of it). */
function catalogOfSchema(): Catalog {
	const json = kit.generateDrizzleJson(schema, undefined, undefined, 'snake_case') as unknown as {
		tables: Record<string, SnapshotTable>;
	};
	const lines: string[] = [];
	for (const table of Object.values(json.tables)) {
		for (const column of Object.values(table.columns)) {
			const type = SERIAL[column.type] ?? column.type;
			lines.push(`${table.name}.${column.name} ${type}${column.notNull ? ' not null' : ''}`);
		}
		for (const name of Object.keys(table.indexes)) lines.push(`${table.name} index ${name}`);
		for (const name of Object.keys(table.foreignKeys)) lines.push(`${table.name} fk ${name}`);
		for (const name of Object.keys(table.uniqueConstraints)) {
			lines.push(`${table.name} unique ${name}`);
		}
	}
	return lines.sort();
}

/** What a migrated database really holds, read from PostgreSQL's catalog. */
async function catalogOf(db: Db): Promise<Catalog> {
	const columns = await query<{ line: string }>(
		db,
		sql`select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, null) ||
				case when a.attnotnull then ' not null' else '' end as line
			from pg_attribute a join pg_class c on c.oid = a.attrelid
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`
	);
	const indexes = await query<{ line: string }>(
		db,
		sql`select i.tablename || ' index ' || i.indexname as line from pg_indexes i
			where i.schemaname = 'public' and not exists (
				select 1 from pg_constraint k where k.conname = i.indexname and k.contype in ('p', 'u'))`
	);
	const keys = await query<{ line: string }>(
		db,
		sql`select c.relname || case k.contype when 'f' then ' fk ' else ' unique ' end || k.conname as line
			from pg_constraint k join pg_class c on c.oid = k.conrelid
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and k.contype in ('f', 'u')`
	);
	return [...columns, ...indexes, ...keys].map((row) => row.line.replace(/"/g, '')).sort();
}

describe('migrations', () => {
	it('applied to an empty database give the tables, columns, types, indexes and keys of the schema', async () => {
		const test = await createTestDatabase({ empty: true });
		const database = await openDatabase({
			databaseUrl: test.env.DATABASE_URL,
			dataDir: test.env.DATA_DIR ?? 'unused'
		});
		try {
			await migrate(database, resolve('drizzle'));
			const expected = catalogOfSchema();
			expect(expected.length).toBeGreaterThan(100);
			expect(await catalogOf(database.db)).toEqual(expected);
		} finally {
			await database.close();
			await test.drop();
		}
	}, 120_000); // a new cluster (initdb) and every migration: over 30 s on a loaded machine

	it('have a latest snapshot that matches the schema (nothing left to generate)', async () => {
		const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as {
			entries: { idx: number }[];
		};
		const last = journal.entries.at(-1)!.idx;
		const snapshot = JSON.parse(
			readFileSync(`drizzle/meta/${String(last).padStart(4, '0')}_snapshot.json`, 'utf8')
		);
		const current = kit.generateDrizzleJson(schema, snapshot.id, undefined, 'snake_case');
		expect(await kit.generateMigration(snapshot, current)).toEqual([]);
	});
});
