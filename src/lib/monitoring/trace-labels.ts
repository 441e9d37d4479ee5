import { m } from '$lib/paraglide/messages';
import type { GapKind, TraceLinkKindValue } from './traceability';

export function gapLabel(kind: GapKind): string {
	return {
		need_without_objective: m.monitoring_trace_gap_need_without_objective,
		objective_without_need: m.monitoring_trace_gap_objective_without_need,
		objective_without_action: m.monitoring_trace_gap_objective_without_action,
		objective_without_indicator: m.monitoring_trace_gap_objective_without_indicator,
		action_without_objective: m.monitoring_trace_gap_action_without_objective,
		action_without_activity: m.monitoring_trace_gap_action_without_activity,
		indicator_without_objective: m.monitoring_trace_gap_indicator_without_objective
	}[kind]();
}

export function linkKindLabel(kind: TraceLinkKindValue): string {
	return {
		need_objective: m.monitoring_trace_link_need_objective,
		objective_action: m.monitoring_trace_link_objective_action,
		decision_action: m.monitoring_trace_link_decision_action,
		indicator_objective: m.monitoring_trace_link_indicator_objective
	}[kind]();
}
