import { describe, expect, it } from 'vitest';
import { traceability, type TraceInput } from '../../../src/lib/monitoring/traceability';

const base = (): TraceInput => ({
	needs: [
		{ id: 'n1', title: 'Giovani senza lavoro né studio' },
		{ id: 'n2', title: 'Neo-genitori isolati' }
	],
	objectives: [
		{ id: 'o1', title: 'Orientare 120 persone' },
		{ id: 'o2', title: 'Attivare 40 tirocini' }
	],
	actions: [
		{ ref: 'p:a3', title: 'Area formativa e orientativa', monthsDone: 4, delays: 1 },
		{ ref: 'p:a2', title: 'Area esperienziale', monthsDone: 0, delays: 3 },
		{ ref: 'p:a5', title: 'Attività rendicontative', monthsDone: 0, delays: 2 }
	],
	decisions: [{ id: 'd1', text: 'Avviare i tirocini a marzo', status: 'approved' }],
	indicators: [
		{ key: 'orientation', label: 'Orientamento', targeted: true },
		{ key: 'internships_started', label: 'Tirocini avviati', targeted: true },
		{ key: 'hires', label: 'Assunzioni', targeted: false }
	],
	links: [
		{ kind: 'need_objective', fromId: 'n1', toId: 'o1' },
		{ kind: 'need_objective', fromId: 'n1', toId: 'o2' },
		{ kind: 'objective_action', fromId: 'o1', toId: 'p:a3' },
		{ kind: 'objective_action', fromId: 'o2', toId: 'p:a2' },
		{ kind: 'decision_action', fromId: 'd1', toId: 'p:a2' },
		{ kind: 'indicator_objective', fromId: 'orientation', toId: 'o1' }
	]
});

const gapsOf = (input: TraceInput) => traceability(input).gaps.map((g) => `${g.kind} ${g.id}`);

describe('traceability gaps', () => {
	it('finds every broken link, in the order of the thread', () => {
		expect(gapsOf(base())).toEqual([
			'need_without_objective n2',
			'objective_without_indicator o2',
			'action_without_objective p:a5',
			'action_without_activity p:a5',
			'indicator_without_objective internships_started'
		]);
	});

	it('takes a decision about an action as a sign of activity, and a done month too', () => {
		const input = base();
		expect(gapsOf(input)).not.toContain('action_without_activity p:a2');
		input.links = input.links.filter((l) => l.kind !== 'decision_action');
		expect(gapsOf(input)).toContain('action_without_activity p:a2');
		expect(gapsOf(input)).not.toContain('action_without_activity p:a3');
	});

	it('does not ask an untargeted indicator to measure an objective', () => {
		expect(gapsOf(base()).some((g) => g.includes('hires'))).toBe(false);
	});

	it('closes a gap once the link is there', () => {
		const input = base();
		input.links = [
			...input.links,
			{ kind: 'indicator_objective', fromId: 'internships_started', toId: 'o2' },
			{ kind: 'need_objective', fromId: 'n2', toId: 'o2' },
			{ kind: 'objective_action', fromId: 'o2', toId: 'p:a5' },
			{ kind: 'decision_action', fromId: 'd1', toId: 'p:a5' }
		];
		expect(gapsOf(input)).toEqual([]);
	});

	it('ignores links to things that are gone (a deleted action or decision)', () => {
		const input = base();
		input.actions = input.actions.filter((a) => a.ref !== 'p:a2');
		input.decisions = [];
		const trace = traceability(input);
		expect(gapsOf(input)).toContain('objective_without_action o2');
		expect(trace.forward[0].objectives[1].actions).toEqual([]);
	});

	it('reports an objective with no need, and still walks it', () => {
		const input = base();
		input.objectives = [...input.objectives, { id: 'o3', title: 'Coinvolgere 40 imprese' }];
		const trace = traceability(input);
		expect(gapsOf(input)).toEqual(
			expect.arrayContaining([
				'objective_without_need o3',
				'objective_without_action o3',
				'objective_without_indicator o3'
			])
		);
		expect(trace.unrooted.map((o) => o.id)).toEqual(['o3']);
	});
});

describe('walking the thread', () => {
	it('goes from the need to the decisions and indicators', () => {
		const [n1] = traceability(base()).forward;
		expect(n1.objectives.map((o) => o.id)).toEqual(['o1', 'o2']);
		expect(n1.objectives[0].indicators.map((i) => i.key)).toEqual(['orientation']);
		expect(n1.objectives[1].actions[0]).toMatchObject({
			ref: 'p:a2',
			decisions: [{ id: 'd1', status: 'approved' }]
		});
	});

	it('goes back from the indicator to the needs', () => {
		const back = traceability(base()).backward;
		expect(back.map((i) => i.key)).toEqual(['orientation', 'internships_started']);
		expect(back[0].objectives).toEqual([
			{ id: 'o1', title: 'Orientare 120 persone', needs: [{ id: 'n1', title: expect.any(String) }] }
		]);
		expect(back[1].objectives).toEqual([]);
	});
});
