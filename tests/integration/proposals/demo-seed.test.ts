import { describe, expect, it } from 'vitest';
import { startProposalRuntime } from './fixture';
import { seedDemo } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_BY_ROLE } from '../../../src/lib/server/demo/ids';
import { DEMO_PROPOSAL_ID } from '../../../src/lib/server/demo/steps/proposals';
import { overview } from '../../../src/lib/server/proposals/overview';
import { derived } from '../../../src/lib/server/proposals/actions';
import { person } from '../../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { actorOf } from '../../support/factories';
import { authorship } from '../../../src/lib/server/proposals/authorship';
import { DEMO_SECTION_TEXT } from '../../../src/lib/server/demo/data/proposals';
import { plainText } from '../../../src/lib/proposals/section-text';
import { testContext } from '../../support/context';

describe('demo proposal', () => {
	it('seeds a ten-point proposal with text from 001 and its actions, once', async () => {
		const runtime = await startProposalRuntime();
		expect(await seedDemo(runtime.db)).toContain('proposals');
		expect(await seedDemo(runtime.db)).toEqual([]);
		const [coordinator] = await runtime.db
			.select()
			.from(person)
			.where(eq(person.id, DEMO_PERSON_BY_ROLE.coordinator));
		const ctx = testContext(runtime.db, actorOf(coordinator));
		const summary = await overview(ctx, DEMO_PROPOSAL_ID);
		expect(summary.total).toBe(10);
		expect(summary.written).toBe(4);
		expect(summary.sections[0].chars).toBeGreaterThan(300);
		const actions = await derived(ctx, DEMO_PROPOSAL_ID);
		expect(actions.blocks).toHaveLength(6);
		expect(actions.cronoprogramma[4].months.filter(Boolean)).toHaveLength(9);
		expect(actions.budget.total.publicCents).toBe(15_500_000);

		// Who wrote what: several partners, and exactly the seeded text.
		const written = await authorship(ctx, { proposalId: DEMO_PROPOSAL_ID, ref: 'current' });
		expect(written.authors.map((a) => a.name)).toEqual(
			expect.arrayContaining(['Elena Brambilla', 'Giulia Ferraris', 'Marco Colombo'])
		);
		expect(written.authors.every((a) => a.kind === 'person')).toBe(true);
		expect(plainText(written.sections[0].json)).toBe(plainText(DEMO_SECTION_TEXT['1']));
	});
});
