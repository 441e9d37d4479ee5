import { describe, expect, it } from 'vitest';
import {
	activeOn,
	changesBetween,
	dateStops,
	filterNetwork,
	type NetworkData,
	type NetworkEdge
} from '../../../src/lib/network/graph-data';

const e = (
	id: string,
	source: string,
	target: string,
	fromDate: string | null,
	toDate: string | null,
	kind: NetworkEdge['kind'] = 'co_action'
): NetworkEdge => ({
	id,
	source,
	target,
	kind,
	label: '',
	fromDate,
	toDate
});

const data: NetworkData = {
	nodes: [
		{
			id: 'lead',
			label: 'Lead',
			name: 'Lead',
			kind: 'azienda_speciale',
			role: 'lead',
			areas: ['governance'],
			targets: [],
			districtIds: []
		},
		{
			id: 'coop',
			label: 'Coop',
			name: 'Coop',
			kind: 'cooperativa_sociale_b',
			role: 'operating_partner',
			areas: ['educativa'],
			targets: ['giovani'],
			districtIds: ['legnano']
		},
		{
			id: 'comune',
			label: 'Comune',
			name: 'Comune',
			kind: 'comune',
			role: 'institutional_partner',
			areas: ['educativa'],
			targets: ['over_50'],
			districtIds: ['magenta']
		}
	],
	edges: [
		e('p1', 'coop', 'lead', '2020-07-14', '2021-12-31', 'partnership'),
		e('p2', 'comune', 'lead', '2021-01-01', null, 'partnership'),
		e('a1', 'coop', 'comune', '2020-09-01', '2020-12-31')
	]
};

describe('the network over time', () => {
	it('treats open ends as always and both ends as inclusive', () => {
		expect(activeOn({ fromDate: null, toDate: null }, '1999-01-01')).toBe(true);
		expect(activeOn({ fromDate: '2020-07-14', toDate: '2021-12-31' }, '2020-07-14')).toBe(true);
		expect(activeOn({ fromDate: '2020-07-14', toDate: '2021-12-31' }, '2021-12-31')).toBe(true);
		expect(activeOn({ fromDate: '2020-07-14', toDate: '2021-12-31' }, '2022-01-01')).toBe(false);
	});

	it('shows the network as it was on a day', () => {
		const ids = (at: string) => filterNetwork(data, { at }).edges.map((x) => x.id);
		expect(ids('2020-06-30')).toEqual([]);
		expect(ids('2020-10-01')).toEqual(['p1', 'a1']);
		expect(ids('2021-06-01')).toEqual(['p1', 'p2']);
		expect(ids('2022-06-01')).toEqual(['p2']);
	});

	it('says what changed between two days, in either order', () => {
		const change = changesBetween(data.edges, '2020-10-01', '2022-06-01');
		expect(change.added.map((x) => x.id)).toEqual(['p2']);
		expect(change.removed.map((x) => x.id)).toEqual(['p1', 'a1']);
		expect(change.joined).toEqual([]);
		expect(change.left).toEqual(['coop']);
		expect(changesBetween(data.edges, '2022-06-01', '2020-10-01')).toEqual(change);
	});

	it('offers every start and end day as a slider stop', () => {
		expect(dateStops(data.edges)).toEqual([
			'2020-07-14',
			'2020-09-01',
			'2020-12-31',
			'2021-01-01',
			'2021-12-31'
		]);
	});
});

describe('network filters', () => {
	it('keeps organisations of an area and their relations among themselves', () => {
		const shown = filterNetwork(data, { area: 'educativa' });
		expect(shown.nodes.map((n) => n.id)).toEqual(['coop', 'comune']);
		expect(shown.edges.map((x) => x.id)).toEqual(['a1']);
	});

	it('counts an organisation without territories as working on all of them', () => {
		expect(filterNetwork(data, { districtId: 'legnano' }).nodes.map((n) => n.id)).toEqual([
			'lead',
			'coop'
		]);
	});

	it('filters by kind and by relation', () => {
		expect(filterNetwork(data, { kind: 'comune' }).nodes.map((n) => n.id)).toEqual(['comune']);
		expect(filterNetwork(data, { relation: 'partnership' }).edges.map((x) => x.id)).toEqual([
			'p1',
			'p2'
		]);
	});
});
