import { ORGANISATION_COLUMNS } from '$lib/network/csv-import';
import { toCsv } from '$lib/server/export/csv';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { exportOrganisations } from '$lib/server/network/import';
import type { RequestHandler } from './$types';

/** The project's organisations in the columns the import reads. */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const rows = await exportOrganisations(locals.ctx, params.projectId);
		const columns = ORGANISATION_COLUMNS.map((header, i) => ({
			header,
			value: (row: string[]) => row[i]
		}));
		return new Response(toCsv(columns, rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="organizzazioni-rete.csv"',
				'cache-control': 'no-store'
			}
		});
	});
