import { m } from '../../paraglide/messages';
import { isCalendarTable, type ScheduleChoice } from '../../proposals/schedule-choice';
import { inlineText, plain, type Block, type TableCell } from '../export/document-model';

/** A cell's text, paragraphs joined: enough to tell a month heading. */
function cellText(cell: TableCell): string {
	return cell.blocks
		.map((block) =>
			block.type === 'paragraph' || block.type === 'heading' ? inlineText(block.content) : ''
		)
		.join(' ');
}

function isCalendar(block: Block): boolean {
	return (
		block.type === 'table' && isCalendarTable(block.rows.map((row) => row.cells.map(cellText)))
	);
}

/** Whether any of these blocks is a pasted calendar table. */
export function hasCalendar(blocks: readonly Block[]): boolean {
	return blocks.some(isCalendar);
}

/**
 * A section's blocks as the chosen schedule wants them (ADR 0186): with the cronoprogramma
 * chosen, a pasted calendar gives way to a line saying where the schedule is, so the document
 * never carries two schedules; with the calendar chosen, the text is left as written.
 */
export function withSchedule(blocks: Block[], schedule: ScheduleChoice): Block[] {
	if (schedule === 'calendar') return blocks;
	return blocks.map((block) =>
		isCalendar(block)
			? {
					type: 'paragraph' as const,
					style: 'note' as const,
					content: plain(m.proposal_export_calendar_omitted())
				}
			: block
	);
}
