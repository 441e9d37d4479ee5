import { z } from 'zod';

/** The four methodological areas of 001 (area educativa, formativa e orientativa, …). */
export const ACTION_AREAS = [
	'educativa',
	'formativa_orientativa',
	'esperienziale',
	'comunita'
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
	area: z.enum(ACTION_AREAS).nullable().catch(null),
	targets: names,
	territories: names,
	responsibleId: z.string().min(1).nullable().catch(null),
	partnerIds: names,
	months: z.array(z.number().int().positive()).catch([]),
	hours: z.number().nonnegative().nullable().catch(null),
	quantity: z.number().nonnegative().nullable().catch(null),
	quantityUnit: z.string().catch(''),
	budget: z.array(budgetLine.catch({ organisationId: '', publicCents: 0, ownCents: 0 })).catch([])
});

export type ActionBlock = z.infer<typeof actionBlockSchema>;

/** Blocks without an id cannot be referenced and are skipped; the rest are normalised. */
export function readActionBlocks(raw: readonly unknown[]): ActionBlock[] {
	const blocks: ActionBlock[] = [];
	for (const item of raw) {
		const parsed = actionBlockSchema.safeParse(item);
		if (!parsed.success) continue;
		const block = parsed.data;
		block.months = [...new Set(block.months)].sort((a, b) => a - b);
		block.budget = block.budget.filter((line) => line.organisationId !== '');
		blocks.push(block);
	}
	return blocks;
}

export function emptyActionBlock(id: string): ActionBlock {
	return actionBlockSchema.parse({ id });
}
