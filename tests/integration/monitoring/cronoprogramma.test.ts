import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as crono from '../../../src/lib/server/monitoring/cronoprogramma';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import { readDocument } from '../../../src/lib/server/live/store';
import { actionsDocumentName } from '../../../src/lib/server/proposals/section-content';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { auditEntry, body, meeting, project } from '../../../src/lib/server/db/schema';
import { ForbiddenError, InvalidError, NotFoundError } from '../../../src/lib/server/errors';
import { buildMember } from '../../support/factories';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';

const runtime = await startProposalRuntime();
const table = await buildProposalTable(runtime);
const { db } = table;
const projectId = table.project.id;
const proposalId = table.proposal.id;
// A year gone by (2025): every planned month is over, so the delays do not depend on today.
await db
	.update(project)
	.set({ startsOn: '2025-01-01', endsOn: '2025-12-31' })
	.where(eq(project.id, projectId));
const steering = await buildMember(db, { projectId, role: 'steering_member' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });

const actions = await readDocument(db, actionsDocumentName(proposalId));
await table.live.write(
	actionsDocumentName(proposalId),
	replaceBlocksUpdate(actions, [
		{
			...emptyActionBlock('a3'),
			title: 'Area formativa e orientativa',
			area: 'formativa_orientativa',
			months: [1, 2, 3]
		},
		{ ...emptyActionBlock('a1'), title: 'Cabina di regia', area: 'comunita', months: [1, 2] },
		{ ...emptyActionBlock('a5'), title: 'Attività rendicontative', months: [2, 5] }
	])!
);
actions.destroy();

const person = await records.create(table.ctx(operator), projectId, {
	fullName: 'Giulia Verdi',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2025-01-10',
	note: ''
});
await events.add(table.ctx(operator), projectId, person.id, {
	kind: 'orientation',
	occurredOn: '2025-02-28',
	note: 'Orientamento di Giulia Verdi',
	status: null,
	details: { hours: 4 }
});
const [cabina] = await db
	.insert(body)
	.values({ projectId, kind: 'steering_committee', name: 'Cabina di regia' })
	.returning();
// 31 January at 23:30 in Rome is still January there (22:30 UTC).
await db.insert(meeting).values({
	bodyId: cabina.id,
	projectId,
	title: 'Prima seduta',
	startsAt: new Date('2025-01-31T22:30:00Z'),
	endsAt: new Date('2025-01-31T23:30:00Z')
});

const states = (row: { cells: { state: string }[] } | undefined) =>
	row?.cells.slice(0, 5).map((c) => c.state);

describe('the cronoprogramma as lived', () => {
	it('puts planned months beside meetings and pathway events, and flags the delays', async () => {
		const view = await crono.cronoprogrammaView(table.ctx(table.observer), projectId, null);
		expect(view.proposalId).toBe(proposalId);
		expect(view.canManage).toBe(false);
		const rows = view.lived!.rows;
		expect(view.lived!.months).toHaveLength(12);
		expect(view.lived!.months[1].yearMonth).toBe('2025-02');
		expect(states(rows[0])).toEqual(['late', 'done', 'late', 'none', 'none']);
		expect(rows[0].cells[1].sources).toEqual(['pathway']);
		expect(states(rows[1])).toEqual(['done', 'late', 'none', 'none', 'none']);
		expect(rows[1].cells[0].sources).toEqual(['meeting']);
		expect(rows[2].delays).toBe(2);
	});

	it('lets evaluators and the cabina read it, with no case, name or person in it', async () => {
		for (const reader of [table.observer, steering]) {
			const view = await crono.cronoprogrammaView(table.ctx(reader), projectId, null);
			const text = JSON.stringify(view);
			expect(text).not.toContain('Giulia');
			expect(text).not.toContain(person.id);
			expect(text).not.toContain(person.pseudonym);
		}
	});

	it('lets the coordinator mark a month done and take the mark back, in the audit log', async () => {
		const coordinator = table.ctx(table.coordinator);
		await crono.setMark(coordinator, projectId, {
			proposalId,
			actionId: 'a5',
			month: 2,
			done: true
		});
		await crono.setMark(coordinator, projectId, {
			proposalId,
			actionId: 'a5',
			month: 2,
			done: true
		});
		let view = await crono.cronoprogrammaView(coordinator, projectId, proposalId);
		expect(view.canManage).toBe(true);
		expect(view.lived!.rows[2].cells[1]).toMatchObject({
			state: 'done',
			sources: ['mark'],
			marked: true
		});
		expect(view.lived!.rows[2].delays).toBe(1);

		await crono.setMark(coordinator, projectId, {
			proposalId,
			actionId: 'a5',
			month: 2,
			done: false
		});
		view = await crono.cronoprogrammaView(coordinator, projectId, proposalId);
		expect(view.lived!.rows[2].cells[1].state).toBe('late');
		const logged = await db
			.select({ action: auditEntry.action })
			.from(auditEntry)
			.where(eq(auditEntry.projectId, projectId));
		expect(logged.map((e) => e.action)).toEqual(
			expect.arrayContaining(['monitoring.cronoprogramma.mark', 'monitoring.cronoprogramma.unmark'])
		);
	});

	it('refuses the mark to everyone but the coordinator, and outside the project', async () => {
		const input = { proposalId, actionId: 'a5', month: 5, done: true };
		for (const who of [table.observer, steering, table.owner, operator]) {
			await expect(crono.setMark(table.ctx(who), projectId, input)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		const elsewhere = await buildProposalTable(runtime);
		await expect(
			crono.setMark(elsewhere.ctx(elsewhere.coordinator), elsewhere.project.id, input)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			crono.setMark(table.ctx(elsewhere.coordinator), projectId, input)
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses an unknown action and a month past the end', async () => {
		const coordinator = table.ctx(table.coordinator);
		await expect(
			crono.setMark(coordinator, projectId, { proposalId, actionId: 'zz', month: 1, done: true })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			crono.setMark(coordinator, projectId, { proposalId, actionId: 'a5', month: 13, done: true })
		).rejects.toBeInstanceOf(InvalidError);
	});

	it("finds each activity's row among the project's own areas (ADR 0197)", async () => {
		// Keys as the partnership makes them from labels: "Area sviluppo di comunità", …
		const current = await readDocument(db, actionsDocumentName(proposalId));
		const block = (id: string, title: string, area: string) => ({
			...emptyActionBlock(id),
			title,
			area,
			months: [1, 2]
		});
		await table.live.write(
			actionsDocumentName(proposalId),
			replaceBlocksUpdate(current, [
				block('b1', 'Orientamento', 'area_formativa_e_orientativa'),
				block('b2', 'Cabina di regia', 'governance'),
				block('b3', 'Laboratori di comunità', 'area_sviluppo_di_comunita'),
				block('b4', 'Monitoraggio e valutazione', 'monitoraggio_e_valutazione')
			])!
		);
		current.destroy();
		const view = await crono.cronoprogrammaView(table.ctx(table.observer), projectId, null);
		const row = (id: string) => view.lived!.rows.find((r) => r.actionId === id)!;
		expect(row('b1').cells[1].sources).toEqual(['pathway']);
		// The cabina's meeting is governance now that an action has that area, not community work.
		expect(row('b2').cells[0].sources).toEqual(['meeting']);
		expect(row('b3').cells[0].sources).toEqual([]);
		expect(row('b4').cells.flatMap((c) => c.sources)).toEqual([]);
	});
});
