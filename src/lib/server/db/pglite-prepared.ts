import { protocol, type PGlite } from '@electric-sql/pglite';

/**
 * Named prepared statements on PGlite, bound with binary bytes (ADR 0017). `PGlite.query` parses
 * and plans its statement every time and sends every parameter as text; for the statements
 * the collaboration server waits on (appending an update, writing a snapshot) that costs the
 * server's only thread: about 0.35 ms an append after an idle moment, and a second for a few MB.
 */

export interface PreparedStatement {
	/** Unique per statement: it names the statement in the database session. */
	name: string;
	text: string;
	/** PostgreSQL type ids of the parameters ($1, $2, …): never guessed from values. */
	types: number[];
}

/** A Uint8Array goes as a binary parameter; strings as text; null as NULL. */
export type PreparedValue = string | Uint8Array | null;

export type PgliteSession = Pick<
	PGlite,
	'execProtocol' | '_runExclusiveQuery' | '_runExclusiveTransaction'
>;

export function isPgliteSession(client: unknown): client is PgliteSession {
	const candidate = client as Partial<PgliteSession> | undefined;
	return (
		typeof candidate?.execProtocol === 'function' &&
		typeof candidate._runExclusiveQuery === 'function' &&
		typeof candidate._runExclusiveTransaction === 'function'
	);
}

/**
 * Statements live in the database session, so they are prepared once per PGlite instance, and
 * the instance itself records which: the production build holds two copies of this module (the
 * SvelteKit bundle and the collaboration server's) sharing one PGlite, so a registry private to
 * one copy would make the other prepare a statement twice.
 */
const PREPARED = Symbol.for('tavolo.pglite.preparedStatements');

function preparedNames(client: PgliteSession): Set<string> {
	const holder = client as PgliteSession & { [PREPARED]?: Set<string> };
	return (holder[PREPARED] ??= new Set());
}

/**
 * Runs `statement` once per row of values. On its own (`insideTransaction` false) all rows form
 * one implicit transaction (several Bind/Execute pairs before one Sync), queued behind any
 * transaction in progress on the single PGlite session exactly as `PGlite.query` is, so it can
 * never land inside someone else's transaction and be rolled back with it. Called from inside
 * a transaction of ours, it becomes part of it.
 */
export async function runPrepared(
	client: PgliteSession,
	statement: PreparedStatement,
	rows: PreparedValue[][],
	{ insideTransaction = false } = {}
): Promise<void> {
	const run = () =>
		client._runExclusiveQuery(async () => {
			await prepare(client, statement);
			const messages: Uint8Array[] = [];
			for (const values of rows) {
				messages.push(protocol.serialize.bind({ statement: statement.name, values }));
				messages.push(protocol.serialize.execute({}));
			}
			messages.push(protocol.serialize.sync());
			await client.execProtocol(Buffer.concat(messages));
		});
	await (insideTransaction ? run() : client._runExclusiveTransaction(run));
}

async function prepare(client: PgliteSession, statement: PreparedStatement): Promise<void> {
	const names = preparedNames(client);
	if (names.has(statement.name)) return;
	const { name, text, types } = statement;
	await client.execProtocol(
		Buffer.concat([protocol.serialize.parse({ name, text, types }), protocol.serialize.sync()])
	);
	names.add(name);
}
