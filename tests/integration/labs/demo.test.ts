import { afterAll, describe, expect, it } from 'vitest';
import { openFreshDatabase, demoActor } from '../demo/fresh-database';
import { seedDemo } from '../../../src/lib/server/demo/seed';
import { demoUuid, DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { readDocument } from '../../../src/lib/server/live/store';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessionCases from '../../../src/lib/server/labs/session-cases';
import { readBoard } from '../../../src/lib/labs/board';
import { testContext } from '../../support/context';
import * as practices from '../../../src/lib/server/labs/practices';
import { practiceFilter } from '../../../src/lib/labs/practice-form';

/** The demo lab of 000/004: two sessions, a board with cards, Karim's case by pseudonym. */
const fresh = await openFreshDatabase();
afterAll(() => fresh.drop());
const { db } = fresh;
await seedDemo(db);

describe('the demo lab', () => {
	it('has two sessions, a board and an attached case seen by pseudonym only', async () => {
		const ctx = testContext(db, await demoActor(db, 'facilitator'));
		const [summary] = await labs.list(ctx, DEMO_PROJECT_ID);
		expect(summary).toMatchObject({ title: 'Laboratorio di co-progettazione', sessions: 2 });
		const view = await labs.get(ctx, DEMO_PROJECT_ID, summary.id);
		const first = view.sessions[0];
		const seen = await sessionCases.list(ctx, DEMO_PROJECT_ID, summary.id, first.id);
		expect(seen.cases.map((c) => c.pseudonym)).toEqual(['H7Q-2MX']);
		expect(JSON.stringify(seen)).not.toContain('Benali');
		const doc = await readDocument(db, `labboard:${first.id}`);
		const board = readBoard(doc);
		expect(board.map((c) => c.title)).toEqual([
			'',
			'Ostacoli',
			'Risorse della rete',
			'Cosa ha funzionato'
		]);
		expect(board.flatMap((c) => c.cards)).toHaveLength(6);
		expect(first.id).toBe(demoUuid('lab-session:1'));
	});

	it('has the two good practices of its board, the first learnt from H7Q-2MX', async () => {
		const ctx = testContext(db, await demoActor(db, 'facilitator'));
		const rows = await practices.list(ctx, DEMO_PROJECT_ID, practiceFilter.parse({}));
		expect(rows.map((p) => p.title).sort()).toEqual([
			'Colloquio a tre a metà tirocinio',
			'Tutor aziendale affiancato al tutor del servizio'
		]);
		const tutor = rows.find((p) => p.title.startsWith('Tutor'))!;
		const view = await practices.get(ctx, DEMO_PROJECT_ID, tutor.id);
		expect(view.pseudonyms).toEqual(['H7Q-2MX']);
		expect(JSON.stringify(view)).not.toContain('Benali');
	});
});
