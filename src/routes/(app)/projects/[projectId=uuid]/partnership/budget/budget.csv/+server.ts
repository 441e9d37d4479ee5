import * as budget from '$lib/server/network/budget';
import { toCsv } from '$lib/server/export/csv';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { BudgetPlan } from '$lib/network/budget-plan';
import type { AreaSplit } from '$lib/network/budget-areas';
import type { RequestHandler } from './$types';

interface Row {
	territory: string;
	population: number | null;
	organisation: string;
	publicCents: number;
	cofinancingCents: number | null;
	area?: string;
}

const euro = (cents: number | null) => (cents === null ? null : cents / 100);

/**
 * One row per territory and partner (public share; a territory without partners has one row
 * with no partner), then one per partner with its whole public share and cofinanziamento, then
 * one per partner and area it works in (its public share split across them), then the project's
 * totals.
 */
function rowsOf(plan: BudgetPlan, split: AreaSplit | null, areaName: Map<string, string>): Row[] {
	const names = new Map(plan.partners.map((p) => [p.organisationId, p.name]));
	const rows: Row[] = [];
	for (const t of plan.territories) {
		const parts = t.partners.length > 0 ? t.partners : [{ organisationId: '', cents: t.cents }];
		for (const p of parts) {
			rows.push({
				territory: t.name,
				population: t.population,
				organisation: names.get(p.organisationId) ?? '',
				publicCents: p.cents,
				cofinancingCents: null
			});
		}
	}
	for (const p of plan.partners) {
		rows.push({
			territory: 'TOTALE PARTNER',
			population: null,
			organisation: p.name,
			publicCents: p.publicCents,
			cofinancingCents: p.cofinancingCents
		});
	}
	for (const p of split ? plan.partners : []) {
		for (const [key, cents] of Object.entries(split!.byPartner[p.organisationId] ?? {})) {
			rows.push({
				territory: 'TOTALE PARTNER PER AREA',
				population: null,
				organisation: p.name,
				publicCents: cents,
				cofinancingCents: null,
				area: areaName.get(key) ?? key
			});
		}
	}
	rows.push({
		territory: 'TOTALE PROGETTO',
		population: null,
		organisation: '',
		publicCents: plan.totals.publicCents,
		cofinancingCents: plan.totals.cofinancingCents
	});
	return rows;
}

/**
 * The budget split as CSV, stable Italian headers, amounts in euro with a decimal comma. Before
 * the public share is entered it holds the headers only.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const view = await budget.budgetOf(locals.ctx, params.projectId);
		const csv = toCsv<Row>(
			[
				{ header: 'territorio', value: (r) => r.territory },
				{ header: 'popolazione_target', value: (r) => r.population },
				{ header: 'partner', value: (r) => r.organisation },
				{ header: 'quota_pubblica_euro', value: (r) => euro(r.publicCents) },
				{ header: 'cofinanziamento_euro', value: (r) => euro(r.cofinancingCents) },
				{ header: 'area', value: (r) => r.area ?? null }
			],
			view.plan
				? rowsOf(view.plan, view.areaSplit, new Map(view.areas.map((a) => [a.key, a.label])))
				: []
		);
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="ripartizione-budget.csv"',
				'cache-control': 'no-store'
			}
		});
	});
