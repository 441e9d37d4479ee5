import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * Euro amounts as people type them in Italy ("1.234,56", "1234,5", "1234.56", "1234") to integer
 * cents; anything else is refused rather than guessed.
 */
export function parseEuroToCents(text: string): number | null {
	const t = text.trim().replace(/\s|€/g, '');
	let whole: string;
	let fraction = '';
	const italian = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
	const plain = /^(\d+)\.(\d{1,2})$/.exec(t);
	if (italian) {
		whole = italian[1].replace(/\./g, '');
		fraction = italian[2] ?? '';
	} else if (plain) {
		whole = plain[1];
		fraction = plain[2];
	} else return null;
	const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	return Number.isSafeInteger(cents) ? cents : null;
}

const euro = z.string().transform((value, ctx) => {
	const cents = parseEuroToCents(value);
	if (cents === null) {
		ctx.addIssue({ code: 'custom', message: m.network_budget_amount_invalid() });
		return z.NEVER;
	}
	return cents;
});

/** The public share to split and the population band (age band on a date) that weighs it. */
export const budgetForm = z.object({
	publicCents: euro,
	band: z
		.string()
		.regex(/^\d+-\d+@\d{4}-\d{2}-\d{2}$/, { error: () => m.network_budget_band_invalid() })
});
export type BudgetInput = z.infer<typeof budgetForm>;

export const cofinancingForm = z.object({ organisationId: z.uuid(), cents: euro });

export const overrideForm = z.object({
	districtId: z.uuid(),
	cents: euro,
	reason: z
		.string()
		.trim()
		.min(1, { error: () => m.network_budget_reason_missing() })
		.max(2000)
});
export type OverrideInput = z.infer<typeof overrideForm>;

export const removeOverrideForm = z.object({ districtId: z.uuid() });

/** "13-28@2019-01-01": a population band as one form value. */
export const bandKey = (b: { ageFrom: number; ageTo: number; referenceDate: string }) =>
	`${b.ageFrom}-${b.ageTo}@${b.referenceDate}`;

export function parseBand(key: string): { ageFrom: number; ageTo: number; referenceDate: string } {
	const [ages, referenceDate] = key.split('@');
	const [ageFrom, ageTo] = ages.split('-').map(Number);
	return { ageFrom, ageTo, referenceDate };
}
