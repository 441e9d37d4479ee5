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
	reporter?.progress('rendering', document.sections.length, document.sections.length);
	return renderFile(input.format, document, document.title);
}
