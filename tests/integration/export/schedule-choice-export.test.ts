import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Runtime } from '../../../src/lib/server/runtime';
import { proposalDocument } from '../../../src/lib/server/proposals/export-document';
import { renderFile } from '../../../src/lib/server/export/formats';
import { readDocument } from '../../../src/lib/server/live/store';
import {
	actionsDocumentName,
	contentUpdate,
	sectionDocumentName
} from '../../../src/lib/server/proposals/section-content';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import { captureUpdate } from '../../../src/lib/server/proposals/capture-update';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { SCHEDULE_KEY, SETTINGS_MAP } from '../../../src/lib/proposals/schedule-choice';
import type { PmNode } from '../../../src/lib/proposals/section-text';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';
import { docxText } from '../../support/export-text';

/**
 * ADR 0186: a pasted calendar and the derived cronoprogramma never both reach the export. Without
 * a choice the pasted calendar wins; choosing the cronoprogramma puts a note in the calendar's
 * place; choosing the calendar leaves the cronoprogramma table out.
 */
let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;

const MONTHS = ['gen', 'feb', 'mar', 'apr', 'mag', 'giu'];
const cell = (type: 'tableHeader' | 'tableCell', text: string): PmNode => ({
	type,
	content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }]
});
const row = (cells: string[], type: 'tableHeader' | 'tableCell'): PmNode => ({
	type: 'tableRow',
	content: cells.map((text) => cell(type, text))
});
const CALENDAR: PmNode = {
	type: 'doc',
	content: [
		{ type: 'paragraph', content: [{ type: 'text', text: 'Tempi come da calendario:' }] },
		{
			type: 'table',
			content: [
				row(['Attività incollata', ...MONTHS], 'tableHeader'),
				row(['Orientamento di gruppo', 'X', 'X', '', '', '', ''], 'tableCell')
			]
		}
	]
};

beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
	const tempi = table.sections.find((s) => s.number === '6')!;
	await table.live.write(sectionDocumentName(tempi.id), contentUpdate(CALENDAR));
	const name = actionsDocumentName(table.proposal.id);
	const current = await readDocument(table.db, name);
	await table.live.write(
		name,
		replaceBlocksUpdate(current, [
			{ ...emptyActionBlock('a'), title: 'Orientamento', months: [1, 2] }
		])!
	);
	current.destroy();
});

async function choose(choice: 'cronoprogramma' | 'calendar') {
	const name = actionsDocumentName(table.proposal.id);
	const current: Y.Doc = await readDocument(table.db, name);
	const update = captureUpdate(current, () =>
		current.getMap(SETTINGS_MAP).set(SCHEDULE_KEY, choice)
	);
	await table.live.write(name, update!);
	current.destroy();
}

async function text(): Promise<string> {
	const document = await proposalDocument(table.ctx(table.partner), {
		proposalId: table.proposal.id,
		withComments: false
	});
	return docxText((await renderFile('docx', document, table.proposal.title)).bytes);
}

const CRONO_TABLE = 'Cronoprogramma Azione M1 M2';
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('calendar or cronoprogramma in the export', () => {
	it('without a choice, the pasted calendar is kept and the cronoprogramma left out', async () => {
		const out = squeeze(await text());
		expect(out).toContain(squeeze('Attività incollata'));
		expect(out).not.toContain(squeeze(CRONO_TABLE));
	});

	it('the cronoprogramma chosen: the calendar gives way to a note', async () => {
		await choose('cronoprogramma');
		const out = squeeze(await text());
		expect(out).not.toContain(squeeze('Attività incollata'));
		expect(out).toContain(squeeze('Tempi come da calendario:'));
		expect(out).toContain(
			squeeze('Calendario omesso: il documento riporta il cronoprogramma ricavato dalle azioni.')
		);
		expect(out).toContain(squeeze(CRONO_TABLE));
	});

	it('the calendar chosen: the calendar stays, the cronoprogramma does not', async () => {
		await choose('calendar');
		const out = squeeze(await text());
		expect(out).toContain(squeeze('Attività incollata'));
		expect(out).not.toContain(squeeze('Calendario omesso'));
		expect(out).not.toContain(squeeze(CRONO_TABLE));
	});
});
