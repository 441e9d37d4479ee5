import { CASE_IMPORT_COLUMNS } from '$lib/cases/csv-import';
import * as records from '$lib/server/cases/records';
import { toCsv } from '$lib/server/export/csv';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { RequestHandler } from './$types';

/** The import's headers and no row: the file a case operator fills in. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		await records.authorizeCreate(locals.ctx, params.projectId);
		const columns = CASE_IMPORT_COLUMNS.map((header) => ({ header, value: () => '' }));
		return new Response(toCsv(columns, []), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="modello-percorsi.csv"',
				'cache-control': 'no-store'
			}
		});
	});
