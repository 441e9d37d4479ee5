import { m } from '../../paraglide/messages';
import { formatCents, formatNumber } from '../../format/numbers';
import { roleLabel } from '../../network/labels';
import type { Block, TableRow } from '../export/document-model';
import type { BudgetView } from './budget';

/**
 * The budget split (001 §10e) as blocks of the neutral export document, so DOCX, ODT and PDF of
 * a proposal carry it as real tables with header rows: by territory, by partner (public share,
 * cofinanziamento, total) and by area. Amounts are the plan's integer cents, formatted only here.
 */

const text = (value: string) => [{ type: 'text' as const, text: value }];
const cell = (value: string, header = false) => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph' as const, content: text(value) }]
});
const row = (values: string[], header = false): TableRow => ({
	header,
	cells: values.map((v, i) => cell(v, header || i === 0))
});
const paragraph = (value: string, style?: 'note'): Block => ({
	type: 'paragraph',
	content: text(value),
	...(style ? { style } : {})
});
const heading = (value: string): Block => ({ type: 'heading', level: 3, content: text(value) });

/** Nothing when the public share is not set yet (or cannot be split): the export stays silent. */
export function budgetBlocks(view: BudgetView, locale?: string): Block[] {
	const plan = view.plan;
	if (!plan) return [];
	const money = (cents: number) => formatCents(cents, locale);
	const blocks: Block[] = [
		paragraph(m.network_budget_formula()),
		paragraph(m.network_budget_rounding(), 'note'),
		heading(m.network_budget_by_territory()),
		{
			type: 'table',
			rows: [
				row(
					[m.network_budget_territory(), m.network_budget_population(), m.network_budget_public()],
					true
				),
				...plan.territories.map((t) =>
					row([
						t.name,
						t.population === null ? '—' : formatNumber(t.population, {}, locale),
						money(t.cents)
					])
				),
				row([m.network_budget_total(), '', money(plan.totals.publicCents)])
			]
		},
		heading(m.network_budget_by_partner()),
		{
			type: 'table',
			rows: [
				row(
					[
						m.partnership_organisation(),
						m.partnership_role(),
						m.network_budget_public(),
						m.network_budget_cofinancing(),
						m.network_budget_total()
					],
					true
				),
				...plan.partners.map((p) =>
					row([
						p.name,
						roleLabel(p.role),
						money(p.publicCents),
						money(p.cofinancingCents),
						money(p.totalCents)
					])
				),
				row([
					m.network_budget_total(),
					'',
					money(plan.totals.publicCents - plan.unassignedCents),
					money(plan.totals.cofinancingCents),
					money(plan.totals.totalCents - plan.unassignedCents)
				])
			]
		}
	];
	if (plan.unassignedCents > 0) {
		blocks.push(
			paragraph(m.network_budget_unassigned({ amount: money(plan.unassignedCents) }), 'note')
		);
	}
	const split = view.areaSplit;
	if (split) {
		const areaName = new Map(view.areas.map((a) => [a.key, a.label]));
		blocks.push(
			heading(m.network_budget_by_area()),
			paragraph(m.network_budget_area_rule(), 'note'),
			{
				type: 'table',
				rows: [
					row(
						[
							m.partnership_organisation(),
							...split.areas.map((a) => areaName.get(a.key) ?? a.key),
							m.network_budget_no_area(),
							m.network_budget_public()
						],
						true
					),
					...plan.partners.map((p) => {
						const own = split.byPartner[p.organisationId] ?? {};
						const none = Object.keys(own).length === 0;
						return row([
							p.name,
							...split.areas.map((a) => (own[a.key] === undefined ? '—' : money(own[a.key]))),
							none ? money(p.publicCents) : '—',
							money(p.publicCents)
						]);
					}),
					row([
						m.network_budget_total(),
						...split.areas.map((a) => money(a.cents)),
						money(split.noAreaCents),
						money(split.totalCents)
					])
				]
			}
		);
	}
	return blocks;
}
