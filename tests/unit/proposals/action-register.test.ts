import { describe, expect, it } from 'vitest';
import { readActionBlocks, swapOrders } from '../../../src/lib/proposals/action-block';
import {
	areaChoices,
	nameChoices,
	toggleName,
	type ActionRegister
} from '../../../src/lib/proposals/action-register';
import { areaLabel } from '../../../src/lib/proposals/area-label';
import { actionTotal } from '../../../src/lib/proposals/derive';

const register: ActionRegister = {
	areas: [
		{ key: 'educativa', label: 'Area educativa' },
		{ key: 'governance', label: 'Governance' },
		{ key: 'monitoraggio', label: 'Monitoraggio' }
	],
	targets: [
		{ key: 'giovani', label: 'Ragazzi e giovani' },
		{ key: 'over_50', label: 'Disoccupati over 50' }
	],
	territories: [
		{ key: 'd1', label: 'Alto Milanese (Legnano, Castano Primo)' },
		{ key: 'd2', label: 'Rhodense' }
	]
};
const label = (key: string) => areaLabel(key, '—', register.areas);

describe('areas configured per project', () => {
	it('offers the project list; a block keeps an area the list has since dropped', () => {
		expect(areaChoices(register, 'governance', label).map((c) => c.label)).toEqual([
			'Area educativa',
			'Governance',
			'Monitoraggio'
		]);
		expect(areaChoices(register, 'rendicontazione', label).map((c) => c.key)).toEqual([
			'educativa',
			'governance',
			'monitoraggio',
			'rendicontazione'
		]);
	});

	it("falls back to 001's four areas plus governance, monitoring, reporting without a list", () => {
		const none = { ...register, areas: [] };
		expect(areaChoices(none, null, (k) => areaLabel(k)).map((c) => c.label)).toEqual([
			'Area educativa',
			'Area formativa e orientativa',
			'Area esperienziale',
			'Area di sviluppo di comunità',
			'Governance',
			'Monitoraggio',
			'Rendicontazione'
		]);
	});

	it('names an area by the project label, the built-in name, or its key', () => {
		expect(areaLabel('governance', '—', register.areas)).toBe('Governance');
		expect(areaLabel('esperienziale', '—', register.areas)).toBe('Area esperienziale');
		expect(areaLabel('rendicontazione', '—', register.areas)).toBe('Rendicontazione');
		expect(areaLabel('comunicazione', '—', register.areas)).toBe('comunicazione');
		expect(areaLabel(null, '', register.areas)).toBe('');
	});
});

describe('targets and territories from the register', () => {
	it('keeps a territory with commas whole and in the register order', () => {
		const names = nameChoices(register.territories, []);
		let chosen = toggleName([], 'Rhodense', true, names);
		chosen = toggleName(chosen, 'Alto Milanese (Legnano, Castano Primo)', true, names);
		expect(chosen).toEqual(['Alto Milanese (Legnano, Castano Primo)', 'Rhodense']);
		expect(toggleName(chosen, 'Rhodense', false, names)).toEqual([
			'Alto Milanese (Legnano, Castano Primo)'
		]);
	});

	it('still lists a name typed before the register had it, so it can be unticked', () => {
		expect(nameChoices(register.targets, ['Neo-genitori'])).toEqual([
			'Ragazzi e giovani',
			'Disoccupati over 50',
			'Neo-genitori'
		]);
	});
});

describe('action order and budget', () => {
	const raw = [
		{ id: 'a', title: 'Prima', order: 2 },
		{ id: 'b', title: 'Seconda', order: 0 },
		{ id: 'c', title: 'Terza' }
	];

	it('reads blocks by their order, an index standing in where there is none', () => {
		expect(readActionBlocks(raw).map((b) => b.id)).toEqual(['b', 'a', 'c']);
	});

	it('moves a block by swapping two order numbers, every block numbered', () => {
		const blocks = readActionBlocks(raw);
		const orders = swapOrders(blocks, 2, -1)!;
		expect(Object.fromEntries(orders)).toEqual({ b: 0, a: 2, c: 1 });
		const moved = readActionBlocks(raw.map((r) => ({ ...r, order: orders.get(r.id) })));
		expect(moved.map((b) => b.id)).toEqual(['b', 'c', 'a']);
		expect(swapOrders(blocks, 0, -1)).toBeNull();
		expect(swapOrders(blocks, 2, 1)).toBeNull();
	});

	it('sums an action’s budget lines', () => {
		const [block] = readActionBlocks([
			{
				id: 'x',
				budget: [
					{ organisationId: 'p1', publicCents: 1_250_050, ownCents: 100_000 },
					{ organisationId: 'p2', publicCents: 300_000, ownCents: 0 }
				]
			}
		]);
		expect(actionTotal(block)).toEqual({
			publicCents: 1_550_050,
			ownCents: 100_000,
			totalCents: 1_650_050
		});
	});
});

describe('calendar or cronoprogramma', async () => {
	const { isCalendarTable, resolveSchedule, readScheduleChoice } =
		await import('../../../src/lib/proposals/schedule-choice');

	it('tells a pasted calendar by six or more month headings', () => {
		expect(isCalendarTable([['Attività', 'gen', 'feb', 'mar', 'apr', 'mag', 'giu']])).toBe(true);
		expect(isCalendarTable([['Cronoprogramma'], ['Azione', ...'123456'.split('')]])).toBe(true);
		expect(
			isCalendarTable([['Attività', 'Mese 1', 'Mese 2', 'M3', 'IV', 'V', 'Febbraio 2026']])
		).toBe(true);
		expect(isCalendarTable([['Ambito', 'Popolazione', 'Comuni', 'Note', 'Fonte', 'Anno']])).toBe(
			false
		);
		expect(isCalendarTable([['Azione', 'gen', 'feb', 'mar', 'apr', 'mag']])).toBe(false);
	});

	it('the author’s choice wins; without one, a pasted calendar does', () => {
		expect(resolveSchedule('cronoprogramma', true)).toBe('cronoprogramma');
		expect(resolveSchedule(null, true)).toBe('calendar');
		expect(resolveSchedule(null, false)).toBe('cronoprogramma');
		expect(readScheduleChoice('tutti e due')).toBeNull();
	});
});

describe('page estimate', async () => {
	const { estimatedPages } = await import('../../../src/lib/proposals/limits');

	it('counts characters with spaces over the template’s page, rounded up to a tenth', () => {
		expect(estimatedPages(0, 3000)).toBe(0);
		expect(estimatedPages(3000, 3000)).toBe(1);
		expect(estimatedPages(3001, 3000)).toBe(1.1);
		expect(estimatedPages(4500, 1800)).toBe(2.5);
	});
});
