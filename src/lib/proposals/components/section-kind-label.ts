import { m } from '$lib/paraglide/messages';
import type { SectionKind } from '$lib/proposals/section-kinds';

/** What a template section asks for, in words: "Tabella: Nome e cognome · Partner". */
export function sectionKindLabel(section: {
	kind: SectionKind;
	columns: string[];
	options: string[];
}): string {
	switch (section.kind) {
		case 'actions':
			return m.exports_kind_actions();
		case 'heading':
			return m.exports_kind_heading();
		case 'table':
			return m.exports_kind_table({ columns: section.columns.join(' · ') });
		case 'date':
			return m.exports_kind_date();
		case 'amount':
			return m.exports_kind_amount();
		case 'choice':
			return m.exports_kind_choice({ options: section.options.join(' · ') });
		default:
			return m.exports_kind_text();
	}
}
