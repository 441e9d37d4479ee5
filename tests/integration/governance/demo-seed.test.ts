import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime } from '../../../src/lib/server/runtime';
import { seedIfEnabled } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_IDS, DEMO_PROJECT_ID, demoUuid } from '../../../src/lib/server/demo/ids';
import * as register from '../../../src/lib/server/governance/decision-register';
import * as minutes from '../../../src/lib/server/governance/minutes';
import * as actionItems from '../../../src/lib/server/governance/action-items';
import {
	approvalRecord,
	minutesDocumentName
} from '../../../src/lib/server/governance/minutes-document';
import { liveDocuments } from '../../../src/lib/server/live/live';
import { createTestDatabase } from '../../support/database';
import { contextFor } from '../../../src/lib/server/context';

const database = await createTestDatabase();
const runtime = await startRuntime({
	config: readConfig({ ...database.env, SEED_DEMO: 'true' }),
	afterMigrate: seedIfEnabled
});
afterAll(async () => {
	await stopRuntime();
	await database.drop();
});
const actor = (key: keyof typeof DEMO_PERSON_IDS) =>
	contextFor(runtime, {
		id: DEMO_PERSON_IDS[key],
		name: key,
		email: `${key}@demo`,
		isAdmin: false
	});
const noFilter = { bodyId: null, status: null, ownerId: null, overdue: false, q: '' };

describe('governance demo', () => {
	it('has decisions in every state, with history, searchable', async () => {
		const { rows, total } = await register.list(actor('observer'), DEMO_PROJECT_ID, noFilter);
		expect(total).toBe(6);
		expect(new Set(rows.map((r) => r.status))).toEqual(
			new Set(['proposed', 'approved', 'in_progress', 'done', 'rejected', 'superseded'])
		);
		const found = await register.list(actor('observer'), DEMO_PROJECT_ID, {
			...noFilter,
			q: 'tirocin'
		});
		expect(found.total).toBe(3);
		expect((await register.timeline(actor('observer'), DEMO_PROJECT_ID, noFilter)).length).toBe(15);
	});

	it('has approved minutes whose stored hash matches the live document', async () => {
		const meetingId = demoUuid('meeting:allargata-1');
		const state = await minutes.minutesState(actor('observer'), meetingId);
		expect(state.status).toBe('approved');
		const doc = await liveDocuments(runtime).read(minutesDocumentName(meetingId));
		expect(approvalRecord(doc).sha256).toBe(state.approval?.sha256);
	});

	it('gives members open action items, some overdue', async () => {
		const items = await actionItems.listOpenForPerson(actor('editorPromos'));
		expect(items.map((i) => i.title)).toContain('Aprire lo sportello di orientamento a Magenta');
	});
});
