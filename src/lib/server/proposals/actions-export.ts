import { m } from '../../paraglide/messages';
import { formatCents, formatNumber, formatPercent } from '../../format/numbers';
import type { ActionBlock } from '../../proposals/action-block';
import { areaLabel } from '../../proposals/area-label';
import type { RegisterTerm } from '../../proposals/action-register';
import { budget, cronoprogramma } from '../../proposals/derive';
import { plain, type Block, type TableCell } from '../export/document-model';

const cell = (text: string, header = false): TableCell => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: text ? [{ type: 'paragraph', content: plain(text) }] : []
});

/**
 * The action blocks as the export shows them: one table of actions with budget, then the
 * cronoprogramma derived from their months. Same derivation as the canvas (derive.ts).
 */
export function actionTables(
	blocks: readonly ActionBlock[],
	durationMonths: number,
	organisationName: (id: string) => string,
	areas: readonly RegisterTerm[] = [],
	/** False when the author chose a pasted calendar instead (ADR 0186). */
	withCronoprogramma = true
): Block[] {
	if (blocks.length === 0) return [];
	const totals = budget(blocks);
	const header = [
		m.proposal_export_action(),
		m.proposal_export_area(),
		m.proposal_export_targets(),
		m.proposal_export_territories(),
		m.proposal_export_responsible(),
		m.proposal_export_partners(),
		m.proposal_export_budget()
	];
	const actionRows = blocks.map((block) => ({
		header: false,
		cells: [
			cell(block.title),
			cell(areaLabel(block.area, '', areas)),
			cell(block.targets.join(', ')),
			cell(block.territories.join(', ')),
			cell(block.responsibleId ? organisationName(block.responsibleId) : ''),
			cell(block.partnerIds.map(organisationName).join(', ')),
			cell(formatCents(totals.byAction.get(block.id)?.totalCents ?? 0))
		]
	}));
	const totalRow = {
		header: false,
		cells: [
			cell(m.proposal_export_total(), true),
			...Array.from({ length: 5 }, () => cell('')),
			cell(formatCents(totals.total.totalCents), true)
		]
	};
	const months = Array.from({ length: durationMonths }, (_, i) =>
		cell(m.proposal_export_month({ number: i + 1 }), true)
	);
	const crono = cronoprogramma(blocks, durationMonths).map((row) => ({
		header: false,
		cells: [cell(row.title), ...row.months.map((on) => cell(on ? 'X' : ''))]
	}));
	return [
		{ type: 'heading', level: 2, content: plain(m.proposal_export_actions()) },
		{
			type: 'table',
			rows: [{ header: true, cells: header.map((h) => cell(h, true)) }, ...actionRows, totalRow]
		},
		...actionBudgetTable(blocks, organisationName),
		...(withCronoprogramma
			? ([
					{ type: 'heading', level: 2, content: plain(m.proposal_export_cronoprogramma()) },
					{
						type: 'table',
						rows: [
							{ header: true, cells: [cell(m.proposal_export_action(), true), ...months] },
							...crono
						]
					}
				] satisfies Block[])
			: [])
	];
}

/**
 * Each action's budget lines as the block holds them: per partner the public share and the
 * co-financing; then the action's total with its hours, quantity, cost per hour and unit cost
 * (the total divided by them); the last row adds up every action. Then the same money per
 * partner across the actions, with the co-financing's share (issue 14).
 */
export function actionBudgetTable(
	blocks: readonly ActionBlock[],
	organisationName: (id: string) => string
): Block[] {
	if (blocks.every((block) => block.budget.length === 0)) return [];
	const totals = budget(blocks);
	const money = (public_: number, own: number) => [
		cell(formatCents(public_)),
		cell(formatCents(own)),
		cell(formatCents(public_ + own))
	];
	const blank = (count: number) => Array.from({ length: count }, () => cell(''));
	const per = (cents: number, count: number | null) =>
		count ? formatCents(Math.round(cents / count)) : '';
	const rows = blocks.flatMap((block) => {
		const title = block.title || m.canvas_action_untitled();
		const total = totals.byAction.get(block.id);
		const cents = (total?.publicCents ?? 0) + (total?.ownCents ?? 0);
		const quantity =
			block.quantity === null ? '' : `${formatNumber(block.quantity)} ${block.quantityUnit}`.trim();
		return [
			...block.budget.map((line) => ({
				header: false,
				cells: [
					cell(title),
					cell(organisationName(line.organisationId)),
					...blank(4),
					...money(line.publicCents, line.ownCents)
				]
			})),
			{
				header: false,
				cells: [
					cell(title, true),
					cell(m.proposal_export_action_subtotal(), true),
					cell(block.hours === null ? '' : formatNumber(block.hours)),
					cell(quantity),
					cell(per(cents, block.hours)),
					cell(per(cents, block.quantity)),
					...money(total?.publicCents ?? 0, total?.ownCents ?? 0)
				]
			}
		];
	});
	const hours = blocks.reduce((sum, block) => sum + (block.hours ?? 0), 0);
	return [
		{ type: 'heading', level: 2, content: plain(m.proposal_export_budget_by_action()) },
		{
			type: 'table',
			rows: [
				{
					header: true,
					cells: [
						m.proposal_export_action(),
						m.canvas_budget_partner(),
						m.canvas_action_hours(),
						m.canvas_action_quantity(),
						m.proposal_export_hourly_cost(),
						m.proposal_export_unit_cost(),
						m.canvas_budget_public(),
						m.canvas_budget_own(),
						m.proposal_export_total()
					].map((h) => cell(h, true))
				},
				...rows,
				{
					header: false,
					cells: [
						cell(m.proposal_export_total(), true),
						cell(''),
						cell(hours > 0 ? formatNumber(hours) : ''),
						...blank(3),
						...money(totals.total.publicCents, totals.total.ownCents)
					]
				}
			]
		},
		...partnerBudgetTable(totals, organisationName)
	];
}

/** Per partner, across the actions: public share, co-financing, total, co-financing's share. */
function partnerBudgetTable(
	totals: ReturnType<typeof budget>,
	organisationName: (id: string) => string
): Block[] {
	const share = (public_: number, own: number) =>
		public_ + own > 0 ? formatPercent(own / (public_ + own), 1) : '';
	const row = (name: string, public_: number, own: number, header = false) => ({
		header: false,
		cells: [
			cell(name, header),
			cell(formatCents(public_)),
			cell(formatCents(own)),
			cell(formatCents(public_ + own)),
			cell(share(public_, own))
		]
	});
	return [
		{ type: 'heading', level: 2, content: plain(m.proposal_export_budget_by_partner()) },
		{
			type: 'table',
			rows: [
				{
					header: true,
					cells: [
						m.canvas_budget_partner(),
						m.canvas_budget_public(),
						m.canvas_budget_own(),
						m.proposal_export_total(),
						m.proposal_export_cofinancing_share()
					].map((h) => cell(h, true))
				},
				...[...totals.byPartner].map(([id, t]) =>
					row(organisationName(id), t.publicCents, t.ownCents)
				),
				row(m.proposal_export_total(), totals.total.publicCents, totals.total.ownCents, true)
			]
		}
	];
}
