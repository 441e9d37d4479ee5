import { splitByWeights } from './budget-split';

/**
 * The last step of 001 §10e: each partner's public share across the areas it works in
 * (educativa, formativa e orientativa, …, as the partnership records them). Browser-safe, pure.
 *
 * A partner's share goes in equal parts to its areas, with the same largest-remainder rule as
 * the other steps (budget-split.ts), so each partner's areas add up to its share to the cent and
 * the area totals add up to the partners' public total. 001 states no other weight between areas.
 * A partner with no area keeps its share in the "no area" line: shown, never dropped.
 */

export interface AreaPartner {
	organisationId: string;
	publicCents: number;
	areas: readonly string[];
}

export interface AreaSplit {
	/** Cents by area key, per partner. */
	byPartner: Record<string, Record<string, number>>;
	/** Every area in the given order (then any other a partner names), with its total. */
	areas: { key: string; cents: number }[];
	/** Public cents of partners with no area. */
	noAreaCents: number;
	/** Σ areas + no area = Σ partners' public cents. */
	totalCents: number;
}

export function splitAcrossAreas(
	partners: readonly AreaPartner[],
	areaOrder: readonly string[] = []
): AreaSplit {
	const totals = new Map<string, number>(areaOrder.map((key) => [key, 0]));
	const byPartner: AreaSplit['byPartner'] = {};
	let noAreaCents = 0;
	let totalCents = 0;
	for (const p of partners) {
		totalCents += p.publicCents;
		const areas = [...new Set(p.areas)];
		byPartner[p.organisationId] = {};
		if (areas.length === 0) {
			noAreaCents += p.publicCents;
			continue;
		}
		const shares = splitByWeights(
			p.publicCents,
			areas.map((key) => ({ key, weight: 1 }))
		);
		for (const share of shares) {
			byPartner[p.organisationId][share.key] = share.cents;
			totals.set(share.key, (totals.get(share.key) ?? 0) + share.cents);
		}
	}
	return {
		byPartner,
		areas: [...totals.entries()].map(([key, cents]) => ({ key, cents })),
		noAreaCents,
		totalCents
	};
}
