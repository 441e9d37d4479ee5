import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, caseEvent } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as erasure from '../../../src/lib/server/cases/erasure';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessions from '../../../src/lib/server/labs/sessions';
import { startTestServer } from '../../support/server';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { testContext } from '../../support/context';

/**
 * A note shared with a lab as a pseudonymised excerpt, through the built server: the canary's
 * name, surname, phone and e-mail never reach the lab's page or its data, whoever reads it.
 */
const server = await startTestServer();
const { db } = server.runtime;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const { id: projectId } = await buildProject(db);
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const participant = await buildMember(db, { projectId, role: 'partner_editor' });

const CANARY = 'Zenobia Quarzolini';
const PHONE = '347 555 0199';
const EMAIL = 'zenobia.q@example.org';
const person = await records.create(ctx(operator), projectId, {
	fullName: CANARY,
	fiscalCode: null,
	phone: PHONE,
	email: EMAIL,
	referredOn: '2026-01-12',
	note: `Zenobia teme i colloqui di gruppo; la sorella la accompagna. Tel. ${PHONE}.`
});
const lab = await labs.create(ctx(facilitator), projectId, {
	title: 'Laboratorio Magentino',
	theme: 'Colloqui e accompagnamento',
	facilitatorId: facilitator.person.id,
	'districtIds[]': [],
	'participantIds[]': [participant.person.id, operator.person.id, otherOperator.person.id]
});
const session = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Seconda sessione',
	startsAt: '2026-05-12T14:30',
	endsAt: '2026-05-12T17:00',
	place: 'Magenta'
});
const elsewhere = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Terza sessione',
	startsAt: '2026-06-12T14:30',
	endsAt: '2026-06-12T17:00',
	place: 'Magenta'
});
await sessions.attachCase(ctx(operator), projectId, lab.id, {
	sessionId: session.id,
	pseudonym: person.pseudonym
});
const [noteEvent] = await db.select().from(caseEvent).where(eq(caseEvent.caseId, person.id));

const sharePath = `${server.url}/projects/${projectId}/cases/${person.id}/share`;
const sessionPath = `${server.url}/projects/${projectId}/labs/${lab.id}/sessions/${session.id}`;

async function post(personId: string, fields: Record<string, string>) {
	const response = await fetch(sharePath, {
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
	return (await response.json()) as { type: string; status: number; data?: string };
}

async function labPage(personId: string): Promise<string> {
	const cookie = await signIn(db, personId);
	const html = await (await fetch(sessionPath, { headers: { cookie } })).text();
	const data = await (await fetch(`${sessionPath}/__data.json`, { headers: { cookie } })).text();
	return html + data;
}

const traces = [CANARY, 'Zenobia', 'Quarzolini', PHONE, '5550199', EMAIL, 'sorella'];

describe('sharing a note with a lab without the identity', () => {
	it('offers the operator the note already pseudonymised', async () => {
		const cookie = await signIn(db, operator.person.id);
		const page = await fetch(`${sharePath}?event=${noteEvent.id}`, { headers: { cookie } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`${person.pseudonym} teme i colloqui di gruppo`);
		expect(html).toContain(`Tel. ${person.pseudonym}.`);
	});

	it('stores only the pseudonymised text, whatever the operator left in', async () => {
		const answer = await post(operator.person.id, {
			sessionId: session.id,
			eventId: noteEvent.id,
			text: `ZENOBIA teme i colloqui di gruppo (Quarzolini, ${EMAIL}, 347-5550199).`
		});
		expect(answer).toMatchObject({ type: 'success' });
		const expected = `${person.pseudonym} teme i colloqui di gruppo (${person.pseudonym}, ${person.pseudonym}, ${person.pseudonym}).`;
		expect(answer.data).toContain(expected);
		for (const reader of [participant, facilitator, otherOperator]) {
			const seen = await labPage(reader.person.id);
			expect(seen).toContain(expected);
			for (const trace of traces) expect(seen).not.toContain(trace);
		}
	});

	it("refuses another organisation's operator and a session the case is not on", async () => {
		const fields = { sessionId: session.id, eventId: noteEvent.id, text: 'Estratto qualunque' };
		expect(await post(otherOperator.person.id, fields)).toMatchObject({
			type: 'failure',
			status: 403
		});
		expect(await post(facilitator.person.id, fields)).toMatchObject({
			type: 'failure',
			status: 403
		});
		const wrong = await post(operator.person.id, { ...fields, sessionId: elsewhere.id });
		expect(wrong).toMatchObject({ type: 'failure', status: 400 });
		expect(wrong.data).toContain('labs_excerpt_session');
	});

	it('audits the sharing with ids only, and erasure takes the excerpts back', async () => {
		const entries = await db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.resourceId, person.id), eq(auditEntry.action, 'case.lab_excerpt')));
		expect(entries).toHaveLength(1);
		expect(entries[0].detail).toMatchObject({ sessionId: session.id, eventId: noteEvent.id });
		expect(JSON.stringify(entries)).not.toContain('colloqui');

		await erasure.erase(ctx(operator), projectId, person.id, {
			reason: 'consent_withdrawn',
			confirm: person.pseudonym
		});
		expect(await labPage(participant.person.id)).not.toContain('colloqui di gruppo');
	});
});
