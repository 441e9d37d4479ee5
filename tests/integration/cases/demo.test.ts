import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openFreshDatabase, demoActor } from '../demo/fresh-database';
import { DEMO_STEPS, seedDemo } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_IDS, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { membership, person } from '../../../src/lib/server/db/schema';
import * as records from '../../../src/lib/server/cases/records';
import * as view from '../../../src/lib/server/cases/view';
import * as referrals from '../../../src/lib/server/cases/referrals';
import { DEMO_CASES } from '../../../src/lib/server/demo/data/cases';
import { DEMO_FOLLOW_UP_CASES } from '../../../src/lib/server/demo/data/follow-ups';
import { testContext } from '../../support/context';

/**
 * The `cases` demo step on a database seeded by an earlier release, whose `people` step knew
 * no second case operator: the step brings her in, then the invented records of both
 * organisations, each seen in full by its own operator only.
 */
const older = await openFreshDatabase();
afterAll(() => older.drop());
const { db } = older;

describe('the demo cases', () => {
	it('arrive on a database seeded before them, with the second operator', async () => {
		await seedDemo(
			db,
			DEMO_STEPS.filter(
				(step) => !['cases', 'labs', 'practices', 'follow-ups', 'referrals'].includes(step.name)
			)
		);
		await db.delete(person).where(eq(person.id, DEMO_PERSON_IDS.caseOperatorAtticus));
		// The labs step comes after the cases it attaches by pseudonym.
		expect(await seedDemo(db)).toEqual(['cases', 'labs', 'practices', 'follow-ups', 'referrals']);
		const [sara] = await db
			.select({ role: membership.role })
			.from(membership)
			.where(eq(membership.personId, DEMO_PERSON_IDS.caseOperatorAtticus));
		expect(sara.role).toBe('case_operator');
	});

	it("show each operator their own organisation's people, by name only to them", async () => {
		const luca = testContext(db, await demoActor(db, 'caseOperator'));
		const sara = testContext(db, await demoActor(db, 'caseOperatorAtticus'));
		const giulia = testContext(db, await demoActor(db, 'coordinator'));
		const pseudonyms = async (ctx: typeof luca) =>
			(await records.list(ctx, DEMO_PROJECT_ID)).map((row) => row.pseudonym).sort();
		// With the three pathways closed in 2025 that the follow-ups step adds.
		expect(await pseudonyms(luca)).toEqual(['B3D-9KT', 'H7Q-2MX', 'K4R-7DW', 'M9C-2HL', 'W5N-4RZ']);
		expect(await pseudonyms(sara)).toEqual(['P8F-3JV', 'R6V-8NP', 'T2G-6YC']);
		expect(await pseudonyms(giulia)).toHaveLength(8);
		const [first] = await records.list(luca, DEMO_PROJECT_ID);
		// The operator's own organisation's record shows the very identity the demo invented for it.
		const invented = [...DEMO_CASES, ...DEMO_FOLLOW_UP_CASES].find(
			(demoCase) => demoCase.pseudonym === first.pseudonym
		);
		expect(invented?.operator).toBe('caseOperator');
		expect((await view.get(luca, DEMO_PROJECT_ID, first.id)).identity).toMatchObject({
			fullName: invented?.identity.fullName,
			fiscalCode: invented?.identity.fiscalCode
		});
		expect((await view.get(giulia, DEMO_PROJECT_ID, first.id)).identity).toBeNull();
		await expect(view.get(sara, DEMO_PROJECT_ID, first.id)).rejects.toMatchObject({ status: 403 });
	});

	it("wait with Atticus's referral to Luca, by pseudonym only", async () => {
		const luca = testContext(db, await demoActor(db, 'caseOperator'));
		const waiting = await referrals.received(luca, DEMO_PROJECT_ID);
		expect(waiting.map((row) => [row.pseudonym, row.sharesIdentity])).toEqual([['T2G-6YC', false]]);
		expect(JSON.stringify(waiting)).not.toContain('Parini');
	});
});
