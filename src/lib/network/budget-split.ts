/**
 * Budget split in integer cents (001 §10e: across territories by the resident population of the
 * target age band, then across partners and areas). Browser-safe and pure.
 *
 * Rounding rule — largest remainder (Hamilton): each share gets the floor of its exact quota
 * `total × weight / Σweights`; the cents left over go one each to the shares with the largest
 * fractional parts, ties to the earlier share in the given order. The shares always add up to
 * the total exactly, and no share differs from its exact quota by a cent or more.
 *
 * Overrides: a share can be fixed by hand, with a reason; the rest of the total is split over
 * the other shares by their weights with the same rule.
 */

export interface Weighted {
	key: string;
	weight: number;
}

export interface Override {
	key: string;
	cents: number;
	reason: string;
}

export interface Share {
	key: string;
	weight: number;
	cents: number;
	/** The exact quota before rounding (cents, fractional), for showing the formula. */
	quota: number;
	override: { reason: string } | null;
}

export type SplitProblem =
	| 'total_not_cents'
	| 'weight_invalid'
	| 'no_weight'
	| 'override_unknown'
	| 'override_reason_missing'
	| 'override_not_cents'
	| 'overrides_exceed_total';

export class SplitError extends Error {
	constructor(readonly problem: SplitProblem) {
		super(problem);
		this.name = 'SplitError';
	}
}

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Splits `totalCents` by weight with the largest-remainder rule, after any overrides. */
export function splitByWeights(
	totalCents: number,
	items: readonly Weighted[],
	overrides: readonly Override[] = []
): Share[] {
	if (!isCents(totalCents)) throw new SplitError('total_not_cents');
	if (items.some((i) => !Number.isFinite(i.weight) || i.weight < 0)) {
		throw new SplitError('weight_invalid');
	}
	const keys = new Set(items.map((i) => i.key));
	const fixed = new Map<string, Override>();
	for (const o of overrides) {
		if (!keys.has(o.key)) throw new SplitError('override_unknown');
		if (!isCents(o.cents)) throw new SplitError('override_not_cents');
		if (o.reason.trim() === '') throw new SplitError('override_reason_missing');
		fixed.set(o.key, o);
	}
	const fixedSum = [...fixed.values()].reduce((sum, o) => sum + o.cents, 0);
	if (fixedSum > totalCents) throw new SplitError('overrides_exceed_total');
	const rest = totalCents - fixedSum;
	const free = items.filter((i) => !fixed.has(i.key));
	const weightSum = free.reduce((sum, i) => sum + i.weight, 0);
	if (rest > 0 && weightSum === 0) throw new SplitError('no_weight');

	const quotas = free.map((i) => (weightSum === 0 ? 0 : (rest * i.weight) / weightSum));
	const floors = quotas.map((q) => Math.floor(q + 1e-9));
	let left = rest - floors.reduce((sum, f) => sum + f, 0);
	const order = quotas
		.map((q, index) => ({ index, fraction: q - floors[index] }))
		.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
	for (const { index } of order) {
		if (left <= 0) break;
		floors[index] += 1;
		left -= 1;
	}
	const byKey = new Map(
		free.map((i, index) => [i.key, { cents: floors[index], quota: quotas[index] }])
	);
	return items.map((i) => {
		const o = fixed.get(i.key);
		if (o) {
			return {
				key: i.key,
				weight: i.weight,
				cents: o.cents,
				quota: o.cents,
				override: { reason: o.reason }
			};
		}
		const s = byKey.get(i.key)!;
		return { key: i.key, weight: i.weight, cents: s.cents, quota: s.quota, override: null };
	});
}

/** Territories by resident population of the target age band (001's rule). */
export function splitByPopulation(
	totalCents: number,
	districts: readonly { id: string; population: number | null }[],
	overrides: readonly Override[] = []
): Share[] {
	return splitByWeights(
		totalCents,
		districts.map((d) => ({ key: d.id, weight: d.population ?? 0 })),
		overrides
	);
}
