import type { Db } from './db/client';
import type { Actor } from './access/policy';

/** What every domain function receives first: the database and who is acting. */
export interface Ctx {
	db: Db;
	actor: Actor | null;
}
