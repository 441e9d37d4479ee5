import type { TemplateDefinition } from './template-format';
import { pagesLabel } from './limits';
import type { PerAction, SectionKind } from './section-kinds';

/**
 * A checked definition's sections as stored: pages become characters with the template's page
 * size. Kept apart from the schema (which carries translated messages) so that server start-up
 * code can use it without the i18n runtime.
 */
export interface ResolvedTemplateSection {
	position: number;
	number: string;
	title: string;
	guidance: string;
	limitChars: number | null;
	limitLabel: string | null;
	kind: SectionKind;
	perAction: PerAction | null;
	columns: string[];
	options: string[];
}

/** Pages become characters with the template's page size; the label says what the call says. */
export function resolveSections(template: TemplateDefinition): ResolvedTemplateSection[] {
	return template.sections.map((section, position) => {
		const limitChars =
			section.limitChars ??
			(section.limitPages ? Math.round(section.limitPages * template.pageChars) : null);
		const limitLabel =
			section.limitLabel ??
			(section.limitPages
				? pagesLabel(section.limitPages)
				: limitChars
					? `max ${limitChars} car.`
					: null);
		return {
			position,
			number: section.number,
			title: section.title,
			guidance: section.guidance,
			limitChars,
			limitLabel,
			kind: section.kind,
			perAction: section.perAction ?? null,
			columns: section.kind === 'table' ? section.columns : [],
			options: section.kind === 'choice' ? section.options : []
		};
	});
}
