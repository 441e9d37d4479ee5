import { describe, expect, it } from 'vitest';
import { readActionBlocks } from '../../../src/lib/proposals/action-block';
import {
	budget,
	cronoprogramma,
	lastMonth,
	partnerMatrix
} from '../../../src/lib/proposals/derive';

const blocks = readActionBlocks([
	{
		id: 'a1',
		title: 'Orientamento giovani',
		area: 'formativa_orientativa',
		targets: ['giovani'],
		territories: ['Magenta', 'Abbiategrasso'],
		responsibleId: 'atticus',
		partnerIds: ['atticus', 'albatros'],
		months: [3, 1, 2, 2],
		budget: [
			{ organisationId: 'atticus', publicCents: 1_000_000, ownCents: 100_000 },
			{ organisationId: 'albatros', publicCents: 500_050, ownCents: 0 }
		]
	},
	{
		id: 'a2',
		title: 'Tirocini',
		area: 'esperienziale',
		targets: [],
		territories: [],
		responsibleId: 'portico',
		months: [18, 20],
		budget: [{ organisationId: 'atticus', publicCents: 250_000, ownCents: 25_000 }]
	},
	{ title: 'senza id' },
	{ id: 'a3', title: 42, area: 'Area con spazi', months: 'tutti', budget: 'molto' }
]);

describe('action blocks', () => {
	it('normalises half-filled blocks and skips blocks without an id', () => {
		expect(blocks.map((b) => b.id)).toEqual(['a1', 'a2', 'a3']);
		expect(blocks[0].months).toEqual([1, 2, 3]);
		expect(blocks[2]).toMatchObject({ title: '', area: null, months: [], budget: [] });
	});
});

describe('derivations', () => {
	it('builds the cronoprogramma, ignoring months past the duration', () => {
		const rows = cronoprogramma(blocks, 18);
		expect(rows[0].months.slice(0, 4)).toEqual([true, true, true, false]);
		expect(rows[1].months.filter(Boolean)).toHaveLength(1);
		expect(rows[1].months[17]).toBe(true);
		expect(rows[2].months).toHaveLength(18);
		expect(lastMonth(blocks)).toBe(20);
	});

	it('builds the partner × area × target × territory matrix', () => {
		const cells = partnerMatrix(blocks);
		const of = (id: string) => cells.filter((c) => c.organisationId === id);
		expect(of('atticus')).toHaveLength(2);
		expect(of('atticus').every((c) => c.role === 'responsible')).toBe(true);
		expect(of('albatros').map((c) => c.territory)).toEqual(['Magenta', 'Abbiategrasso']);
		expect(of('portico')).toEqual([
			{
				organisationId: 'portico',
				area: 'esperienziale',
				target: null,
				territory: null,
				role: 'responsible',
				actionIds: ['a2']
			}
		]);
	});

	it('adds the budget by partner and by action to the same total, in cents', () => {
		const result = budget(blocks);
		expect(result.byPartner.get('atticus')).toEqual({
			publicCents: 1_250_000,
			ownCents: 125_000,
			totalCents: 1_375_000
		});
		expect(result.byAction.get('a1')?.totalCents).toBe(1_600_050);
		expect(result.byAction.get('a3')?.totalCents).toBe(0);
		const sum = (m: Map<string, { totalCents: number }>) =>
			[...m.values()].reduce((n, t) => n + t.totalCents, 0);
		expect(sum(result.byPartner)).toBe(result.total.totalCents);
		expect(sum(result.byAction)).toBe(result.total.totalCents);
	});
});
