import { NotFoundError, TooManyRequestsError } from '../errors';
import { logger } from '../log/logger';
import type { RenderedFile } from './formats';

/**
 * Long exports run as jobs: the page starts one, polls its progress (sections read / total,
 * then rendering) and downloads the file when done. Jobs live in this process's memory for a
 * few minutes: the file is produced on demand from the live documents, so nothing durable is
 * lost if an instance restarts; the page simply starts again. See ADR 0055.
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

interface Job extends JobStatus {
	ownerId: string;
	file?: RenderedFile;
	expiresAt: number;
}

export interface JobReporter {
	progress(phase: 'reading' | 'rendering', done: number, total: number): void;
}

const KEEP_MS = 10 * 60_000;
const MAX_RUNNING_PER_PERSON = 3;
const jobs = new Map<string, Job>();

function sweep(now = Date.now()): void {
	for (const [id, job] of jobs) if (job.expiresAt < now) jobs.delete(id);
}

export function startJob(
	ownerId: string,
	work: (reporter: JobReporter) => Promise<RenderedFile>
): JobStatus {
	sweep();
	const running = [...jobs.values()].filter(
		(job) =>
			job.ownerId === ownerId &&
			(job.phase === 'reading' || job.phase === 'rendering' || job.phase === 'queued')
	);
	if (running.length >= MAX_RUNNING_PER_PERSON) {
		throw new TooManyRequestsError('too_many_requests', 30);
	}
	const job: Job = {
		id: crypto.randomUUID(),
		ownerId,
		phase: 'queued',
		done: 0,
		total: 0,
		expiresAt: Date.now() + KEEP_MS
	};
	jobs.set(job.id, job);
	const reporter: JobReporter = {
		progress(phase, done, total) {
			Object.assign(job, { phase, done, total });
		}
	};
	// Started on the next tick, so the caller gets the id before any work happens.
	setImmediate(() => {
		work(reporter).then(
			(file) =>
				Object.assign(job, {
					phase: 'done',
					file,
					filename: file.filename,
					expiresAt: Date.now() + KEEP_MS
				}),
			(error: unknown) => {
				const code = (error as { code?: unknown })?.code;
				if (typeof code !== 'string') logger.error({ err: error }, 'export job failed');
				Object.assign(job, {
					phase: 'failed',
					errorCode: typeof code === 'string' ? code : 'unexpected'
				});
			}
		);
	});
	return statusOf(job);
}

/** Only who started a job sees it; others (and expired ids) get NotFound. */
export function jobStatus(ownerId: string, id: string): JobStatus {
	return statusOf(findJob(ownerId, id));
}

export function jobFile(ownerId: string, id: string): RenderedFile {
	const job = findJob(ownerId, id);
	if (!job.file) throw new NotFoundError('proposal_export_job_not_found');
	return job.file;
}

function findJob(ownerId: string, id: string): Job {
	sweep();
	const job = jobs.get(id);
	if (!job || job.ownerId !== ownerId) throw new NotFoundError('proposal_export_job_not_found');
	return job;
}

function statusOf(job: Job): JobStatus {
	const { id, phase, done, total, errorCode, filename } = job;
	return { id, phase, done, total, errorCode, filename };
}
