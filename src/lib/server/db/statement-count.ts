import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/** The SQL statements one piece of work sent through drizzle, in order. */
export interface StatementTally {
	statements: string[];
}

/**
 * One scope per process, on globalThis: the production build and the tests hold several copies
 * of this module (SvelteKit's bundle, the server's), and the scope a request is counted in must
 * be the one the database's logger sees.
 */
const SCOPE = Symbol.for('tavolo.statementScope');
const holder = globalThis as { [SCOPE]?: AsyncLocalStorage<StatementTally> };
const scope = (holder[SCOPE] ??= new AsyncLocalStorage<StatementTally>());

/**
 * drizzle's logger on every database (db/pglite.ts, db/postgres.ts): records each statement in
 * the tally of the work it belongs to, if that work is being counted; otherwise one look-up.
 * Statements sent past drizzle (the collaboration fast paths, ADR 0017) are not seen.
 */
export const statementLogger: Logger = {
	logQuery(query) {
		scope.getStore()?.statements.push(query);
	}
};

/**
 * Runs `work` and every asynchronous continuation of it in a fresh tally: the tally of a request
 * keeps growing while its response streams, so read it once the response is finished.
 */
export function countStatements<T>(work: () => T): { tally: StatementTally; result: T } {
	const tally: StatementTally = { statements: [] };
	return { tally, result: scope.run(tally, work) };
}
