import { registerFilter } from '$lib/governance/decision-form';
import { decisionStatusLabel } from '$lib/governance/labels';
import { m } from '$lib/paraglide/messages';
import * as register from '$lib/server/governance/decision-register';
import { toCsv, type CsvColumn } from '$lib/server/export/csv';
import { formatDate } from '$lib/format/dates';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { RequestHandler } from './$types';

type Row = register.RegisterRow;

/** Built per request: headers follow the reader's language. */
const columns = (): CsvColumn<Row>[] => [
	{ header: m.gov_decision_text(), value: (r) => r.text },
	{ header: m.gov_filter_body(), value: (r) => r.bodyName },
	{
		header: m.gov_decision_meeting(),
		value: (r) => (r.meetingStartsAt ? formatDate(r.meetingStartsAt) : '')
	},
	{ header: m.gov_decision_owner_person(), value: (r) => r.ownerPersonName },
	{ header: m.gov_decision_owner_organisation(), value: (r) => r.ownerOrganisationName },
	{ header: m.gov_decision_due(), value: (r) => (r.dueOn ? formatDate(r.dueOn) : '') },
	{ header: m.gov_decision_status(), value: (r) => decisionStatusLabel(r.status) },
	{ header: m.gov_csv_created(), value: (r) => formatDate(r.createdAt) }
];

/** The register as CSV for Italian Excel, with the same filters as the page. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	runEndpoint(async () => {
		const filter = validate(registerFilter, Object.fromEntries(url.searchParams));
		const { rows } = await register.list(locals.ctx, params.projectId, filter, {
			limit: 50_000,
			offset: 0
		});
		return new Response(toCsv(columns(), rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="registro-decisioni.csv"'
			}
		});
	});
