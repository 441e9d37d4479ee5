import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../../src/lib/server/runtime';
import type { Actor } from '../../../src/lib/server/access/policy';
import {
	body,
	bodyMember,
	call,
	comment,
	commentThread,
	decision,
	meeting,
	proposal,
	proposalSection,
	sectionOwner,
	template,
	templateSection
} from '../../../src/lib/server/db/schema';
import { listOpenWork } from '../../../src/lib/server/work/open-work';
import { createTestDatabase } from '../../support/database';
import { buildMember, buildProject } from '../../support/factories';
import { testContext } from '../../support/context';

/**
 * "What waits for me": a partnership of two organisations writing one proposal, a cabina di
 * regia with circulated minutes, a decision entrusted to a member. Each role sees its own work
 * and nothing it could not act on.
 */
let runtime: Runtime;
let world: Awaited<ReturnType<typeof buildWorld>>;
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();

beforeAll(async () => {
	const database = await createTestDatabase({ inMemory: true });
	runtime = await startRuntime({ config: readConfig({ ...database.env, SEED_DEMO: 'false' }) });
	world = await buildWorld(runtime);
});
afterAll(async () => {
	await stopRuntime();
});

async function buildWorld({ db }: Runtime) {
	const { id: projectId } = await buildProject(db, { title: 'WORK IN PROGRESS' });
	const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
	const editorA = await buildMember(db, { projectId, role: 'partner_editor' });
	const editorB = await buildMember(db, { projectId, role: 'partner_editor' });
	const observer = await buildMember(db, { projectId, role: 'observer' });
	const steering = await buildMember(db, { projectId, role: 'steering_member' });

	const [tpl] = await db.insert(template).values({ name: 'Scheda progetto' }).returning();
	const sections = await db
		.insert(templateSection)
		.values(
			['Analisi del contesto', 'Obiettivi', 'Azioni', 'Budget'].map((title, index) => ({
				templateId: tpl.id,
				position: index,
				number: String(index + 1),
				title
			}))
		)
		.returning();
	const [theCall] = await db
		.insert(call)
		.values({ projectId, title: 'Avviso di co-progettazione', templateId: tpl.id })
		.returning();
	const [theProposal] = await db
		.insert(proposal)
		.values({ projectId, callId: theCall.id, title: 'Proposta WORK IN PROGRESS' })
		.returning();
	const section = async (
		position: number,
		status: 'to_write' | 'draft' | 'in_review' | 'agreed'
	) => {
		const [row] = await db
			.insert(proposalSection)
			.values({
				proposalId: theProposal.id,
				templateSectionId: sections[position].id,
				position,
				number: sections[position].number,
				title: sections[position].title,
				status
			})
			.returning();
		return row;
	};
	const context = await section(0, 'to_write');
	const goals = await section(1, 'draft');
	const actions = await section(2, 'in_review');
	const budget = await section(3, 'agreed');
	await db.insert(sectionOwner).values([
		{ sectionId: context.id, organisationId: editorA.organisationId },
		{ sectionId: goals.id, organisationId: editorB.organisationId },
		{ sectionId: actions.id, organisationId: editorA.organisationId },
		{ sectionId: budget.id, organisationId: editorA.organisationId }
	]);
	const [thread] = await db
		.insert(commentThread)
		.values({
			sectionId: context.id,
			anchorFrom: new Uint8Array([0]),
			anchorTo: new Uint8Array([1]),
			quotedText: 'i NEET del Legnanese'
		})
		.returning();
	await db.insert(comment).values([
		{
			threadId: thread.id,
			authorId: editorA.person.id,
			body: 'Aggiungo i dati ISTAT?',
			createdAt: new Date(NOW.getTime() - 2 * DAY)
		},
		{
			threadId: thread.id,
			authorId: coordinator.person.id,
			body: 'Sì, quelli 2024.',
			createdAt: new Date(NOW.getTime() - DAY)
		}
	]);

	const [cabina] = await db
		.insert(body)
		.values({ projectId, kind: 'steering_committee', name: 'Cabina di regia' })
		.returning();
	await db.insert(bodyMember).values([
		{ bodyId: cabina.id, personId: coordinator.person.id, role: 'chair' },
		{ bodyId: cabina.id, personId: steering.person.id, role: 'member' }
	]);
	const [past] = await db
		.insert(meeting)
		.values({
			bodyId: cabina.id,
			projectId,
			title: 'Cabina di regia del 12 novembre',
			startsAt: new Date(NOW.getTime() - 14 * DAY),
			endsAt: new Date(NOW.getTime() - 14 * DAY + 7_200_000),
			minutesStatus: 'circulated',
			amendmentClosesAt: new Date(NOW.getTime() + 3 * DAY)
		})
		.returning();
	const [next] = await db
		.insert(meeting)
		.values({
			bodyId: cabina.id,
			projectId,
			title: 'Cabina di regia di dicembre',
			startsAt: new Date(NOW.getTime() + 5 * DAY),
			endsAt: new Date(NOW.getTime() + 5 * DAY + 7_200_000)
		})
		.returning();
	await db.insert(meeting).values({
		bodyId: cabina.id,
		projectId,
		title: 'Cabina di regia di febbraio',
		startsAt: new Date(NOW.getTime() + 60 * DAY),
		endsAt: new Date(NOW.getTime() + 60 * DAY + 7_200_000)
	});
	const yesterday = new Date(NOW.getTime() - DAY).toISOString().slice(0, 10);
	const [due] = await db
		.insert(decision)
		.values({
			projectId,
			bodyId: cabina.id,
			text: 'Convocare il tavolo con le imprese del territorio',
			status: 'approved',
			ownerPersonId: steering.person.id,
			dueOn: yesterday
		})
		.returning();
	await db.insert(decision).values({
		projectId,
		bodyId: cabina.id,
		text: 'Decisione già attuata',
		status: 'done',
		ownerPersonId: steering.person.id
	});
	return {
		db,
		coordinator,
		editorA,
		editorB,
		observer,
		steering,
		sections: { context, goals, actions, budget },
		thread,
		meetings: { past, next },
		due
	};
}

