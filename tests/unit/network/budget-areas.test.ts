import { describe, expect, it } from 'vitest';
import { splitAcrossAreas } from '../../../src/lib/network/budget-areas';

const ORDER = ['educativa', 'formativa', 'esperienziale', 'comunita'];

describe('the budget across areas: each partner in equal parts over its areas', () => {
	it('splits 100,00 € over three areas with the largest remainder, the first area first', () => {
		const split = splitAcrossAreas(
			[{ organisationId: 'a', publicCents: 10_000, areas: ['formativa', 'educativa', 'comunita'] }],
			ORDER
		);
		// 10000 / 3 = 3333.33 each: the one cent left goes to the first of the partner's areas.
		expect(split.byPartner.a).toEqual({ formativa: 3334, educativa: 3333, comunita: 3333 });
		expect(split.areas).toEqual([
			{ key: 'educativa', cents: 3333 },
			{ key: 'formativa', cents: 3334 },
			{ key: 'esperienziale', cents: 0 },
			{ key: 'comunita', cents: 3333 }
		]);
	});

	it('adds the partners up by area, and the areas up to the partners’ total, to the cent', () => {
		const partners = [
			{ organisationId: 'a', publicCents: 6667, areas: ['educativa', 'formativa'] },
			{ organisationId: 'b', publicCents: 3333, areas: ['formativa', 'esperienziale', 'comunita'] },
			{ organisationId: 'c', publicCents: 1, areas: ['educativa', 'comunita'] },
			{ organisationId: 'd', publicCents: 999, areas: [] }
		];
		const split = splitAcrossAreas(partners, ORDER);
		expect(split.byPartner.a).toEqual({ educativa: 3334, formativa: 3333 });
		expect(split.byPartner.b).toEqual({ formativa: 1111, esperienziale: 1111, comunita: 1111 });
		expect(split.byPartner.c).toEqual({ educativa: 1, comunita: 0 });
		expect(split.byPartner.d).toEqual({});
		expect(split.noAreaCents).toBe(999);
		expect(split.areas.map((a) => a.cents)).toEqual([3335, 4444, 1111, 1111]);
		const sum = split.areas.reduce((s, a) => s + a.cents, 0) + split.noAreaCents;
		expect(sum).toBe(6667 + 3333 + 1 + 999);
		expect(split.totalCents).toBe(sum);
		for (const p of partners.filter((p) => p.areas.length > 0)) {
			const own = Object.values(split.byPartner[p.organisationId]).reduce((s, c) => s + c, 0);
			expect(own).toBe(p.publicCents);
		}
	});

	it('counts an area named twice once, and keeps an area outside the list after the others', () => {
		const split = splitAcrossAreas(
			[{ organisationId: 'a', publicCents: 101, areas: ['governance', 'educativa', 'educativa'] }],
			ORDER
		);
		expect(split.byPartner.a).toEqual({ governance: 51, educativa: 50 });
		expect(split.areas.map((a) => a.key)).toEqual([...ORDER, 'governance']);
	});

	it('holds exact over many partners with awkward amounts', () => {
		const partners = Array.from({ length: 37 }, (_, i) => ({
			organisationId: `p${i}`,
			publicCents: 1_000_003 + i * 7919,
			areas: ORDER.slice(0, 1 + (i % 4))
		}));
		const split = splitAcrossAreas(partners, ORDER);
		const expected = partners.reduce((s, p) => s + p.publicCents, 0);
		expect(split.areas.reduce((s, a) => s + a.cents, 0) + split.noAreaCents).toBe(expected);
		expect(split.areas.every((a) => Number.isSafeInteger(a.cents))).toBe(true);
	});
});
