/**
 * Tavolo's server for the benchmark, as a child process so that its CPU and memory can be
 * measured apart from the clients. Creates the benchmark's projects, sessions and the 1 MB
 * cold document before listening; `GET /stats` tells how many updates were stored and how many
 * rooms are loaded. Prints `READY <json>`.
 */
import * as Y from 'yjs';
import { createTavoloServer } from '../../server/app';
import { readConfig } from '../../src/lib/server/config';
import type { Persistence } from '../../server/collab/persistence';
import { createPostgresPersistence } from '../../server/collab/persistence/postgres';
import { appendStoredUpdates } from '../../src/lib/server/live/store';
import { startRuntime } from '../../src/lib/server/runtime';
import { buildMember, buildProject, signIn } from '../../tests/support/factories';

const SIZES = JSON.parse(process.env.BENCH_SIZES ?? '[10]') as number[];
const runtime = await startRuntime({ config: readConfig() });
const db = runtime.db;

async function documentWithSessions(clients: number) {
	const project = await buildProject(db);
	const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	const cookies: string[] = [];
	for (let i = 0; i < clients; i++) cookies.push(await signIn(db, member.person.id));
	return { name: `notes:${project.id}`, cookies };
}

/** ~1 MB of text stored as 1,000 separate updates of ~1 KB, as a long editing life leaves it. */
async function coldDocument(name: string) {
	const author = new Y.Doc();
	const rows = [];
	for (let i = 0; i < 1000; i++) {
		const before = Y.encodeStateVector(author);
		const text = author.getText('body');
		text.insert(text.length, `${i}`.padStart(6, '0') + 'x'.repeat(1018));
		rows.push({ documentName: name, update: Y.encodeStateAsUpdate(author, before) });
	}
	for (let i = 0; i < rows.length; i += 100) await appendStoredUpdates(db, rows.slice(i, i + 100));
	return author.getText('body').length;
}

const scenarios = [];
for (const size of SIZES) scenarios.push({ size, ...(await documentWithSessions(size)) });
const cold = await documentWithSessions(10);
const coldLength = await coldDocument(cold.name);

// Counts appends, to show that every relayed update was stored first.
// As the server makes it: the mention scan reads the room's live copy.
const persistence = createPostgresPersistence(db, {
	liveDocument: (name) => app.collab.rooms.get(name)?.storedDocument
});
let appended = 0;
const counting: Persistence = {
	...persistence,
	append: (name, update, authorId) =>
		persistence.append(name, update, authorId).then(() => void appended++)
};
const app = createTavoloServer(
	runtime,
	(req, res) => {
		res.statusCode = req.url === '/stats' ? 200 : 404;
		res.end(JSON.stringify({ appended, rooms: app.collab.rooms.size, memory: memory() }));
	},
	{ persistence: counting }
);

/** Where the resident memory is: V8's heap, buffers outside it, and PGlite's WebAssembly memory. */
function memory() {
	const { rss, heapUsed, external } = process.memoryUsage();
	const pglite = (db as { $client?: { mod?: { HEAPU8?: Uint8Array } } }).$client?.mod?.HEAPU8;
	return { rss, heapUsed, external, pgliteHeap: pglite?.byteLength ?? 0 };
}

const port = await app.listen(0, '127.0.0.1');
console.log(`READY ${JSON.stringify({ port, scenarios, cold: { ...cold, length: coldLength } })}`);
// A clean exit on SIGTERM, so that `--cpu-prof` (BENCH_PROFILE=1) writes its profile.
process.on('SIGTERM', () => process.exit(0));
