import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as trace from '../../../src/lib/server/monitoring/traceability';
import * as records from '../../../src/lib/server/cases/records';
import { readDocument } from '../../../src/lib/server/live/store';
import { actionsDocumentName } from '../../../src/lib/server/proposals/section-content';
import { replaceBlocksUpdate } from '../../../src/lib/server/proposals/action-blocks';
import { emptyActionBlock } from '../../../src/lib/proposals/action-block';
import { body, decision, project } from '../../../src/lib/server/db/schema';
import { ForbiddenError, InvalidError, NotFoundError } from '../../../src/lib/server/errors';
import { buildMember } from '../../support/factories';
import { buildProposalTable, startProposalRuntime } from '../proposals/fixture';

const runtime = await startProposalRuntime();
const table = await buildProposalTable(runtime);
const { db } = table;
const projectId = table.project.id;
const proposalId = table.proposal.id;
await db
	.update(project)
	.set({ startsOn: '2025-01-01', endsOn: '2025-12-31' })
	.where(eq(project.id, projectId));
const steering = await buildMember(db, { projectId, role: 'steering_member' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const actionsDoc = await readDocument(db, actionsDocumentName(proposalId));
await table.live.write(
	actionsDocumentName(proposalId),
	replaceBlocksUpdate(actionsDoc, [
		{ ...emptyActionBlock('a3'), title: 'Orientamento', months: [1, 2] },
		{ ...emptyActionBlock('a5'), title: 'Rendicontazione', months: [6] }
	])!
);
actionsDoc.destroy();
const [cabina] = await db
	.insert(body)
	.values({ projectId, kind: 'steering_committee', name: 'Cabina di regia' })
	.returning();
const [made] = await db
	.insert(decision)
	.values({ projectId, bodyId: cabina.id, text: 'Avviare i tirocini', status: 'approved' })
	.returning();
await records.create(table.ctx(operator), projectId, {
	fullName: 'Giulia Verdi',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2025-01-10',
	note: ''
});

const coordinator = table.ctx(table.coordinator);
const a3 = `${proposalId}:a3`;
const a5 = `${proposalId}:a5`;
const gaps = async () =>
	(await trace.traceabilityView(table.ctx(table.observer), projectId)).gaps.map(
		(g) => `${g.kind} ${g.title}`
	);

describe('traceability', () => {
	it('lists every action without an objective or activity before anything is linked', async () => {
		expect(await gaps()).toEqual([
			'action_without_objective Orientamento',
			'action_without_objective Rendicontazione',
			'action_without_activity Orientamento',
			'action_without_activity Rendicontazione'
		]);
	});

	it('walks the thread the coordinator links, and closes the gaps', async () => {
		const need = await trace.addNode(coordinator, projectId, {
			kind: 'need',
			title: 'Giovani senza lavoro'
		});
		const objective = await trace.addNode(coordinator, projectId, {
			kind: 'objective',
			title: 'Orientare 120 persone'
		});
		expect(await gaps()).toContain('objective_without_indicator Orientare 120 persone');
		const link = (kind: 'need_objective', fromId: string, toId: string) =>
			trace.setLink(coordinator, projectId, { kind, fromId, toId, done: true });
		await link('need_objective', need.id, objective.id);
		await trace.setLink(coordinator, projectId, {
			kind: 'objective_action',
			fromId: objective.id,
			toId: a3,
			done: true
		});
		await trace.setLink(coordinator, projectId, {
			kind: 'decision_action',
			fromId: made.id,
			toId: a3,
			done: true
		});
		await trace.setLink(coordinator, projectId, {
			kind: 'indicator_objective',
			fromId: 'orientation_training',
			toId: objective.id,
			done: true
		});
		expect(await gaps()).toEqual([
			'action_without_objective Rendicontazione',
			'action_without_activity Rendicontazione'
		]);
		const view = await trace.traceabilityView(table.ctx(steering), projectId);
		const thread = view.forward[0].objectives[0];
		expect(thread.actions[0].decisions.map((d) => d.text)).toEqual(['Avviare i tirocini']);
		expect(thread.indicators.map((i) => i.key)).toEqual(['orientation_training']);
		expect(
			view.backward.find((i) => i.key === 'orientation_training')?.objectives[0].needs
		).toEqual([{ id: need.id, title: 'Giovani senza lavoro' }]);
		expect(JSON.stringify(view)).not.toContain('Giulia');

		await trace.setLink(coordinator, projectId, {
			kind: 'decision_action',
			fromId: made.id,
			toId: a3,
			done: false
		});
		expect(await gaps()).toContain('action_without_activity Orientamento');
		await trace.removeNode(coordinator, projectId, objective.id);
		expect(await gaps()).toContain('need_without_objective Giovani senza lavoro');
	});

	it('refuses links to things outside the project, and changes to everyone but the coordinator', async () => {
		await expect(
			trace.setLink(coordinator, projectId, {
				kind: 'objective_action',
				fromId: made.id,
				toId: a5,
				done: true
			})
		).rejects.toBeInstanceOf(InvalidError);
		await expect(
			trace.setLink(coordinator, projectId, {
				kind: 'indicator_objective',
				fromId: 'nonsense',
				toId: a5,
				done: true
			})
		).rejects.toBeInstanceOf(InvalidError);
		for (const who of [table.observer, steering, table.owner, operator]) {
			await expect(
				trace.addNode(table.ctx(who), projectId, { kind: 'need', title: 'Bisogno' })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		const elsewhere = await buildProposalTable(runtime);
		const theirs = await trace.addNode(elsewhere.ctx(elsewhere.coordinator), elsewhere.project.id, {
			kind: 'need',
			title: 'Altro bisogno'
		});
		await expect(trace.removeNode(coordinator, projectId, theirs.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			trace.traceabilityView(table.ctx(elsewhere.observer), projectId)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
