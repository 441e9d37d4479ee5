import { formatDate } from '../../format/dates';
import type { DocumentSection, ExportDocument } from './document-model';

/** Pieces every writer renders the same way, so the three formats read alike. */
export function titlePage(document: ExportDocument) {
	return {
		title: document.title,
		subtitle: document.subtitle,
		facts: [
			...document.facts,
			{
				label: document.labels.generatedOn,
				value: formatDate(document.generatedAt, document.language)
			}
		]
	};
}

/** A section's heading level, 1–6 (writers have six heading styles). */
export function sectionLevel(section: DocumentSection): number {
	return Math.min(6, Math.max(1, section.level ?? 1));
}

export function sectionHeading(section: DocumentSection): string {
	return section.number ? `${section.number}. ${section.title}` : section.title;
}

/** One line per comment: «quoted» — Author (05/03/2026): body. Resolved threads say so. */
export function noteLines(document: ExportDocument, section: DocumentSection): string[] {
	return (section.notes ?? []).flatMap((note) =>
		note.entries.map((entry, index) => {
			const quoted = index === 0 && note.quoted ? `«${note.quoted}» — ` : '– ';
			const resolved = index === 0 && note.resolved ? ` [${document.labels.resolved}]` : '';
			return `${quoted}${entry.author} (${formatDate(entry.at, document.language)}): ${entry.body}${resolved}`;
		})
	);
}
