import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { exportJob, person } from '../db/schema';
import { NotFoundError, TooManyRequestsError } from '../errors';
import { logger } from '../log/logger';
import type { RenderedFile } from './formats';

/**
 * Long exports run as jobs: the page starts one, polls its progress (sections read / total,
 * then rendering) and downloads the file when done. The instance that received the start does
 * the work; state, progress and the file are rows, so any instance answers the polling
 * (ADR 0058). Rows live ten minutes, then any request deletes them.
 */
export type JobPhase = 'queued' | 'reading' | 'rendering' | 'done' | 'failed';

export interface JobStatus {
	id: string;
	phase: JobPhase;
	done: number;
	total: number;
	/** The error code when failed (an i18n key `error_<code>`). */
	errorCode?: string;
	filename?: string;
}

export interface JobReporter {
	progress(phase: 'reading' | 'rendering', done: number, total: number): void;
}

const KEEP = sql`interval '10 minutes'`;
/** A running job its instance has not touched for this long is lost (that instance stopped). */
const LOST_AFTER = sql`interval '2 minutes'`;
const MAX_RUNNING_PER_PERSON = 3;
const RUNNING: JobPhase[] = ['queued', 'reading', 'rendering'];

export async function startJob(
	db: Db,
	ownerId: string,
	work: (reporter: JobReporter) => Promise<RenderedFile>
): Promise<JobStatus> {
	await db.delete(exportJob).where(lt(exportJob.expiresAt, sql`now()`));
	const row = await db.transaction(async (tx) => {
		// One start at a time per person, whichever instance: the limit cannot be raced.
		await tx.select({ id: person.id }).from(person).where(eq(person.id, ownerId)).for('update');
		const running = await tx
			.select({ id: exportJob.id })
			.from(exportJob)
			.where(
				and(
					eq(exportJob.ownerId, ownerId),
					inArray(exportJob.phase, RUNNING),
					gt(exportJob.updatedAt, sql`now() - ${LOST_AFTER}`)
				)
			);
		if (running.length >= MAX_RUNNING_PER_PERSON) {
			throw new TooManyRequestsError('too_many_requests', 30);
		}
		const [inserted] = await tx
			.insert(exportJob)
			.values({ ownerId, expiresAt: sql`now() + ${KEEP}` })
			.returning();
		return inserted;
	});
	// Started on the next tick, so the caller gets the id before any work happens.
	setImmediate(() => void run(db, row.id, work));
	return statusOf(row);
}

async function run(
	db: Db,
	id: string,
	work: (reporter: JobReporter) => Promise<RenderedFile>
): Promise<void> {
	const update = (values: Partial<typeof exportJob.$inferInsert>) =>
		db
			.update(exportJob)
			.set({ ...values, updatedAt: sql`now()`, expiresAt: sql`now() + ${KEEP}` })
			.where(eq(exportJob.id, id));
	// Progress is written in order, and never after the final state.
	let written: Promise<unknown> = Promise.resolve();
	const reporter: JobReporter = {
		progress(phase, done, total) {
			written = written.then(() => update({ phase, done, total })).catch(logWriteError);
		}
	};
	try {
		const file = await work(reporter);
		await written;
		await update({
			phase: 'done',
			bytes: file.bytes,
			filename: file.filename,
			contentType: file.contentType
		});
	} catch (error) {
		const code = (error as { code?: unknown })?.code;
		if (typeof code !== 'string') logger.error({ err: error }, 'export job failed');
		await written;
		await update({ phase: 'failed', errorCode: typeof code === 'string' ? code : 'unexpected' })
			// The job then reads as lost: nothing more can be done here.
			.catch(logWriteError);
	}
}

function logWriteError(error: unknown): void {
	logger.error({ err: error }, 'export job state not written');
}

/** Only who started a job sees it; others (and expired ids) get NotFound. */
export async function jobStatus(db: Db, ownerId: string, id: string): Promise<JobStatus> {
	const [row] = await db
		.select({
			id: exportJob.id,
			phase: exportJob.phase,
			done: exportJob.done,
			total: exportJob.total,
			errorCode: exportJob.errorCode,
			filename: exportJob.filename,
			lost: sql<boolean>`${exportJob.updatedAt} < now() - ${LOST_AFTER}`
		})
		.from(exportJob)
		.where(ownedLive(ownerId, id));
	if (!row) throw new NotFoundError('proposal_export_job_not_found');
	if (RUNNING.includes(row.phase) && row.lost) {
		return { ...statusOf(row), phase: 'failed', errorCode: 'proposal_export_job_lost' };
	}
	return statusOf(row);
}

export async function jobFile(db: Db, ownerId: string, id: string): Promise<RenderedFile> {
	const [row] = await db
		.select({
			bytes: exportJob.bytes,
			filename: exportJob.filename,
			contentType: exportJob.contentType
		})
		.from(exportJob)
		.where(and(ownedLive(ownerId, id), eq(exportJob.phase, 'done')));
	if (!row?.bytes || !row.filename || !row.contentType) {
		throw new NotFoundError('proposal_export_job_not_found');
	}
	return { bytes: row.bytes, filename: row.filename, contentType: row.contentType };
}

function ownedLive(ownerId: string, id: string) {
	return and(
		eq(exportJob.id, id),
		eq(exportJob.ownerId, ownerId),
		gt(exportJob.expiresAt, sql`now()`)
	);
}

function statusOf(row: {
	id: string;
	phase: JobPhase;
	done: number;
	total: number;
	errorCode: string | null;
	filename: string | null;
}): JobStatus {
	const { id, phase, done, total } = row;
	return {
		id,
		phase,
		done,
		total,
		...(row.errorCode ? { errorCode: row.errorCode } : {}),
		...(row.filename ? { filename: row.filename } : {})
	};
}
