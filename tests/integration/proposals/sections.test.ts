import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/lib/server/runtime';
import * as sections from '../../../src/lib/server/proposals/sections';
import * as comments from '../../../src/lib/server/proposals/comments';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import { overview } from '../../../src/lib/server/proposals/overview';
import { documentPermission } from '../../../src/lib/server/live-kinds';
import { anchorInText, buildProposalTable, startProposalRuntime } from './fixture';

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
});

const anchor = anchorInText();

describe('proposal sections and access', () => {
	it('creates one section per template section, in order, with owners', async () => {
		expect(table.sections.map((s) => s.number)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
			'8',
			'9',
			'10'
		]);
		expect(table.sections[0].ownerOrganisationIds).toEqual([table.owner.organisationId]);
		expect(table.sections[4].kind).toBe('actions');
	});

	it('lets owners edit, other partners suggest and observers only read', async () => {
		const name = `section:${table.sections[0].id}`;
		const mode = async (who: typeof table.owner) =>
			(await sections.editorMode(table.ctx(who), table.sections[0].id)).mode;
		expect(await mode(table.owner)).toBe('edit');
		expect(await mode(table.coordinator)).toBe('edit');
		expect(await mode(table.partner)).toBe('suggest');
		expect(await mode(table.observer)).toBe('read');
		expect(await documentPermission(table.db, table.partner.actor, name)).toBe('suggest');
		expect(await documentPermission(table.db, table.observer.actor, name)).toBe('read');
	});

	it('lets a non-owner partner comment but not move the status; refuses observers', async () => {
		const sectionId = table.sections[0].id;
		const input = { sectionId, anchorFrom: anchor, anchorTo: anchor, quotedText: 'x', body: 'Ok?' };
		const thread = await comments.create(table.ctx(table.partner), input);
		await comments.reply(table.ctx(table.owner), { threadId: thread.id, body: 'Sì' });
		await expect(comments.create(table.ctx(table.observer), input)).rejects.toThrow('forbidden');
		await expect(
			comments.create(table.ctx(table.partner), { ...input, anchorFrom: 'AQID' })
		).rejects.toThrow('invalid');
		await expect(
			sections.setStatus(table.ctx(table.partner), { sectionId, status: 'draft' })
		).rejects.toThrow('forbidden');
		const listed = await comments.listForSection(table.ctx(table.observer), sectionId);
		expect(listed[0].comments.map((c) => c.body)).toEqual(['Ok?', 'Sì']);
		expect(listed[0].anchorFrom).toBe(anchor);
		await comments.setResolved(table.ctx(table.owner), { threadId: thread.id, resolved: true });
		const summary = await overview(table.ctx(table.observer), table.proposal.id);
		expect(summary.sections[0]).toMatchObject({ comments: 1, openComments: 0 });
	});

	it('follows the status machine; only the coordinator agrees', async () => {
		const sectionId = table.sections[0].id;
		const owner = table.ctx(table.owner);
		// Agreeing is the coordinator's (the policy answers first)...
		await expect(sections.setStatus(owner, { sectionId, status: 'agreed' })).rejects.toMatchObject({
			code: 'forbidden',
			status: 403
		});
		// ...and even she cannot agree a section still to write: the status machine refuses.
		await expect(
			sections.setStatus(table.ctx(table.coordinator), { sectionId, status: 'agreed' })
		).rejects.toMatchObject({ code: 'proposal_bad_transition', status: 400 });
		await sections.setStatus(owner, { sectionId, status: 'draft' });
		await sections.setStatus(owner, { sectionId, status: 'in_review' });
		await expect(sections.setStatus(owner, { sectionId, status: 'agreed' })).rejects.toThrow(
			'forbidden'
		);
		const agreed = await sections.setStatus(table.ctx(table.coordinator), {
			sectionId,
			status: 'agreed'
		});
		expect(agreed.status).toBe('agreed');
		await expect(
			sections.setStatus(table.ctx(table.coordinator), { sectionId, status: 'to_write' })
		).rejects.toThrow('proposal_bad_transition');
	});

	it('locks a section for everyone and tells the collaboration server', async () => {
		const sectionId = table.sections[1].id;
		const invalidated: unknown[] = [];
		const stop = runtime.invalidations.subscribe((event) => invalidated.push(event));
		await expect(sections.lock(table.ctx(table.owner), { sectionId })).rejects.toThrow('forbidden');
		await sections.lock(table.ctx(table.coordinator), { sectionId });
		stop();
		expect(invalidated).toEqual([{ documentName: `section:${sectionId}` }]);
		const name = `section:${sectionId}`;
		expect(await documentPermission(table.db, table.coordinator.actor, name)).toBe('read');
		expect((await sections.editorMode(table.ctx(table.owner), sectionId)).mode).toBe('read');
		await sections.unlock(table.ctx(table.coordinator), { sectionId });
		expect(await documentPermission(table.db, table.coordinator.actor, name)).toBe('write');
	});

	it('lets the actions section owners write the action blocks, others read them', async () => {
		const name = `actions:${table.proposal.id}`;
		expect(await documentPermission(table.db, table.owner.actor, name)).toBe('write');
		expect(await documentPermission(table.db, table.coordinator.actor, name)).toBe('write');
		expect(await documentPermission(table.db, table.partner.actor, name)).toBe('read');
		expect(
			await documentPermission(table.db, table.observer.actor, `actions:${crypto.randomUUID()}`)
		).toBe('none');
	});

	it('lets only the coordinator mark the proposal submitted', async () => {
		const input = { proposalId: table.proposal.id, status: 'submitted' as const };
		await expect(proposals.setStatus(table.ctx(table.owner), input)).rejects.toThrow('forbidden');
		expect((await proposals.setStatus(table.ctx(table.coordinator), input)).status).toBe(
			'submitted'
		);
	});

	it('assigns owners only among the project partners', async () => {
		const sectionId = table.sections[2].id;
		await sections.setOwners(table.ctx(table.coordinator), {
			sectionId,
			organisationIds: [table.partner.organisationId]
		});
		expect((await sections.editorMode(table.ctx(table.partner), sectionId)).mode).toBe('edit');
		await expect(
			sections.setOwners(table.ctx(table.coordinator), {
				sectionId,
				organisationIds: [crypto.randomUUID()]
			})
		).rejects.toThrow('proposal_owner_not_partner');
	});
});
