import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as versions from '../../../src/lib/server/proposals/versions';
import { restore } from '../../../src/lib/server/proposals/version-restore';
import { diff } from '../../../src/lib/server/proposals/version-diff';
import * as sections from '../../../src/lib/server/proposals/sections';
import { readDocument } from '../../../src/lib/server/live/store';
import {
	actionsDocumentName,
	replaceContentUpdate,
	sectionDocumentName,
	sectionJson
} from '../../../src/lib/server/proposals/section-content';
import {
	replaceActionsUpdate,
	replaceBlocksUpdate,
	blocksOf
} from '../../../src/lib/server/proposals/action-blocks';
import { readContent } from '../../../src/lib/server/proposals/proposal-content';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { plainText } from '../../../src/lib/proposals/section-text';
import { TAVOLO_AUTHOR } from '../../../src/lib/server/live/authorship/claims';
import { buildProposalTable, startProposalRuntime } from './fixture';

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
});

const doc = (...lines: string[]) => ({
	type: 'doc',
	content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
});

/** An edit as the collaboration server would store it: a diff on the current document. */
async function edit(sectionIndex: number, ...lines: string[]) {
	const name = sectionDocumentName(table.sections[sectionIndex].id);
	const current = await readDocument(table.db, name);
	const update = replaceContentUpdate(current, doc(...lines));
	if (update) await table.live.write(name, update);
	current.destroy();
}

async function textOf(sectionIndex: number): Promise<string> {
	const current = await readDocument(
		table.db,
		sectionDocumentName(table.sections[sectionIndex].id)
	);
	return plainText(sectionJson(current));
}

describe('proposal versions', () => {
	it('restores a named version as a new change and keeps every state in the history', async () => {
		const coordinator = table.ctx(table.coordinator);
		await edit(0, 'Prima stesura', 'Giovani 13/28 anni');
		const actions = await readDocument(table.db, actionsDocumentName(table.proposal.id));
		const blocks = [{ ...emptyActionBlock('a1'), title: 'Orientamento', months: [1, 2] }];
		await table.live.write(
			actionsDocumentName(table.proposal.id),
			replaceBlocksUpdate(actions, blocks)!
		);
		const sent = await versions.createNamed(table.ctx(table.owner), {
			proposalId: table.proposal.id,
			name: 'Inviata al tavolo il 12/03'
		});
		await edit(0, 'Seconda stesura', 'Giovani 13/28 anni e neo-genitori');
		await edit(1, 'Bisogni rilevati');
		expect(await textOf(0)).toBe('Seconda stesura\nGiovani 13/28 anni e neo-genitori');

		const changes = await diff(coordinator, {
			proposalId: table.proposal.id,
			from: sent.id,
			to: 'current'
		});
		expect(changes.sections[0].inserted).toBeGreaterThan(0);
		expect(changes.sections[0].changes).toContainEqual({ kind: 'delete', text: 'Prima' });
		// Written by domain code here, so Tavolo is its author (ADR 0056).
		expect(changes.sections[1].changes).toEqual([
			{ kind: 'insert', text: 'Bisogni rilevati', author: TAVOLO_AUTHOR }
		]);

		await expect(
			restore(table.ctx(table.owner), {
				proposalId: table.proposal.id,
				versionId: sent.id
			})
		).rejects.toThrow('forbidden');
		const kept = await restore(coordinator, {
			proposalId: table.proposal.id,
			versionId: sent.id
		});
		expect(await textOf(0)).toBe('Prima stesura\nGiovani 13/28 anni');
		expect(await textOf(1)).toBe('');

		const history = await versions.list(table.ctx(table.observer), table.proposal.id);
		expect(history.map((v) => v.kind)).toEqual(['restore', 'named']);
		const before = await versions.content(coordinator, {
			proposalId: table.proposal.id,
			versionId: kept.id
		});
		expect(plainText(before.sections[0].json)).toBe(
			'Seconda stesura\nGiovani 13/28 anni e neo-genitori'
		);
		expect(plainText(before.sections[1].json)).toBe('Bisogni rilevati');
		const named = await versions.content(coordinator, {
			proposalId: table.proposal.id,
			versionId: sent.id
		});
		expect(plainText(named.sections[0].json)).toBe('Prima stesura\nGiovani 13/28 anni');
		expect(named.blocks.map((b) => b.title)).toEqual(['Orientamento']);
		actions.destroy();
	});

	it('keeps one automatic version a day, however often the proposal is opened', async () => {
		const first = await versions.ensureDaily(table.ctx(table.observer), table.proposal.id);
		const second = await versions.ensureDaily(table.ctx(table.partner), table.proposal.id);
		expect(first?.kind).toBe('daily');
		expect(second).toBeNull();
		const daily = (await versions.list(table.ctx(table.observer), table.proposal.id)).filter(
			(v) => v.kind === 'daily'
		);
		expect(daily).toHaveLength(1);
	});

	it('refuses to restore over a locked section, and observers cannot name versions', async () => {
		const coordinator = table.ctx(table.coordinator);
		const sent = await versions.createNamed(coordinator, {
			proposalId: table.proposal.id,
			name: 'v2'
		});
		await edit(2, 'Obiettivi generali');
		await sections.lock(coordinator, { sectionId: table.sections[2].id });
		await expect(
			restore(coordinator, { proposalId: table.proposal.id, versionId: sent.id })
		).rejects.toThrow('proposal_section_locked');
		expect(await textOf(2)).toBe('Obiettivi generali');
		await expect(
			versions.createNamed(table.ctx(table.observer), { proposalId: table.proposal.id, name: 'x' })
		).rejects.toThrow('forbidden');
	});

	it('stores restored action blocks as live Yjs maps', async () => {
		const current = await readDocument(table.db, actionsDocumentName(table.proposal.id));
		expect(blocksOf(current).map((b) => b.title)).toEqual(['Orientamento']);
		expect(current.getArray('actions').get(0)).toBeInstanceOf(Y.Map);
		current.destroy();
	});

	it('brings back the schedule choice the version held (ADR 0186)', async () => {
		const coordinator = table.ctx(table.coordinator);
		await sections.unlock(coordinator, { sectionId: table.sections[2].id });
		const name = actionsDocumentName(table.proposal.id);
		const choose = async (choice: 'calendar' | 'cronoprogramma') => {
			const current = await readDocument(table.db, name);
			const update = replaceActionsUpdate(current, blocksOf(current), choice);
			current.destroy();
			if (update) await table.live.write(name, update);
		};
		await choose('calendar');
		const withCalendar = await versions.createNamed(coordinator, {
			proposalId: table.proposal.id,
			name: 'Con il calendario incollato'
		});
		await choose('cronoprogramma');
		const before = await readContent(table.db, table.proposal.id);
		expect(before.schedule).toBe('cronoprogramma');

		await restore(coordinator, { proposalId: table.proposal.id, versionId: withCalendar.id });
		const after = await readContent(table.db, table.proposal.id);
		expect(after.schedule).toBe('calendar');
		expect(after.blocks.map((b) => b.title)).toEqual(['Orientamento']);
	});
});
