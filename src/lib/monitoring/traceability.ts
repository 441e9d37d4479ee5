/**
 * The thread need → objective → action → decision → outcome → indicator, walked both ways,
 * and where it breaks. Pure: the server gathers the nodes and links, this module reads them.
 */

export const TRACE_LINK_KINDS = [
	'need_objective',
	'objective_action',
	'decision_action',
	'indicator_objective'
] as const;
export type TraceLinkKindValue = (typeof TRACE_LINK_KINDS)[number];

export interface TraceLinkRef {
	kind: TraceLinkKindValue;
	fromId: string;
	toId: string;
}

export interface TraceNodeRef {
	id: string;
	title: string;
}

export interface TraceAction {
	/** `<proposalId>:<blockId>`. */
	ref: string;
	title: string;
	/** Months in which something was done (the lived cronoprogramma). */
	monthsDone: number;
	/** Planned months gone by with nothing done. */
	delays: number;
}

export interface TraceDecision {
	id: string;
	text: string;
	status: string;
}

export interface TraceIndicator {
	key: string;
	label: string;
	/** Whether the project sheet sets a target for it (then it must measure an objective). */
	targeted: boolean;
}

export interface TraceInput {
	needs: readonly TraceNodeRef[];
	objectives: readonly TraceNodeRef[];
	actions: readonly TraceAction[];
	decisions: readonly TraceDecision[];
	indicators: readonly TraceIndicator[];
	links: readonly TraceLinkRef[];
}

export const GAP_KINDS = [
	'need_without_objective',
	'objective_without_need',
	'objective_without_action',
	'objective_without_indicator',
	'action_without_objective',
	'action_without_activity',
	'indicator_without_objective'
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface Gap {
	kind: GapKind;
	/** The id, action ref or indicator key the gap is about. */
	id: string;
	title: string;
}

export interface ActionThread extends TraceAction {
	decisions: TraceDecision[];
}

export interface ObjectiveThread extends TraceNodeRef {
	actions: ActionThread[];
	indicators: TraceIndicator[];
	needs: TraceNodeRef[];
}

export interface Traceability {
	/** Need → its objectives → their actions (with decisions) and indicators. */
	forward: (TraceNodeRef & { objectives: ObjectiveThread[] })[];
	/** Objectives that answer no need, so the forward walk would miss them. */
	unrooted: ObjectiveThread[];
	/** Indicator → objectives it measures → the needs behind them. */
	backward: (TraceIndicator & { objectives: (TraceNodeRef & { needs: TraceNodeRef[] })[] })[];
	gaps: Gap[];
}

/** Only links whose two ends exist: a deleted block or decision leaves no dangling thread. */
function liveLinks(input: TraceInput): TraceLinkRef[] {
	const needs = new Set(input.needs.map((n) => n.id));
	const objectives = new Set(input.objectives.map((o) => o.id));
	const actions = new Set(input.actions.map((a) => a.ref));
	const decisions = new Set(input.decisions.map((d) => d.id));
	const indicators = new Set(input.indicators.map((i) => i.key));
	const ends: Record<TraceLinkKindValue, [Set<string>, Set<string>]> = {
		need_objective: [needs, objectives],
		objective_action: [objectives, actions],
		decision_action: [decisions, actions],
		indicator_objective: [indicators, objectives]
	};
	return input.links.filter((l) => ends[l.kind][0].has(l.fromId) && ends[l.kind][1].has(l.toId));
}

function index(links: readonly TraceLinkRef[], kind: TraceLinkKindValue, reverse = false) {
	const map = new Map<string, string[]>();
	for (const link of links) {
		if (link.kind !== kind) continue;
		const [key, value] = reverse ? [link.toId, link.fromId] : [link.fromId, link.toId];
		map.set(key, [...(map.get(key) ?? []), value]);
	}
	return map;
}

function pick<T>(ids: readonly string[] | undefined, byId: Map<string, T>): T[] {
	return (ids ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export function traceability(input: TraceInput): Traceability {
	const links = liveLinks(input);
	const objectivesOfNeed = index(links, 'need_objective');
	const needsOfObjective = index(links, 'need_objective', true);
	const actionsOfObjective = index(links, 'objective_action');
	const objectivesOfAction = index(links, 'objective_action', true);
	const decisionsOfAction = index(links, 'decision_action', true);
	const objectivesOfIndicator = index(links, 'indicator_objective');
	const indicatorsOfObjective = index(links, 'indicator_objective', true);

	const needById = new Map(input.needs.map((n) => [n.id, n]));
	const objectiveById = new Map(input.objectives.map((o) => [o.id, o]));
	const decisionById = new Map(input.decisions.map((d) => [d.id, d]));
	const indicatorByKey = new Map(input.indicators.map((i) => [i.key, i]));
	const actionThreads = new Map(
		input.actions.map((a) => [
			a.ref,
			{ ...a, decisions: pick(decisionsOfAction.get(a.ref), decisionById) }
		])
	);
	const objectiveThread = (o: TraceNodeRef): ObjectiveThread => ({
		...o,
		actions: pick(actionsOfObjective.get(o.id), actionThreads),
		indicators: pick(indicatorsOfObjective.get(o.id), indicatorByKey),
		needs: pick(needsOfObjective.get(o.id), needById)
	});

	const gaps: Gap[] = [];
	const gap = (kind: GapKind, id: string, title: string) => gaps.push({ kind, id, title });
	for (const n of input.needs) {
		if (!objectivesOfNeed.has(n.id)) gap('need_without_objective', n.id, n.title);
	}
	for (const o of input.objectives) {
		if (!needsOfObjective.has(o.id)) gap('objective_without_need', o.id, o.title);
		if (!actionsOfObjective.has(o.id)) gap('objective_without_action', o.id, o.title);
		if (!indicatorsOfObjective.has(o.id)) gap('objective_without_indicator', o.id, o.title);
	}
	for (const a of input.actions) {
		if (!objectivesOfAction.has(a.ref)) gap('action_without_objective', a.ref, a.title);
		// Nothing done in any month and no decision about it: the action has not started.
		if (a.monthsDone === 0 && !decisionsOfAction.has(a.ref)) {
			gap('action_without_activity', a.ref, a.title);
		}
	}
	for (const i of input.indicators) {
		if (i.targeted && !objectivesOfIndicator.has(i.key)) {
			gap('indicator_without_objective', i.key, i.label);
		}
	}
	gaps.sort((a, b) => GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind));

	return {
		forward: input.needs.map((n) => ({
			...n,
			objectives: pick(objectivesOfNeed.get(n.id), objectiveById).map(objectiveThread)
		})),
		unrooted: input.objectives.filter((o) => !needsOfObjective.has(o.id)).map(objectiveThread),
		backward: input.indicators
			.filter((i) => i.targeted || objectivesOfIndicator.has(i.key))
			.map((i) => ({
				...i,
				objectives: pick(objectivesOfIndicator.get(i.key), objectiveById).map((o) => ({
					...o,
					needs: pick(needsOfObjective.get(o.id), needById)
				}))
			})),
		gaps
	};
}
