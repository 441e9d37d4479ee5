import postgres from 'postgres';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import {
	copyPgliteTemplate,
	pgliteTemplate,
	pgliteTemplateFolder,
	postgresTemplateName,
	templateKey
} from './template-folder';

/**
 * One migrated database per set of migrations, copied for each test file instead of created
 * and migrated again: creating a PGlite cluster (initdb in WebAssembly) and applying every
 * migration was most of a test file's start, ~170 times per `npm test`. On PostgreSQL the copy
 * is `create database … template …`; on PGlite, a copy of the closed folder.
 *
 * The template's name holds a hash of the migrations (and the PGlite version), so a changed
 * migration gets a new template and two checkouts never share a wrong one. It is built under a
 * temporary name and renamed when complete, so a run starting meanwhile never copies half of it.
 */
const MIGRATIONS = resolve('drizzle');

export { copyPgliteTemplate, pgliteTemplate, postgresTemplateName, templateKey };

async function buildPgliteTemplate(): Promise<void> {
	if (pgliteTemplate()) return;
	const building = mkdtempSync(join(tmpdir(), 'tavolo-template-building-'));
	const database = await openDatabase({ dataDir: building });
	await migrate(database, MIGRATIONS);
	await database.close();
	try {
		renameSync(building, pgliteTemplateFolder());
	} catch {
		rmSync(building, { recursive: true, force: true }); // another run finished first
	}
}

async function buildPostgresTemplate(adminUrl: string): Promise<void> {
	const name = postgresTemplateName();
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	try {
		const [found] = await admin`select 1 from pg_database where datname = ${name}`;
		if (found) return;
		const building = `${name}_building_${process.pid}`;
		await admin.unsafe(`drop database if exists ${building}`);
		await admin.unsafe(`create database ${building}`);
		const url = new URL(adminUrl);
		url.pathname = `/${building}`;
		const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
		await migrate(database, MIGRATIONS);
		await database.close();
		try {
			await admin.unsafe(`alter database ${building} rename to ${name}`);
		} catch {
			await admin.unsafe(`drop database if exists ${building} with (force)`);
		}
	} finally {
		await admin.end();
	}
}

/** Vitest global setup of the integration tests: the template of this run's database kind. */
export default async function buildTemplate(): Promise<void> {
	const adminUrl = process.env.DATABASE_URL;
	if (adminUrl) await buildPostgresTemplate(adminUrl);
	else await buildPgliteTemplate();
}
