import { m } from '$lib/paraglide/messages';
import type { CellState, EvidenceSource } from './cronoprogramma-lived';

/** The visible sign of each state: the grid never says anything by colour alone. */
export const STATE_SYMBOLS: Record<CellState, string> = {
	done: '✓',
	extra: '+',
	late: '!',
	current: '◐',
	planned: '○',
	none: ''
};

export function stateLabel(state: CellState): string {
	return {
		done: m.monitoring_crono_state_done,
		extra: m.monitoring_crono_state_extra,
		late: m.monitoring_crono_state_late,
		current: m.monitoring_crono_state_current,
		planned: m.monitoring_crono_state_planned,
		none: m.monitoring_crono_state_none
	}[state]();
}

export function sourceLabel(source: EvidenceSource): string {
	return {
		mark: m.monitoring_crono_source_mark,
		meeting: m.monitoring_crono_source_meeting,
		lab_session: m.monitoring_crono_source_lab_session,
		pathway: m.monitoring_crono_source_pathway
	}[source]();
}

/** "Fatto: riunione, segno a mano", what a screen reader hears and a tooltip shows. */
export function cellText(state: CellState, sources: readonly EvidenceSource[]): string {
	const label = stateLabel(state);
	return sources.length ? `${label}: ${sources.map(sourceLabel).join(', ')}` : label;
}
