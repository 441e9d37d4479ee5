import { m } from '$lib/paraglide/messages';

/** An export job as the server reports it (ADR 0055): its phase and steps done out of total. */
export interface ExportJob {
	phase: 'queued' | 'reading' | 'rendering' | 'done' | 'failed';
	done: number;
	total: number;
	message?: string;
	statusUrl?: string;
	downloadUrl?: string;
}

/** The formats a document or report exports to, in the order their links are shown. */
export const EXPORT_FORMATS = ['docx', 'odt', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const POLL_MS = 400;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the job at `startUrl`, reports each state to `onProgress` until it is done, and returns
 * the file's download address. A refusal or a failure throws an Error carrying the server's
 * translated message.
 */
export async function runExportJob(
	startUrl: string,
	onProgress: (job: ExportJob) => void
): Promise<string> {
	const started = await fetch(startUrl, { method: 'POST' });
	const first = (await started.json()) as ExportJob;
	if (!started.ok) throw new Error(first.message);
	let current = first;
	onProgress(current);
	while (current.phase !== 'done' && current.phase !== 'failed') {
		await wait(POLL_MS);
		const polled = await fetch(first.statusUrl!);
		current = (await polled.json()) as ExportJob;
		onProgress(current);
		if (!polled.ok) throw new Error(current.message);
	}
	if (current.phase === 'failed') throw new Error(current.message);
	return first.downloadUrl!;
}

/** The progress line: `reading` names what is read; the other phases are the same everywhere. */
export function exportPhaseText(
	job: ExportJob,
	format: string,
	reading: (progress: { done: number; total: number }) => string
): string {
	const name = format.toUpperCase();
	if (job.phase === 'reading') return reading({ done: job.done, total: job.total });
	if (job.phase === 'rendering' && job.total > 0 && job.done < job.total) {
		return m.export_rendering_sections({ format: name, done: job.done + 1, total: job.total });
	}
	if (job.phase === 'rendering') return m.canvas_export_rendering({ format: name });
	return m.canvas_export_preparing({ format: name });
}

/** The failure line: the server's words, or a general one. */
export function exportFailureText(caught: unknown): string {
	return (caught instanceof Error && caught.message) || m.canvas_export_failed();
}
