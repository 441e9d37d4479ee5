import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the migrated template database of this checkout's migrations lives (built by the
 * integration tests' global setup, database-template.ts), without loading the database code:
 * the end-to-end servers start from a copy of it too (playwright.config.ts and the e2e files
 * that run a server of their own), instead of creating a cluster and migrating from nothing.
 */
const MIGRATIONS = resolve('drizzle');

export function templateKey(): string {
	const hash = createHash('sha256');
	for (const file of readdirSync(MIGRATIONS)
		.filter((f) => f.endsWith('.sql'))
		.sort()) {
		hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
	}
	hash.update(readFileSync(join(MIGRATIONS, 'meta', '_journal.json')));
	const pglite = JSON.parse(
		readFileSync(resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')
	) as { version: string };
	return hash.update(pglite.version).digest('hex').slice(0, 16);
}

/** The folder the template is built in (it exists only once complete: built, then renamed). */
export const pgliteTemplateFolder = () => join(tmpdir(), `tavolo-template-${templateKey()}`);

/** The migrated PGlite folder to copy, if it was built. */
export function pgliteTemplate(): string | null {
	const folder = pgliteTemplateFolder();
	return existsSync(folder) ? folder : null;
}

export const postgresTemplateName = () => `tavolo_template_${templateKey()}`;

/**
 * A fresh database folder: the template's copy when there is one (else it stays empty and the
 * runtime migrates it from nothing). Returns whether it copied.
 */
export function copyPgliteTemplate(folder: string): boolean {
	const template = pgliteTemplate();
	if (template) cpSync(template, folder, { recursive: true });
	return Boolean(template);
}
