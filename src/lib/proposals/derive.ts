import type { ActionBlock } from './action-block';

/**
 * What Tavolo derives from the action blocks, with no retyping: the cronoprogramma, the
 * partner × area × target × territory matrix and the budget. Pure, so the canvas recomputes
 * them on every change of the live document and the export uses the very same numbers.
 */

export interface CronoRow {
	actionId: string;
	title: string;
	/** months[i] is month i + 1 of the project. */
	months: boolean[];
}

/** Actions × months (001 section 7). Months beyond the duration are ignored, not an error. */
export function cronoprogramma(blocks: readonly ActionBlock[], durationMonths: number): CronoRow[] {
	return blocks.map((block) => {
		const months = Array.from({ length: durationMonths }, () => false);
		for (const month of block.months) if (month <= durationMonths) months[month - 1] = true;
		return { actionId: block.id, title: block.title, months };
	});
}

/** The last month any action uses: a default duration when the project has none. */
export function lastMonth(blocks: readonly ActionBlock[]): number {
	return blocks.reduce((max, block) => Math.max(max, ...block.months), 0);
}

export interface MatrixCell {
	organisationId: string;
	area: string | null;
	target: string | null;
	territory: string | null;
	role: 'responsible' | 'partner';
	actionIds: string[];
}

/** Who does what, where and for whom: one cell per partner × area × target × territory. */
export function partnerMatrix(blocks: readonly ActionBlock[]): MatrixCell[] {
	const cells = new Map<string, MatrixCell>();
	for (const block of blocks) {
		const people = [
			...(block.responsibleId ? [{ id: block.responsibleId, role: 'responsible' as const }] : []),
			...block.partnerIds
				.filter((id) => id !== block.responsibleId)
				.map((id) => ({ id, role: 'partner' as const }))
		];
		const targets = block.targets.length ? block.targets : [null];
		const territories = block.territories.length ? block.territories : [null];
		for (const { id, role } of people) {
			for (const target of targets) {
				for (const territory of territories) {
					const key = JSON.stringify([id, block.area, target, territory, role]);
					const cell = cells.get(key) ?? {
						organisationId: id,
						area: block.area,
						target,
						territory,
						role,
						actionIds: []
					};
					cell.actionIds.push(block.id);
					cells.set(key, cell);
				}
			}
		}
	}
	return [...cells.values()];
}

export interface BudgetTotal {
	publicCents: number;
	ownCents: number;
	totalCents: number;
}

const zero = (): BudgetTotal => ({ publicCents: 0, ownCents: 0, totalCents: 0 });

function add(total: BudgetTotal, publicCents: number, ownCents: number): void {
	total.publicCents += publicCents;
	total.ownCents += ownCents;
	total.totalCents += publicCents + ownCents;
}

export interface Budget {
	byPartner: Map<string, BudgetTotal>;
	byAction: Map<string, BudgetTotal>;
	total: BudgetTotal;
}

/** One action's budget lines summed: what the block shows under its lines. */
export function actionTotal(block: ActionBlock): BudgetTotal {
	return budget([block]).total;
}

/** Budget by partner and by action; both add up to the same total, in cents (no rounding drift). */
export function budget(blocks: readonly ActionBlock[]): Budget {
	const result: Budget = { byPartner: new Map(), byAction: new Map(), total: zero() };
	for (const block of blocks) {
		const action = result.byAction.get(block.id) ?? zero();
		result.byAction.set(block.id, action);
		for (const line of block.budget) {
			const partner = result.byPartner.get(line.organisationId) ?? zero();
			result.byPartner.set(line.organisationId, partner);
			add(partner, line.publicCents, line.ownCents);
			add(action, line.publicCents, line.ownCents);
			add(result.total, line.publicCents, line.ownCents);
		}
	}
	return result;
}
