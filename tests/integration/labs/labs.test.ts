import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessions from '../../../src/lib/server/labs/sessions';
import * as sessionCases from '../../../src/lib/server/labs/session-cases';
import { caseEventForm } from '../../../src/lib/cases/event-form';
import { addCard, addCluster, moveCard, readBoard, UNSORTED } from '../../../src/lib/labs/board';
import { startTestServer } from '../../support/server';
import { connectClient, eventually } from '../../support/collab';
import { buildMember, buildOrganisation, buildProject, signIn } from '../../support/factories';
import { testContext } from '../../support/context';

const server = await startTestServer();
const { db } = server.runtime;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const { id: projectId } = await buildProject(db);
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const participant = await buildMember(db, { projectId, role: 'partner_editor' });
const bystander = await buildMember(db, { projectId, role: 'partner_editor' });
const host = await buildOrganisation(db, { name: 'Magazzini Parabiago Srl', kind: 'company' });

const NAME = 'Yusuf Okonkwo-Labtest';
const NOTE = 'Nota riservata laboratorio: vive con la zia.';
const record = await records.create(ctx(operator), projectId, {
	fullName: NAME,
	fiscalCode: null,
	phone: '333 999 0000',
	email: null,
	referredOn: '2026-01-12',
	note: NOTE,
	targetCategory: 'migrants',
	municipalityId: null,
	referralSource: 'social_services'
});
await events.add(
	ctx(operator),
	projectId,
	record.id,
	caseEventForm.parse({
		kind: 'internship',
		occurredOn: '2026-03-02',
		note: NOTE,
		hostOrganisationId: host.id,
		internshipStartOn: '2026-03-02',
		months: '6',
		outcome: 'ongoing'
	})
);

const lab = await labs.create(ctx(facilitator), projectId, {
	title: 'Laboratorio Rhodense',
	theme: 'Tirocini che diventano lavoro',
	facilitatorId: facilitator.person.id,
	'districtIds[]': [],
	'participantIds[]': [participant.person.id, operator.person.id]
});
const session = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Prima sessione',
	startsAt: '2026-05-12T14:30',
	endsAt: '2026-05-12T17:00',
	place: 'Rho'
});

describe('labs', () => {
	it('lets only those who run labs open labs and schedule sessions', async () => {
		await expect(
			labs.create(ctx(participant), projectId, {
				title: 'Altro',
				theme: '',
				facilitatorId: participant.person.id,
				'districtIds[]': [],
				'participantIds[]': []
			})
		).rejects.toMatchObject({ status: 403 });
		expect(session.startsAt.toISOString()).toBe('2026-05-12T12:30:00.000Z');
		const view = await labs.get(ctx(participant), projectId, lab.id);
		expect(view.sessions.map((s) => s.title)).toEqual(['Prima sessione']);
		expect(view.canWrite).toBe(true);
		expect((await labs.get(ctx(bystander), projectId, lab.id)).canWrite).toBe(false);
	});

	it("attaches a case by pseudonym: the facilitator any, an operator only their organisation's", async () => {
		await expect(
			sessions.attachCase(ctx(otherOperator), projectId, lab.id, {
				sessionId: session.id,
				pseudonym: record.pseudonym
			})
		).rejects.toMatchObject({ status: 403 });
		await expect(
			sessions.attachCase(ctx(facilitator), projectId, lab.id, {
				sessionId: session.id,
				pseudonym: 'ZZZ-ZZZ'
			})
		).rejects.toMatchObject({ status: 400, issues: { pseudonym: [expect.any(String)] } });
		await sessions.attachCase(ctx(facilitator), projectId, lab.id, {
			sessionId: session.id,
			pseudonym: record.pseudonym.toLowerCase()
		});
	});

	it('shows the lab pseudonym, target and structured path, never identity or notes; audited', async () => {
		for (const who of [facilitator, participant, operator]) {
			const seen = await sessionCases.list(ctx(who), projectId, lab.id, session.id);
			expect(seen.cases).toHaveLength(1);
			expect(seen.cases[0]).toMatchObject({
				pseudonym: record.pseudonym,
				targetCategory: 'migrants'
			});
			expect(seen.cases[0].events.map((e) => e.kind)).toEqual(['referral', 'internship']);
			expect(seen.organisationNames[host.id]).toBe('Magazzini Parabiago Srl');
			const text = JSON.stringify(seen);
			for (const secret of [NAME, 'Okonkwo', NOTE, '333 999']) expect(text).not.toContain(secret);
			expect(Object.keys(seen.cases[0].events[1]).sort()).toEqual([
				'details',
				'kind',
				'occurredOn'
			]);
		}
		await expect(
			sessionCases.list(ctx(bystander), projectId, lab.id, session.id)
		).rejects.toMatchObject({ status: 403 });
		const audit = await db.select().from(auditEntry).where(eq(auditEntry.resourceId, record.id));
		expect(audit.map((a) => a.action)).toContain('case.lab_read');
		expect(JSON.stringify(audit)).not.toContain(record.pseudonym);
	});

	it('never sends identity or notes in the session page data, for anyone', async () => {
		const path = `/projects/${projectId}/labs/${lab.id}/sessions/${session.id}/__data.json`;
		for (const who of [facilitator, participant, bystander]) {
			const response = await fetch(`${server.url}${path}`, {
				headers: { cookie: await signIn(db, who.person.id) }
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const body = await response.text();
			for (const secret of [NAME, 'Okonkwo', NOTE, '333 999']) expect(body).not.toContain(secret);
			expect(body.includes(record.pseudonym)).toBe(who !== bystander);
		}
	});
});

describe('the lab board, live', () => {
	it('two participants add and move cards and see each other’s moves', async () => {
		const name = `labboard:${session.id}`;
		const anna = connectClient(server.wsUrl, name, await signIn(db, participant.person.id));
		const chiara = connectClient(server.wsUrl, name, await signIn(db, facilitator.person.id));
		await Promise.all([anna.synced(), chiara.synced()]);
		const works = addCluster(anna.doc, 'Cosa ha funzionato');
		const card = addCard(anna.doc, {
			text: 'Tutor in azienda',
			clusterId: UNSORTED,
			author: 'Anna'
		});
		await eventually(() => readBoard(chiara.doc)[0].cards.some((c) => c.id === card), 'card');
		moveCard(chiara.doc, card, works);
		await eventually(
			() => readBoard(anna.doc).find((c) => c.id === works)?.cards[0]?.id === card,
			'move'
		);
		expect(readBoard(anna.doc)[0].cards).toEqual([]);
	});

	it('drops the board edits of someone who does not take part', async () => {
		const name = `labboard:${session.id}`;
		const reader = connectClient(server.wsUrl, name, await signIn(db, bystander.person.id));
		await reader.synced();
		addCard(reader.doc, { text: 'Non dovrebbe restare', clusterId: UNSORTED, author: 'X' });
		const watcher = connectClient(server.wsUrl, name, await signIn(db, participant.person.id));
		await watcher.synced();
		await new Promise((resolve) => setTimeout(resolve, 300));
		const texts = readBoard(watcher.doc).flatMap((c) => c.cards.map((x) => x.text));
		expect(texts).not.toContain('Non dovrebbe restare');
	});
});
