import { describe, expect, it } from 'vitest';
import { buildTerritoryTree, totalsOf } from '../../../src/lib/server/territories/territory-tree';

const d = (id: string, parentId: string | null = null) => ({ id, name: `Ambito ${id}`, parentId });
const m = (districtId: string, name: string, population: number | null) => ({
	id: `${districtId}-${name}`,
	districtId,
	name,
	population
});

describe('buildTerritoryTree', () => {
	it('nests sub-districts and adds their comuni to the totals', () => {
		const tree = buildTerritoryTree(
			['a'],
			[d('a'), d('b', 'a'), d('c', 'a'), d('x')],
			[m('a', 'Uno', 10), m('b', 'Due', 20), m('c', 'Tre', 30), m('x', 'Altro', 99)],
			[]
		);
		expect(tree).toHaveLength(1);
		expect(tree[0].subdistricts.map((s) => s.id)).toEqual(['b', 'c']);
		expect(tree[0].totals).toEqual({ municipalities: 3, population: 60 });
		expect(totalsOf(tree)).toEqual({ municipalities: 3, population: 60 });
	});

	it('leaves the population total unknown when one comune lacks it', () => {
		const tree = buildTerritoryTree(
			['a'],
			[d('a'), d('b', 'a')],
			[m('a', 'Uno', 10), m('b', 'Due', null)],
			[]
		);
		expect(tree[0].totals).toEqual({ municipalities: 2, population: null });
		expect(tree[0].subdistricts[0].totals.population).toBeNull();
	});

	it('sorts comuni the Italian way and stops at a cycle in bad data', () => {
		const tree = buildTerritoryTree(
			['a'],
			[d('a', 'b'), d('b', 'a')],
			[m('a', 'Zelo', 1), m('a', 'Àrese', 1), m('a', 'Bubbiano', 1)],
			[]
		);
		expect(tree[0].municipalities.map((x) => x.name)).toEqual(['Àrese', 'Bubbiano', 'Zelo']);
		expect(tree[0].subdistricts[0].subdistricts).toEqual([]);
	});

	it('attaches population bands by age', () => {
		const band = (ageFrom: number) => ({
			districtId: 'a',
			ageFrom,
			ageTo: ageFrom + 15,
			referenceDate: '2019-01-01',
			males: null,
			females: null,
			total: 5,
			source: 'doc'
		});
		const [a] = buildTerritoryTree(['a'], [d('a')], [], [band(50), band(13)]);
		expect(a.populationBands.map((b) => b.ageFrom)).toEqual([13, 50]);
		expect(a.populationBands[0]).not.toHaveProperty('districtId');
	});
});
