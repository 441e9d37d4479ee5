import { describe, expect, it } from 'vitest';
import {
	actorsTable,
	filterActors,
	type ActorTableLabels,
	type NetworkActor
} from '../../../src/lib/proposals/network-actors';
import { sectionSchema } from '../../../src/lib/proposals/editor-schema';

const ACTORS: NetworkActor[] = [
	{
		id: 'a',
		name: 'Azienda Speciale Consortile',
		kind: 'azienda_speciale',
		role: 'lead',
		territories: ['Ambito del Magentino', 'Ambito Abbiatense']
	},
	{
		id: 'b',
		name: 'Cooperativa Il Melograno',
		kind: 'cooperativa_sociale_b',
		role: 'operating_partner',
		territories: []
	},
	{
		id: 'c',
		name: 'Officine Ospiti Srl',
		kind: 'impresa_profit',
		role: null,
		territories: ['Ambito del Magentino']
	}
];

const LABELS: ActorTableLabels = {
	name: 'Soggetto',
	kind: 'Tipo',
	role: 'Ruolo',
	territory: 'Territorio',
	kindOf: (k) => `tipo:${k}`,
	roleOf: (r) => `ruolo:${r}`,
	noRole: 'Rete',
	allTerritories: 'Tutti'
};

const texts = (row: { content?: { content?: { content?: { text?: string }[] }[] }[] }) =>
	(row.content ?? []).map((cell) => cell.content?.[0]?.content?.[0]?.text ?? '');

describe('the table of network actors for a proposal section', () => {
	it('has a header row and one row per actor: name, kind, role, territory', () => {
		const table = actorsTable(ACTORS, LABELS);
		expect(table.type).toBe('table');
		const [header, ...rows] = table.content!;
		expect(header.content!.every((c) => c.type === 'tableHeader')).toBe(true);
		expect(texts(header)).toEqual(['Soggetto', 'Tipo', 'Ruolo', 'Territorio']);
		expect(rows.map(texts)).toEqual([
			[
				'Azienda Speciale Consortile',
				'tipo:azienda_speciale',
				'ruolo:lead',
				'Ambito del Magentino, Ambito Abbiatense'
			],
			[
				'Cooperativa Il Melograno',
				'tipo:cooperativa_sociale_b',
				'ruolo:operating_partner',
				'Tutti'
			],
			['Officine Ospiti Srl', 'tipo:impresa_profit', 'Rete', 'Ambito del Magentino']
		]);
	});

	it('is a valid node of the section schema, empty cells included', () => {
		const table = actorsTable([{ ...ACTORS[0], name: '' }], LABELS);
		const node = sectionSchema().nodeFromJSON(table);
		expect(() => node.check()).not.toThrow();
		expect(node.childCount).toBe(2);
		expect(node.child(1).child(0).textContent).toBe('');
	});

	it('filters by kind and by role, "none" meaning outside the partnership', () => {
		expect(filterActors(ACTORS, { kind: 'impresa_profit' }).map((a) => a.id)).toEqual(['c']);
		expect(filterActors(ACTORS, { role: 'lead' }).map((a) => a.id)).toEqual(['a']);
		expect(filterActors(ACTORS, { role: 'none' }).map((a) => a.id)).toEqual(['c']);
		expect(filterActors(ACTORS, {}).map((a) => a.id)).toEqual(['a', 'b', 'c']);
	});
});