const work = (who: { actor: Actor }) => listOpenWork(testContext(world.db, who.actor), NOW);

describe('what waits for me', () => {
	it("lists a partner's own sections still to write or in draft, never another organisation's", async () => {
		const a = await work(world.editorA);
		expect(a.sectionsToWrite.map((row) => row.title)).toEqual(['Analisi del contesto']);
		const b = await work(world.editorB);
		expect(b.sectionsToWrite.map((row) => row.title)).toEqual(['Obiettivi']);
	});

	it('lists a comment to answer until the partner has the last word', async () => {
		const before = await work(world.editorA);
		expect(before.commentsToAnswer).toMatchObject([
			{ threadId: world.thread.id, quotedText: 'i NEET del Legnanese', number: '1' }
		]);
		expect((await work(world.editorB)).commentsToAnswer).toEqual([]);
		await world.db
			.insert(comment)
			.values({ threadId: world.thread.id, authorId: world.editorA.person.id, body: 'Fatto.' });
		expect((await work(world.editorA)).commentsToAnswer).toEqual([]);
	});

	it('gives sections in review to the coordinator, who may review, and to nobody else', async () => {
		expect((await work(world.coordinator)).sectionsToReview.map((row) => row.title)).toEqual([
			'Azioni'
		]);
		expect((await work(world.editorA)).sectionsToReview).toEqual([]);
		expect((await work(world.observer)).sectionsToReview).toEqual([]);
	});

	it("lists circulated minutes and the fortnight's meetings to the body's members only", async () => {
		const steering = await work(world.steering);
		expect(steering.minutesToAmend.map((row) => row.meetingId)).toEqual([world.meetings.past.id]);
		expect(steering.upcomingMeetings.map((row) => row.title)).toEqual([
			'Cabina di regia di dicembre'
		]);
		const partner = await work(world.editorA);
		expect(partner.minutesToAmend).toEqual([]);
		expect(partner.upcomingMeetings).toEqual([]);
	});

	it('lists the decisions a person answers for, overdue marked, done ones left out', async () => {
		expect((await work(world.steering)).decisionsDue).toMatchObject([
			{ decisionId: world.due.id, overdue: true }
		]);
		expect((await work(world.coordinator)).decisionsDue).toEqual([]);
	});

	it('gives an observer nothing to do', async () => {
		const observer = await work(world.observer);
		expect(Object.values(observer).flat()).toEqual([]);
	});
});
