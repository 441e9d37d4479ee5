import { splitByPopulation, splitByWeights, type Override, type Share } from './budget-split';

/**
 * The project's budget plan (001 §10e) from the pure split: the public share across territories
 * by the resident population of the target age band, then each territory's share across the
 * partners that work there; each partner's cofinanziamento beside its public share.
 *
 * Within a territory the share goes in equal parts to the partners that hold budget there
 * (lead, institutional and operating partners; a partner without territories works on the whole
 * area). 001 places partners by area and territory but states no other weight, so equal parts
 * are the neutral rule; a territory's share can be fixed by hand with a reason.
 */

export const BUDGET_ROLES = ['lead', 'institutional_partner', 'operating_partner'] as const;

export interface PlanTerritory {
	id: string;
	name: string;
	population: number | null;
}

export interface PlanPartner {
	organisationId: string;
	name: string;
	role: string;
	/** Top-level territories the partner works in; empty = the whole project area. */
	territoryIds: readonly string[];
	cofinancingCents: number;
}

export interface TerritoryLine extends Share {
	name: string;
	population: number | null;
	/** Cents per partner in this territory; nothing when no partner works there. */
	partners: { organisationId: string; cents: number }[];
}

export interface PartnerLine {
	organisationId: string;
	name: string;
	role: string;
	publicCents: number;
	cofinancingCents: number;
	totalCents: number;
	byTerritory: Record<string, number>;
}

export interface BudgetPlan {
	territories: TerritoryLine[];
	partners: PartnerLine[];
	/** Public cents of territories where no partner holds budget: shown, never hidden. */
	unassignedCents: number;
	totals: { publicCents: number; cofinancingCents: number; totalCents: number };
}

const holdsBudget = (role: string) => (BUDGET_ROLES as readonly string[]).includes(role);

export function planBudget(
	publicCents: number,
	territories: readonly PlanTerritory[],
	partners: readonly PlanPartner[],
	overrides: readonly Override[] = []
): BudgetPlan {
	const shares = splitByPopulation(publicCents, territories, overrides);
	const holders = partners.filter((p) => holdsBudget(p.role));
	const lines = new Map<string, PartnerLine>(
		holders.map((p) => [
			p.organisationId,
			{
				organisationId: p.organisationId,
				name: p.name,
				role: p.role,
				publicCents: 0,
				cofinancingCents: p.cofinancingCents,
				totalCents: 0,
				byTerritory: {}
			}
		])
	);
	let unassignedCents = 0;
	const territoryLines = shares.map((share, index): TerritoryLine => {
		const territory = territories[index];
		const here = holders.filter(
			(p) => p.territoryIds.length === 0 || p.territoryIds.includes(territory.id)
		);
		if (here.length === 0) {
			unassignedCents += share.cents;
			return { ...share, name: territory.name, population: territory.population, partners: [] };
		}
		const parts = splitByWeights(
			share.cents,
			here.map((p) => ({ key: p.organisationId, weight: 1 }))
		);
		for (const part of parts) {
			const line = lines.get(part.key)!;
			line.publicCents += part.cents;
			line.byTerritory[territory.id] = part.cents;
		}
		return {
			...share,
			name: territory.name,
			population: territory.population,
			partners: parts.map((p) => ({ organisationId: p.key, cents: p.cents }))
		};
	});
	const partnerLines = [...lines.values()].map((line) => ({
		...line,
		totalCents: line.publicCents + line.cofinancingCents
	}));
	const cofinancingCents = partnerLines.reduce((sum, p) => sum + p.cofinancingCents, 0);
	return {
		territories: territoryLines,
		partners: partnerLines,
		unassignedCents,
		totals: { publicCents, cofinancingCents, totalCents: publicCents + cofinancingCents }
	};
}
