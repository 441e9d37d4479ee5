import type { TableCell, TableRow } from './document-model';

export type GridSlot = { kind: 'cell'; cell: TableCell } | { kind: 'covered' };

/**
 * ProseMirror tables list only the cells that start in a row; ODF and the PDF writer want a slot for
 * every column, with covered slots under row spans and right of column spans.
 */
export function tableGrid(rows: readonly TableRow[]): { slots: GridSlot[][]; width: number } {
	const pending: number[] = [];
	const slots = rows.map((row) => {
		const out: GridSlot[] = [];
		let column = 0;
		const cover = () => {
			while ((pending[column] ?? 0) > 0) {
				pending[column]--;
				out.push({ kind: 'covered' });
				column++;
			}
		};
		for (const cell of row.cells) {
			cover();
			out.push({ kind: 'cell', cell });
			for (let i = 0; i < cell.colspan; i++) {
				if (i > 0) out.push({ kind: 'covered' });
				pending[column + i] = cell.rowspan - 1;
			}
			column += cell.colspan;
		}
		cover();
		return out;
	});
	const width = Math.max(1, ...slots.map((row) => row.length));
	for (const row of slots) while (row.length < width) row.push({ kind: 'covered' });
	return { slots, width };
}

/** How many rows at the top are header rows (repeated on each page). */
export function leadingHeaderRows(rows: readonly TableRow[]): number {
	const first = rows.findIndex((row) => !row.header);
	return first === -1 ? rows.length : first;
}
