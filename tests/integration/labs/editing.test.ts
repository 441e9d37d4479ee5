import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, labSession } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessions from '../../../src/lib/server/labs/sessions';
import * as sessionCases from '../../../src/lib/server/labs/session-cases';
import { startTestServer } from '../../support/server';
import { buildCase, buildMember, buildProject, signIn } from '../../support/factories';
import { testContext } from '../../support/context';

/**
 * Editing a lab after it opened, moving its sessions and taking cases off them, through the
 * built server's forms as `use:enhance` posts them.
 */
const server = await startTestServer();
const { db } = server.runtime;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const { id: projectId } = await buildProject(db);
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const participant = await buildMember(db, { projectId, role: 'partner_editor' });
const newcomer = await buildMember(db, { projectId, role: 'partner_editor' });

const lab = await labs.create(ctx(facilitator), projectId, {
	title: 'Laboratorio Rhodense',
	theme: 'Tirocini che diventano lavoro',
	facilitatorId: facilitator.person.id,
	'districtIds[]': [],
	'participantIds[]': [participant.person.id, operator.person.id, otherOperator.person.id]
});
const session = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Prima sessione',
	startsAt: '2026-05-12T14:30',
	endsAt: '2026-05-12T17:00',
	place: 'Rho'
});
const own = await buildCase(db, { projectId, organisationId: operator.organisationId });
const others = await buildCase(db, { projectId, organisationId: otherOperator.organisationId });
for (const found of [own, others]) {
	await sessions.attachCase(ctx(facilitator), projectId, lab.id, {
		sessionId: session.id,
		pseudonym: found.pseudonym
	});
}

const labPath = `${server.url}/projects/${projectId}/labs/${lab.id}`;
const sessionPath = `${labPath}/sessions/${session.id}`;

async function post(url: string, personId: string, fields: [string, string][]) {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			cookie: await signIn(db, personId),
			origin: server.url.replace(/^http:/, 'https:'),
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return (await response.json()) as {
		type: string;
		status: number;
		location?: string;
		data?: string;
	};
}

const audited = (action: string, resourceId: string) =>
	db
		.select()
		.from(auditEntry)
		.where(and(eq(auditEntry.action, action), eq(auditEntry.resourceId, resourceId)));

describe('editing a lab', () => {
	it('shows the edit page to those who run labs only, with the lab as it is', async () => {
		const page = await fetch(`${labPath}/edit`, {
			headers: { cookie: await signIn(db, facilitator.person.id) }
		});
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('value="Laboratorio Rhodense"');
		const refused = await fetch(`${labPath}/edit`, {
			headers: { cookie: await signIn(db, participant.person.id) }
		});
		expect(refused.status).toBe(403);
	});

	it('refuses a participant, and a facilitator from outside the project', async () => {
		const fields: [string, string][] = [
			['title', 'Titolo rubato'],
			['facilitatorId', participant.person.id]
		];
		expect(await post(`${labPath}/edit`, participant.person.id, fields)).toMatchObject({
			type: 'failure',
			status: 403
		});
		const outsider = await buildMember(db, {
			projectId: (await buildProject(db)).id,
			role: 'facilitator'
		});
		const invalid = await post(`${labPath}/edit`, facilitator.person.id, [
			['title', 'Laboratorio Rhodense e Legnanese'],
			['facilitatorId', outsider.person.id]
		]);
		expect(invalid).toMatchObject({ type: 'failure', status: 400 });
		expect(invalid.data).toContain('facilitatorId');
		expect((await labs.findLab(db, projectId, lab.id)).title).toBe('Laboratorio Rhodense');
	});

	it('changes title, theme and participants at once; who left stops writing', async () => {
		const answer = await post(`${labPath}/edit`, facilitator.person.id, [
			['title', 'Laboratorio Rhodense e Legnanese'],
			['theme', 'Tirocini e assunzioni'],
			['facilitatorId', facilitator.person.id],
			['participantIds[]', operator.person.id],
			['participantIds[]', otherOperator.person.id],
			['participantIds[]', newcomer.person.id]
		]);
		expect(answer).toMatchObject({
			type: 'redirect',
			location: `/projects/${projectId}/labs/${lab.id}?edited=1`
		});
		const view = await labs.get(ctx(facilitator), projectId, lab.id);
		expect(view.lab).toMatchObject({
			title: 'Laboratorio Rhodense e Legnanese',
			theme: 'Tirocini e assunzioni'
		});
		expect(view.participants.map((p) => p.id).sort()).toEqual(
			[operator.person.id, otherOperator.person.id, newcomer.person.id].sort()
		);
		expect((await labs.get(ctx(participant), projectId, lab.id)).canWrite).toBe(false);
		expect((await labs.get(ctx(newcomer), projectId, lab.id)).canWrite).toBe(true);
		const [entry] = await audited('lab.update', lab.id);
		expect(entry.actorId).toBe(facilitator.person.id);
		expect(entry.detail).toEqual({
			added: [newcomer.person.id],
			removed: [participant.person.id]
		});
	});
});

