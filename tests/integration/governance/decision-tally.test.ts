import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as decisions from '../../../src/lib/server/governance/decisions';
import * as register from '../../../src/lib/server/governance/decision-register';
import type { RegisterFilter } from '../../../src/lib/governance/decision-form';
import { body, decision, decisionTally, project } from '../../../src/lib/server/db/schema';
import { addDecisions } from '../../support/bulk-rows';
import { buildCommittee, startGovernanceRuntime } from './fixture';

/**
 * The register's unfiltered size is kept on write by triggers on `decision` (ADR 0215): after
 * every kind of write — one decision proposed, a bulk insert, a delete, a body's cascade, a
 * project's cascade — it equals counting the decisions.
 */
const { runtime } = await startGovernanceRuntime();
const { db } = runtime;
const c = await buildCommittee(runtime);
const other = await buildCommittee(runtime);
const noFilter: RegisterFilter = {
	bodyId: null,
	status: null,
	ownerId: null,
	overdue: false,
	q: ''
};

async function counted(projectId: string): Promise<number> {
	const [{ n }] = await db
		.select({ n: count() })
		.from(decision)
		.where(eq(decision.projectId, projectId));
	return n;
}

async function shown(committee: typeof c): Promise<number> {
	return (await register.list(committee.ctx(committee.observer), committee.projectId, noFilter))
		.total;
}

async function propose(committee: typeof c, text: string) {
	return decisions.propose(committee.ctx(committee.secretary), {
		meetingId: committee.meeting.id,
		agendaItemId: null,
		text,
		quote: '',
		ownerOrganisationId: null,
		ownerPersonId: null,
		dueOn: null,
		links: []
	});
}

describe('the decision register’s kept count', () => {
	it('follows proposals, bulk inserts, deletes and cascades, project by project', async () => {
		expect(await shown(c)).toBe(0);
		const first = await propose(c, 'Avviare i tirocini nel Legnanese');
		await propose(c, 'Aprire lo sportello di Magenta');
		await propose(other, 'Convocare il tavolo dei partner');
		expect(await shown(c)).toBe(2);
		expect(await shown(other)).toBe(1);

		await addDecisions(db, c.projectId, 1_200);
		expect(await shown(c)).toBe(1_202);
		expect(await counted(c.projectId)).toBe(1_202);
		expect(await shown(other)).toBe(1);

		await db.delete(decision).where(eq(decision.id, first.id));
		const some = await db
			.select({ id: decision.id })
			.from(decision)
			.where(eq(decision.projectId, c.projectId))
			.limit(100);
		await db.delete(decision).where(
			inArray(
				decision.id,
				some.map((row) => row.id)
			)
		);
		expect(await shown(c)).toBe(1_101);
		expect(await shown(c)).toBe(await counted(c.projectId));

		// A filtered register is still counted, and agrees.
		const proposed = await register.list(c.ctx(c.observer), c.projectId, {
			...noFilter,
			status: 'proposed'
		});
		const [{ n }] = await db
			.select({ n: count() })
			.from(decision)
			.where(and(eq(decision.projectId, c.projectId), eq(decision.status, 'proposed')));
		expect(proposed.total).toBe(n);
		expect(n).toBeGreaterThan(0);

		// A body's decisions go with it (ON DELETE CASCADE): the count follows.
		await db.delete(body).where(eq(body.id, c.body.id));
		expect(await counted(c.projectId)).toBe(0);
		expect(await shown(c)).toBe(0);
		expect(await shown(other)).toBe(1);

		// A project's row goes with the project.
		await db.delete(project).where(eq(project.id, other.projectId));
		const left = await db
			.select()
			.from(decisionTally)
			.where(eq(decisionTally.projectId, other.projectId));
		expect(left).toEqual([]);
	});
});
