import { auditFilter } from '$lib/cases/audit-filter';
import { auditActionLabel, auditDetailText } from '$lib/cases/audit-detail';
import { m } from '$lib/paraglide/messages';
import * as auditLog from '$lib/server/cases/audit-log';
import { toCsv, type CsvColumn } from '$lib/server/export/csv';
import { formatDateTime } from '$lib/format/dates';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { RequestHandler } from './$types';

type Row = auditLog.AuditRow;

/** Built per request: headers follow the reader's language. */
const columns = (): CsvColumn<Row>[] => [
	{ header: m.cases_audit_when(), value: (r) => formatDateTime(r.at) },
	{ header: m.cases_audit_actor(), value: (r) => r.actorName ?? m.cases_audit_nobody() },
	{ header: m.cases_audit_action(), value: (r) => auditActionLabel(r.action) },
	{ header: m.cases_pseudonym(), value: (r) => r.pseudonym ?? '' },
	{ header: m.cases_audit_detail(), value: (r) => auditDetailText(r.detail) }
];

/** The filtered log as CSV for Italian Excel, with the same filters as the page; never cached. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const filter = validate(auditFilter, Object.fromEntries(url.searchParams));
		const { rows } = await auditLog.list(locals.ctx, params.projectId, filter, {
			limit: auditLog.EXPORT_LIMIT,
			offset: 0,
			export: true
		});
		return new Response(toCsv(columns(), rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="registro-accessi-percorsi.csv"',
				'cache-control': 'no-store'
			}
		});
	});
