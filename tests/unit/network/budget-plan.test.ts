import { describe, expect, it } from 'vitest';
import { planBudget } from '../../../src/lib/network/budget-plan';
import { parseEuroToCents } from '../../../src/lib/network/budget-form';

const territories = [
	{ id: 'a', name: 'A', population: 1 },
	{ id: 'b', name: 'B', population: 2 },
	{ id: 'c', name: 'C', population: null }
];

describe('the budget plan: territories by population, then partners in equal parts', () => {
	it('splits 100,00 € over 1 : 2 and three partners, every cent accounted for', () => {
		const plan = planBudget(10_000, territories, [
			{
				organisationId: 'lead',
				name: 'Lead',
				role: 'lead',
				territoryIds: [],
				cofinancingCents: 500
			},
			{
				organisationId: 'p',
				name: 'P',
				role: 'operating_partner',
				territoryIds: ['b'],
				cofinancingCents: 0
			},
			{
				organisationId: 'n',
				name: 'N',
				role: 'network_member',
				territoryIds: [],
				cofinancingCents: 99
			}
		]);
		// 10000 × 1/3 = 3333.33 → 3333; 10000 × 2/3 = 6666.67 → 6667 (largest remainder).
		expect(plan.territories.map((t) => t.cents)).toEqual([3333, 6667, 0]);
		// B: 6667 in two equal parts → 3334 to the first (the lead), 3333 to P.
		const byId = Object.fromEntries(plan.partners.map((p) => [p.organisationId, p]));
		expect(byId.lead.publicCents).toBe(3333 + 3334);
		expect(byId.lead.byTerritory).toEqual({ a: 3333, b: 3334, c: 0 });
		expect(byId.p.publicCents).toBe(3333);
		expect(byId.p.byTerritory).toEqual({ b: 3333 });
		// A network member holds no budget, its cofinancing is not counted.
		expect(byId.n).toBeUndefined();
		expect(plan.totals).toEqual({ publicCents: 10_000, cofinancingCents: 500, totalCents: 10_500 });
		expect(plan.unassignedCents).toBe(0);
	});

	it('keeps a territory without partners visible as unassigned, and applies an override', () => {
		const plan = planBudget(
			10_000,
			territories.slice(0, 2),
			[
				{
					organisationId: 'p',
					name: 'P',
					role: 'operating_partner',
					territoryIds: ['b'],
					cofinancingCents: 0
				}
			],
			[{ key: 'a', cents: 1_000, reason: 'accordo della cabina di regia' }]
		);
		expect(plan.territories.map((t) => t.cents)).toEqual([1_000, 9_000]);
		expect(plan.territories[0].override).toEqual({ reason: 'accordo della cabina di regia' });
		expect(plan.unassignedCents).toBe(1_000);
		expect(plan.partners[0].publicCents).toBe(9_000);
	});
});

describe('euro amounts as typed in Italy', () => {
	it.each([
		['1.234,56', 123_456],
		['1234,5', 123_450],
		['1234.56', 123_456],
		['250.000', 25_000_000],
		['250000', 25_000_000],
		[' 12 € ', 1_200],
		['0,01', 1]
	])('%s → %i cents', (text, cents) => expect(parseEuroToCents(text)).toBe(cents));

	it.each(['', 'abc', '1,234.56', '12,345', '-5', '1.23.4', '1,2,3'])('refuses %j', (text) =>
		expect(parseEuroToCents(text)).toBeNull()
	);
});
