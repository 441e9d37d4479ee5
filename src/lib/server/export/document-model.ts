import type { PendingSuggestion } from '../../editor/suggestions/json';

/**
 * A neutral document, independent of the output format: proposals and minutes are turned into
 * this, and each writer (DOCX, ODT, PDF) renders it. Headings, lists and table header rows are
 * structure, not looks, so every format can mark them for assistive technology.
 */
export interface InlineText {
	type: 'text';
	text: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	strike?: boolean;
	code?: boolean;
	/** Only http(s) and mailto addresses survive conversion. */
	link?: string;
	/** A pending suggestion (track changes): proposed, not yet accepted or rejected. */
	change?: TrackedChange;
}

/** Who proposed an insertion or deletion, as the editor showed it. */
export type TrackedChange = PendingSuggestion;

export type Inline = InlineText | { type: 'break' };

export type Block =
	| { type: 'heading'; level: number; content: Inline[] }
	| { type: 'paragraph'; content: Inline[]; style?: 'note' | 'quote' }
	| { type: 'list'; ordered: boolean; items: Block[][] }
	| { type: 'table'; rows: TableRow[] }
	| { type: 'rule' };

export interface TableRow {
	/** A header row: repeated on every page and marked as header for screen readers. */
	header: boolean;
	cells: TableCell[];
}

export interface TableCell {
	header: boolean;
	colspan: number;
	rowspan: number;
	blocks: Block[];
}

export interface DocumentNote {
	/** The text the note refers to, quoted. */
	quoted: string;
	resolved: boolean;
	entries: { author: string; at: Date; body: string }[];
}

export interface DocumentSection {
	number?: string;
	title: string;
	/** Heading level, 1 at the top: 10.a under 10 is 2, so the export keeps the call's nesting. */
	level?: number;
	blocks: Block[];
	/** Shown after the section's text when the export includes comments. */
	notes?: DocumentNote[];
}

export interface ExportDocument {
	title: string;
	subtitle?: string;
	/** BCP 47, e.g. it-IT: set on every format so screen readers pick the right voice. */
	language: string;
	/** Title-page facts as label/value pairs ("Progetto", "Avviso", "Partner"). */
	facts: { label: string; value: string }[];
	sections: DocumentSection[];
	/** Labels the writers need, already translated. */
	labels: {
		contents: string;
		notes: string;
		resolved: string;
		generatedOn: string;
		/** Explains how PDF and print show proposed changes; printed only when there are some. */
		changesLegend: string;
	};
	generatedAt: Date;
	/**
	 * A running header and a "Pagina N di M" footer on every page, as a filed document carries
	 * them. `page` and `of` are the translated words around the numbers.
	 */
	running?: { header: string; page: string; of: string };
}

export const plain = (text: string): Inline[] => [{ type: 'text', text }];

/** Plain text of inline content (PDF outline, ODT headings, tests). */
export function inlineText(content: readonly Inline[]): string {
	return content.map((part) => (part.type === 'text' ? part.text : '\n')).join('');
}

/**
 * Whether `content[index]` closes a run of one suggestion (the next part is not the same change
 * by the same author): writers name the author once per run, not once per bold word.
 */
export function endsChange(content: readonly Inline[], index: number): boolean {
	const part = content[index];
	if (part.type !== 'text' || !part.change) return false;
	const next = content[index + 1];
	return !(
		next?.type === 'text' &&
		next.change?.kind === part.change.kind &&
		next.change.author === part.change.author
	);
}

/** Whether any text of the document is a pending suggestion (then the legend is printed). */
export function hasChanges(blocks: readonly Block[]): boolean {
	return blocks.some((block) => {
		switch (block.type) {
			case 'heading':
			case 'paragraph':
				return block.content.some((part) => part.type === 'text' && part.change);
			case 'list':
				return block.items.some((item) => hasChanges(item));
			case 'table':
				return block.rows.some((row) => row.cells.some((cell) => hasChanges(cell.blocks)));
			default:
				return false;
		}
	});
}