describe('editing a session', () => {
	it('moves it, read as Rome time, and audits the change', async () => {
		const answer = await post(`${sessionPath}?/edit`, facilitator.person.id, [
			['title', 'Prima sessione (spostata)'],
			['startsAt', '2026-06-10T14:30'],
			['endsAt', '2026-06-10T17:00'],
			['place', 'Legnano']
		]);
		expect(answer).toMatchObject({ type: 'success' });
		const [row] = await db.select().from(labSession).where(eq(labSession.id, session.id));
		expect(row).toMatchObject({ title: 'Prima sessione (spostata)', place: 'Legnano' });
		// June in Rome is UTC+2.
		expect(row.startsAt.toISOString()).toBe('2026-06-10T12:30:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2026-06-10T15:00:00.000Z');
		expect(await audited('lab.session_update', session.id)).toHaveLength(1);
	});

	it('keeps the session when the end comes before the start, with the error in Italian', async () => {
		const answer = await post(`${sessionPath}?/edit`, facilitator.person.id, [
			['title', 'Sessione al contrario'],
			['startsAt', '2026-06-10T17:00'],
			['endsAt', '2026-06-10T14:00']
		]);
		expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(answer.data).toContain('endsAt');
		expect(answer.data).toContain('fine');
		const [row] = await db.select().from(labSession).where(eq(labSession.id, session.id));
		expect(row.title).toBe('Prima sessione (spostata)');
	});

	it('lets a participant who does not run labs move nothing', async () => {
		const answer = await post(`${sessionPath}?/edit`, operator.person.id, [
			['title', 'Sessione spostata da un operatore'],
			['startsAt', '2026-07-01T10:00'],
			['endsAt', '2026-07-01T12:00']
		]);
		expect(answer).toMatchObject({ type: 'failure', status: 403 });
	});
});

describe('detaching a case from a session', () => {
	const pseudonyms = async (member: { actor: Ctx['actor'] }) =>
		(await sessionCases.list(ctx(member), projectId, lab.id, session.id)).cases.map((c) => [
			c.pseudonym,
			c.canDetach
		]);

	it("lets an operator take off their own organisation's case, not another's", async () => {
		expect(await pseudonyms(operator)).toEqual(
			[
				[own.pseudonym, true],
				[others.pseudonym, false]
			].sort()
		);
		const refused = await post(`${sessionPath}?/detach`, operator.person.id, [
			['sessionId', session.id],
			['caseId', others.id]
		]);
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect(refused.data).toContain('labs_case_not_attached');
		const done = await post(`${sessionPath}?/detach`, operator.person.id, [
			['sessionId', session.id],
			['caseId', own.id]
		]);
		expect(done).toMatchObject({ type: 'success' });
		expect(await pseudonyms(operator)).toEqual([[others.pseudonym, false]]);
		const [entry] = await audited('case.lab_detach', own.id);
		expect(entry).toMatchObject({ actorId: operator.person.id, detail: { sessionId: session.id } });
	});

	it('lets the facilitator take off any case, once', async () => {
		const fields: [string, string][] = [
			['sessionId', session.id],
			['caseId', others.id]
		];
		expect(await post(`${sessionPath}?/detach`, facilitator.person.id, fields)).toMatchObject({
			type: 'success'
		});
		expect(await pseudonyms(facilitator)).toEqual([]);
		expect(await post(`${sessionPath}?/detach`, facilitator.person.id, fields)).toMatchObject({
			type: 'failure',
			status: 400
		});
		expect(await audited('case.lab_detach', others.id)).toHaveLength(1);
	});
});
