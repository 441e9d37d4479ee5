import { describe, expect, it } from 'vitest';
import {
	SplitError,
	splitByPopulation,
	splitByWeights
} from '../../../src/lib/network/budget-split';

const sum = (shares: { cents: number }[]) => shares.reduce((s, x) => s + x.cents, 0);

describe('budget split by population, in integer cents', () => {
	// 001 §5, target 1 (13-29): Legnano 10.369, Magenta 19.424, Abbiategrasso 12.486 residents.
	const districts = [
		{ id: 'legnano', population: 10_369 },
		{ id: 'magentino', population: 19_424 },
		{ id: 'abbiatense', population: 12_486 }
	];

	it('adds up to the total exactly, each share within a cent of its quota', () => {
		const shares = splitByPopulation(100_000_00, districts);
		expect(sum(shares)).toBe(100_000_00);
		for (const s of shares) expect(Math.abs(s.cents - s.quota)).toBeLessThan(1);
		// Hand check: 10,000,000 × 10,369 / 42,279 = 2,452,517.798…, floor 2,452,517.
		expect(shares[0].quota).toBeCloseTo(2_452_517.798, 2);
		expect(shares[0].cents).toBeGreaterThanOrEqual(2_452_517);
	});

	it('gives leftover cents to the largest remainders, ties to the earlier share', () => {
		expect(
			splitByWeights(
				100,
				[1, 1, 1].map((w, i) => ({ key: `k${i}`, weight: w }))
			).map((s) => s.cents)
		).toEqual([34, 33, 33]);
		expect(
			splitByWeights(10, [
				{ key: 'a', weight: 1 },
				{ key: 'b', weight: 2 }
			]).map((s) => s.cents)
		).toEqual([3, 7]);
		expect(
			splitByWeights(1, [
				{ key: 'a', weight: 1 },
				{ key: 'b', weight: 1 }
			]).map((s) => s.cents)
		).toEqual([1, 0]);
	});

	it('stays exact on awkward totals and many shares', () => {
		const many = Array.from({ length: 97 }, (_, i) => ({
			key: String(i),
			weight: (i * 7919) % 101
		}));
		for (const total of [0, 1, 99, 12_345_67, 999_999_999]) {
			expect(sum(splitByWeights(total, many))).toBe(total);
		}
	});

	it('keeps an override with its reason and splits the rest by weight', () => {
		const shares = splitByPopulation(100_000_00, districts, [
			{ key: 'magentino', cents: 50_000_00, reason: 'Decisione della cabina di regia del 3 marzo' }
		]);
		expect(sum(shares)).toBe(100_000_00);
		expect(shares[1]).toMatchObject({
			cents: 50_000_00,
			override: { reason: expect.stringContaining('cabina') }
		});
		// The other 50,000 € by 10,369 : 12,486.
		expect(shares[0].cents + shares[2].cents).toBe(50_000_00);
		expect(shares[0].cents).toBe(Math.round((50_000_00 * 10_369) / 22_855));
	});

	it('refuses what cannot be split', () => {
		const problem = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return (e as SplitError).problem;
			}
			return null;
		};
		expect(problem(() => splitByWeights(10.5, [{ key: 'a', weight: 1 }]))).toBe('total_not_cents');
		expect(problem(() => splitByWeights(10, [{ key: 'a', weight: 0 }]))).toBe('no_weight');
		expect(problem(() => splitByWeights(10, [{ key: 'a', weight: -1 }]))).toBe('weight_invalid');
		expect(
			problem(() =>
				splitByWeights(10, [{ key: 'a', weight: 1 }], [{ key: 'a', cents: 11, reason: 'x' }])
			)
		).toBe('overrides_exceed_total');
		expect(
			problem(() =>
				splitByWeights(10, [{ key: 'a', weight: 1 }], [{ key: 'a', cents: 5, reason: ' ' }])
			)
		).toBe('override_reason_missing');
		expect(
			problem(() =>
				splitByWeights(10, [{ key: 'a', weight: 1 }], [{ key: 'z', cents: 5, reason: 'x' }])
			)
		).toBe('override_unknown');
		// A district without a population figure gets nothing; the source left it blank (001 §5).
		expect(
			splitByPopulation(100, [
				{ id: 'a', population: null },
				{ id: 'b', population: 5 }
			]).map((s) => s.cents)
		).toEqual([0, 100]);
	});
});
