import { personalData } from '$lib/server/cases/personal-data';
import { personalDataDocument } from '$lib/server/cases/personal-data-document';
import { renderPdf } from '$lib/server/export/pdf';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** GDPR art. 15: the person's data as a readable (tagged) PDF; never cached. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const data = await personalData(locals.ctx, params.projectId, params.caseId, 'pdf');
		const bytes = await renderPdf(personalDataDocument(data));
		return new Response(bytes as BodyInit, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="dati-personali-${data.record.pseudonym}.pdf"`,
				'cache-control': 'no-store'
			}
		});
	});
