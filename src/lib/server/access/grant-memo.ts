import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/client';
import type { Grant } from './policy';

/**
 * A request's grants, looked up once each. A page asks the policy many times about the same
 * person and project (the layout's navigation alone asks once per area): without a memo, each
 * question is a query. Only reading requests get one (hooks.server.ts: GET and HEAD), so no
 * request can change a membership and then read the answer from before it; and only queries on
 * the database the memo was opened for use it, never a transaction's own view.
 *
 * On globalThis for the reason of db/statement-count.ts: several copies of this module share
 * one process.
 */
interface Memo {
	db: Db;
	grants: Map<string, Promise<Grant | null>>;
}

const SCOPE = Symbol.for('tavolo.grantMemo');
const holder = globalThis as { [SCOPE]?: AsyncLocalStorage<Memo> };
const scope = (holder[SCOPE] ??= new AsyncLocalStorage<Memo>());

/** Runs `work` (one reading request) with a memo of the grants it finds on `db`. */
export function withGrantMemo<T>(db: Db, work: () => T): T {
	return scope.run({ db, grants: new Map() }, work);
}

/** The memo's answer for (person, project), or `look` once and remembered; a failure is not. */
export function memoisedGrant(
	db: Db,
	personId: string,
	projectId: string,
	look: () => Promise<Grant | null>
): Promise<Grant | null> {
	const memo = scope.getStore();
	if (!memo || memo.db !== db) return look();
	const key = `${personId}:${projectId}`;
	const known = memo.grants.get(key);
	if (known) return known;
	const found = look();
	memo.grants.set(key, found);
	found.catch(() => memo.grants.delete(key));
	return found;
}
