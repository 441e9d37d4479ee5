import { resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Runtime } from '../../../src/lib/server/runtime';
import { openDatabase } from '../../../src/lib/server/db/client';
import { migrate } from '../../../src/lib/server/db/migrate';
import { exportJob } from '../../../src/lib/server/db/schema';
import type { RenderedFile } from '../../../src/lib/server/export/formats';
import {
	jobFile,
	jobStatus,
	startJob,
	type JobReporter
} from '../../../src/lib/server/export/jobs';
import {
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { createTestDatabase } from '../../support/database';
import { buildPerson, signIn } from '../../support/factories';
import { startInstance } from '../../support/instances';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';

let runtime: Runtime;
beforeAll(async () => {
	runtime = await startProposalRuntime();
});

/** Work the test finishes when it wants, reporting progress as an export does. */
function controlledWork() {
	let finish: ((file: RenderedFile) => void) | undefined;
	let reporter: JobReporter | undefined;
	let ready = () => {};
	const started = new Promise<void>((resolve) => (ready = resolve));
	function work(given: JobReporter): Promise<RenderedFile> {
		reporter = given;
		ready();
		return new Promise((done) => (finish = done));
	}
	return {
		work,
		started,
		report: (done: number, total: number) => reporter!.progress('reading', done, total),
		finish: async (text: string) => {
			await started;
			finish!({
				bytes: new TextEncoder().encode(text),
				contentType: 'text/plain',
				filename: 'prova.txt'
			});
		}
	};
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe('export jobs in the database', () => {
	it('keeps progress and the file in a row, for its owner only', async () => {
		const owner = await buildPerson(runtime.db);
		const other = await buildPerson(runtime.db);
		const job = controlledWork();
		const started = await startJob(runtime.db, owner.id, job.work);
		expect(started).toMatchObject({ phase: 'queued', done: 0, total: 0 });
		await job.started;
		job.report(1, 4);
		const reading = await until(
			() => jobStatus(runtime.db, owner.id, started.id),
			(s) => s.done === 1
		);
		expect(reading).toMatchObject({ phase: 'reading', done: 1, total: 4 });
		await expect(jobFile(runtime.db, owner.id, started.id)).rejects.toThrow(
			'proposal_export_job_not_found'
		);
		await job.finish('contenuto');
		const done = await until(
			() => jobStatus(runtime.db, owner.id, started.id),
			(s) => s.phase === 'done'
		);
		expect(done.filename).toBe('prova.txt');
		const file = await jobFile(runtime.db, owner.id, started.id);
		expect(new TextDecoder().decode(file.bytes)).toBe('contenuto');
		const [row] = await runtime.db.select().from(exportJob).where(eq(exportJob.id, started.id));
		expect(row.phase).toBe('done');
		await expect(jobStatus(runtime.db, other.id, started.id)).rejects.toThrow(
			'proposal_export_job_not_found'
		);
	});

	it('runs at most three per person; a job whose instance stopped reads as lost and frees its place', async () => {
		const owner = await buildPerson(runtime.db);
		const jobs = [controlledWork(), controlledWork(), controlledWork()];
		const started = [];
		for (const job of jobs) started.push(await startJob(runtime.db, owner.id, job.work));
		await expect(startJob(runtime.db, owner.id, controlledWork().work)).rejects.toThrow(
			'too_many_requests'
		);
		// Someone else is not held back by this person's jobs.
		const other = await buildPerson(runtime.db);
		await expect(startJob(runtime.db, other.id, controlledWork().work)).resolves.toMatchObject({
			phase: 'queued'
		});
		// As if the instance running the first job had died three minutes ago.
		await runtime.db
			.update(exportJob)
			.set({ updatedAt: sql`now() - interval '3 minutes'` })
			.where(eq(exportJob.id, started[0].id));
		expect(await jobStatus(runtime.db, owner.id, started[0].id)).toMatchObject({
			phase: 'failed',
			errorCode: 'proposal_export_job_lost'
		});
		await expect(startJob(runtime.db, owner.id, controlledWork().work)).resolves.toMatchObject({
			phase: 'queued'
		});
		for (const job of jobs) await job.finish('x');
	});

	it('records a failure with its code, and forgets expired jobs', async () => {
		const owner = await buildPerson(runtime.db);
		const failed = await startJob(runtime.db, owner.id, async () => {
			throw Object.assign(new Error('empty'), { code: 'proposal_export_empty' });
		});
		expect(
			await until(
				() => jobStatus(runtime.db, owner.id, failed.id),
				(s) => s.phase === 'failed'
			)
		).toMatchObject({ errorCode: 'proposal_export_empty' });
		await runtime.db
			.update(exportJob)
			.set({ expiresAt: sql`now() - interval '1 second'` })
			.where(eq(exportJob.id, failed.id));
		await expect(jobStatus(runtime.db, owner.id, failed.id)).rejects.toThrow(
			'proposal_export_job_not_found'
		);
		// The next start deletes expired rows.
		const job = controlledWork();
		await startJob(runtime.db, owner.id, job.work);
		await job.finish('x');
		expect(
			await runtime.db.select().from(exportJob).where(eq(exportJob.id, failed.id))
		).toHaveLength(0);
	});
});

/**
 * Two Tavolo processes serving pages on one PostgreSQL database, as behind a load balancer
 * without sticky sessions. PGlite is one process by design, so this needs DATABASE_URL.
 */
const shared = Boolean(process.env.DATABASE_URL);
describe.runIf(shared)('export jobs across instances', async () => {
	if (!shared) {
		it.skip('needs DATABASE_URL', () => {});
		return;
	}
	const testDatabase = await createTestDatabase();
	const database = await openDatabase({
		databaseUrl: testDatabase.env.DATABASE_URL,
		dataDir: 'unused'
	});
	await migrate(database, resolve('drizzle'));
	const env = { ...testDatabase.env, TEST_PAGES: '1' };
	const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
	afterAll(async () => {
		a.child.kill('SIGKILL');
		b.child.kill('SIGKILL');
		await database.close();
		await testDatabase.drop();
	});

	it('starts on one instance; the other reports progress and serves the file', async () => {
		const table = await buildProposalTable({ ...runtime, db: database.db });
		await table.live.write(
			sectionDocumentName(table.sections[0].id),
			contentUpdate({
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giovani NEET' }] }]
			})
		);
		const cookie = await signIn(database.db, table.partner.person.id);
		const path = `/projects/${table.project.id}/proposals/${table.proposal.id}/export/docx`;
		const started = await fetch(`${a.url}${path}`, { method: 'POST', headers: { cookie } });
		expect(started.status).toBe(202);
		const job = (await started.json()) as { statusUrl: string; downloadUrl: string };
		const status = await until(
			async () =>
				(await (await fetch(`${b.url}${job.statusUrl}`, { headers: { cookie } })).json()) as {
					phase: string;
					done: number;
					total: number;
				},
			(s) => s.phase === 'done' || s.phase === 'failed'
		);
		expect(status).toMatchObject({ phase: 'done', done: 10, total: 10 });
		const file = await fetch(`${b.url}${job.downloadUrl}`, { headers: { cookie } });
		expect(file.status).toBe(200);
		const xml = strFromU8(unzipSync(new Uint8Array(await file.arrayBuffer()))['word/document.xml']);
		expect(xml).toContain('Giovani NEET');
		const stranger = await signIn(database.db, (await buildPerson(database.db)).id);
		expect(
			(await fetch(`${b.url}${job.statusUrl}`, { headers: { cookie: stranger } })).status
		).toBe(404);
	});
});
