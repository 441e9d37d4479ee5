import { z } from 'zod';

/**
 * The four methodological areas of 001 (area educativa, formativa e orientativa, …) plus the
 * project's own work (governance, monitoring, reporting): the areas a block offers when its
 * project has not configured its own list (the partnership's areas).
 */
export const ACTION_AREAS = [
	'educativa',
	'formativa_orientativa',
	'esperienziale',
	'comunita',
	'governance',
	'monitoraggio',
	'rendicontazione'
] as const;
export type ActionArea = (typeof ACTION_AREAS)[number];

/** The live document holding a proposal's action blocks, and the array inside it. */
export const ACTIONS_ARRAY = 'actions';

const cents = z.number().int().nonnegative().catch(0);
const names = z.array(z.string().trim().min(1)).catch([]);

/** One partner's share of an action's budget: public funding and own contribution, in cents. */
const budgetLine = z.object({
	organisationId: z.string().min(1),
	publicCents: cents,
	ownCents: cents
});

/**
 * An action block as co-edited in section 5 (a Y.Map per block, read with toJSON()).
 * Blocks are edited live and may be half filled: every field falls back to an empty value
 * instead of failing, so derivations never break while someone is typing.
 */
export const actionBlockSchema = z.object({
	id: z.string().min(1),
	title: z.string().catch(''),
	/** A key of the project's area list, or of ACTION_AREAS; kept when the list later drops it. */
	area: z
		.string()
		.regex(/^[a-z0-9_]{1,60}$/)
		.nullable()
		.catch(null),
	targets: names,
	territories: names,
	responsibleId: z.string().min(1).nullable().catch(null),
	partnerIds: names,
	months: z.array(z.number().int().positive()).catch([]),
	hours: z.number().nonnegative().nullable().catch(null),
	quantity: z.number().nonnegative().nullable().catch(null),
	quantityUnit: z.string().catch(''),
	budget: z.array(budgetLine.catch({ organisationId: '', publicCents: 0, ownCents: 0 })).catch([]),
	/**
	 * The block's place among the others. Kept as a key of its map rather than as its index in
	 * the array: a move then sets two numbers, and a partner editing the moved block keeps the edit.
	 */
	order: z.number().finite().nullable().catch(null)
});

export type ActionBlock = z.infer<typeof actionBlockSchema>;

/** Blocks without an id cannot be referenced and are skipped; the rest are normalised. */
export function readActionBlocks(raw: readonly unknown[]): ActionBlock[] {
	const blocks: { block: ActionBlock; place: number; index: number }[] = [];
	for (const [index, item] of raw.entries()) {
		const parsed = actionBlockSchema.safeParse(item);
		if (!parsed.success) continue;
		const block = parsed.data;
		block.months = [...new Set(block.months)].sort((a, b) => a - b);
		block.budget = block.budget.filter((line) => line.organisationId !== '');
		// Blocks written before reordering existed have no order: their index stands for it.
		blocks.push({ block, place: block.order ?? index, index });
	}
	return blocks.sort((a, b) => a.place - b.place || a.index - b.index).map(({ block }) => block);
}

/**
 * The orders that move the block at `from` (in reading order) by one place: the two neighbours
 * swap their order numbers. Every block gets a number, so legacy blocks without one stay put.
 */
export function swapOrders(
	blocks: readonly ActionBlock[],
	from: number,
	delta: -1 | 1
): Map<string, number> | null {
	const to = from + delta;
	if (from < 0 || to < 0 || from >= blocks.length || to >= blocks.length) return null;
	const orders = new Map(blocks.map((block, index) => [block.id, index]));
	orders.set(blocks[from].id, to);
	orders.set(blocks[to].id, from);
	return orders;
}

export function emptyActionBlock(id: string): ActionBlock {
	return actionBlockSchema.parse({ id });
}
