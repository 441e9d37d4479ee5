import { parseFormat, renderFile } from '$lib/server/export/formats';
import { fileResponse } from '$lib/server/export/file-response';
import { verbaleDocument } from '$lib/server/governance/verbale';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** The verbale as DOCX, ODT or PDF, through the project's shared export writers. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const document = await verbaleDocument(locals.ctx, params.meetingId);
		return fileResponse(
			await renderFile(parseFormat(params.format), document, `verbale-${document.facts[1].value}`)
		);
	});
