import type { Ctx } from '../context';
import { renderFile, type ExportFormat, type RenderedFile } from '../export/formats';
import type { JobReporter } from '../export/jobs';
import { proposalDocument } from './export-document';

/** A proposal rendered to a file, reporting progress to a job when there is one. */
export async function exportProposal(
	ctx: Ctx,
	input: { proposalId: string; format: ExportFormat; withComments: boolean },
	reporter?: JobReporter
): Promise<RenderedFile> {
	const document = await proposalDocument(ctx, input, (done, total) =>
		reporter?.progress('reading', done, total)
	);
	const total = document.sections.length;
	reporter?.progress('rendering', 0, total);
	const file = await renderFile(input.format, document, document.title, (done) =>
		reporter?.progress('rendering', done, total)
	);
	reporter?.progress('rendering', total, total);
	return file;
}
