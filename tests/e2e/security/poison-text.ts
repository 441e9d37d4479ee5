/**
 * Prepares the database of the stored-text XSS test: migrates and seeds the demo into DATA_DIR,
 * then writes a payload in front of every free-text value of every table (and a `javascript:`
 * address into address columns), as if partners had typed them. Run by the e2e test with
 * `node --import tsx`; `--list` prints the text columns and how they are classified.
 */
import { sql } from 'drizzle-orm';
import { seedIfEnabled } from '../../../src/lib/server/demo/seed';
import { startRuntime, stopRuntime } from '../../../src/lib/server/runtime';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANARY_FILE, type IdentityCanaries } from './identity-canaries';
import { FORMULA_TEXT, formulaFor, kindOf, payloadsFor, URL_PAYLOAD } from './text-corpus';
import { textColumns } from './text-columns';

const columns = textColumns();
const unclassified = columns.filter((column) => !kindOf(column));
if (process.argv.includes('--list') || unclassified.length) {
	for (const column of columns) console.log(`${kindOf(column) ?? 'UNCLASSIFIED'}\t${column}`);
	if (unclassified.length) {
		console.error(`Say in text-corpus.ts what these text columns hold: ${unclassified.join(', ')}`);
	}
	process.exit(unclassified.length ? 1 : 0);
}

const runtime = await startRuntime({ afterMigrate: seedIfEnabled });
let values = 0;
let n = 0;
for (const key of columns) {
	const kind = kindOf(key);
	if (kind === 'structured') continue;
	const [table, column] = key.split('.');
	const name = sql.identifier(table);
	const field = sql.identifier(column);
	if (kind === 'address') {
		await runtime.db.execute(sql`update ${name} set ${field} = ${URL_PAYLOAD}`);
		continue;
	}
	// Each column gets the next payload of the corpus; the value keeps its own text after it,
	// so unique columns stay unique and pages stay readable.
	const corpus = payloadsFor(++n);
	const payload = FORMULA_TEXT.has(key) ? formulaFor(n) : corpus[n % corpus.length];
	const result = await runtime.db.execute(
		sql`update ${name} set ${field} = ${payload} || ' ' || ${field} where ${field} is not null`
	);
	values += affected(result);
}
const canaries = await plantIdentityCanaries();
writeFileSync(join(process.env.DATA_DIR!, CANARY_FILE), JSON.stringify(canaries));
await stopRuntime();
console.log(
	`poisoned ${n} free-text columns, ${values} values; ${canaries.cases.length} identity canaries`
);

/**
 * A token no page may show except to the case operators of the record's organisation: in the
 * name, e-mail and phone of each person followed, and in every note of their path (issue 16).
 */
async function plantIdentityCanaries(): Promise<IdentityCanaries> {
	const token = sql`'CANARY' || replace(case_id::text, '-', '')`;
	await runtime.db.execute(sql`update case_identity set
		full_name = full_name || ' ' || ${token},
		email = ${token} || '@identita.invalid',
		phone = ${token}`);
	await runtime.db.execute(sql`update case_event set
		note = note || ' ' || 'CANARY' || replace(case_id::text, '-', '')`);
	const cases = rowsOf<{ token: string; organisation_id: string }>(
		await runtime.db.execute(sql`select 'CANARY' || replace(r.id::text, '-', '') as token,
			r.organisation_id from case_record r join case_identity i on i.case_id = r.id`)
	);
	const operators = rowsOf<{ email: string; organisation_id: string }>(
		await runtime.db.execute(sql`select p.email, m.organisation_id from membership m
			join person p on p.id = m.person_id where m.role = 'case_operator'`)
	);
	return {
		cases: cases.map((row) => ({ token: row.token, organisationId: row.organisation_id })),
		operators: operators.map((row) => ({ email: row.email, organisationId: row.organisation_id })),
		documents: await liveDocumentNames()
	};
}

/** Every live document of the data set, one name per kind of src/lib/server/live-kinds.ts. */
async function liveDocumentNames(): Promise<string[]> {
	const names = rowsOf<{ name: string }>(
		await runtime.db.execute(sql`select 'notes:' || id as name from project
			union all select 'section:' || id from proposal_section
			union all select 'actions:' || id from proposal
			union all select 'minutes:' || id from meeting
			union all select 'labboard:' || id from lab_session`)
	);
	return names.map((row) => row.name);
}

/** Result rows, as PGlite (`rows`) or postgres.js (the array itself) returns them. */
function rowsOf<T>(result: unknown): T[] {
	return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** Rows changed, as PGlite (`affectedRows`) or postgres.js (`count`) reports it. */
function affected(result: unknown): number {
	const { affectedRows, count } = result as { affectedRows?: number; count?: number };
	return Number(affectedRows ?? count ?? 0);
}
