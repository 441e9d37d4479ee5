import type { SectionStatusValue } from '$lib/proposals/section-status';
import type { Thread } from './CommentThread.svelte';
import type { PerAction, SectionKind } from '$lib/proposals/section-kinds';

/** A section as the canvas page receives it from its load (see server/proposals/canvas-view). */
export interface CanvasSectionData {
	id: string;
	number: string;
	title: string;
	guidance: string;
	kind: SectionKind;
	perAction: PerAction | null;
	status: SectionStatusValue;
	locked: boolean;
	ownerOrganisationIds: string[];
	chars: number;
	/** Each action's text length, by action id (per-action sections, ADR 0207). */
	actionChars: Record<string, number>;
	limitChars: number | null;
	limitLabel: string | null;
	columns: string[];
	options: string[];
	badValue: boolean;
	mode: 'edit' | 'suggest' | 'read';
	threads: Thread[];
}
