import { testContext } from '../../support/context';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, district } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessions from '../../../src/lib/server/labs/sessions';
import * as practices from '../../../src/lib/server/labs/practices';
import { practiceFilter, practiceForm } from '../../../src/lib/labs/practice-form';
import { startTestServer } from '../../support/server';
import { buildMember, buildProject, signIn } from '../../support/factories';

/** Good practices: recorded from a session by its lab's people, read by the whole project. */
const server = await startTestServer();
const { db } = server.runtime;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const { id: projectId } = await buildProject(db);
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const participant = await buildMember(db, { projectId, role: 'partner_editor' });
const bystander = await buildMember(db, { projectId, role: 'partner_editor' });
const observer = await buildMember(db, { projectId, role: 'observer' });
const outsider = await buildMember(db, {
	projectId: (await buildProject(db)).id,
	role: 'coordinator'
});
const [area] = await db
	.insert(district)
	.values({ name: `Ambito prova ${Date.now()}` })
	.returning();

const NAME = 'Olga Practicetest-Ivanova';
const NOTE = 'Nota riservata: segue terapia.';
const kase = await records.create(ctx(operator), projectId, {
	fullName: NAME,
	fiscalCode: null,
	phone: '333 444 5555',
	email: null,
	referredOn: '2026-01-12',
	note: NOTE,
	targetCategory: 'youth',
	municipalityId: null,
	referralSource: 'job_centre'
});
const unattached = await records.create(ctx(operator), projectId, {
	fullName: 'Altra Persona',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2026-01-12',
	note: '',
	targetCategory: null,
	municipalityId: null,
	referralSource: null
});
const lab = await labs.create(ctx(facilitator), projectId, {
	title: 'Laboratorio giovani',
	theme: 'Aggancio dei giovani',
	facilitatorId: facilitator.person.id,
	'districtIds[]': [area.id],
	'participantIds[]': [participant.person.id]
});
const session = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Sessione uno',
	startsAt: '2026-05-12T14:30',
	endsAt: '2026-05-12T17:00',
	place: ''
});
await sessions.attachCase(ctx(facilitator), projectId, lab.id, {
	sessionId: session.id,
	pseudonym: kase.pseudonym
});

const form = (values: Record<string, unknown>) =>
	practiceForm.parse({
		title: 'Educativa di strada con il CPI',
		problem: 'I giovani NEET non arrivano ai servizi.',
		whatWorked: 'Un operatore del centro per l’impiego esce con gli educatori di strada.',
		conditions: 'Due pomeriggi al mese.',
		evidence: 'Dodici giovani agganciati in sei mesi.',
		targetCategory: 'youth',
		districtId: area.id,
		...values
	});

describe('good practices', () => {
	it('are recorded by the lab’s people only, with the session’s cases only', async () => {
		await expect(
			practices.recordPractice(ctx(bystander), projectId, lab.id, session.id, form({}))
		).rejects.toMatchObject({ status: 403 });
		await expect(
			practices.recordPractice(ctx(outsider), projectId, lab.id, session.id, form({}))
		).rejects.toMatchObject({ status: 404 });
		await expect(
			practices.recordPractice(
				ctx(participant),
				projectId,
				lab.id,
				session.id,
				form({ 'caseIds[]': [unattached.id] })
			)
		).rejects.toMatchObject({ status: 400, issues: { 'caseIds[]': [expect.any(String)] } });
		expect(() => form({ whatWorked: '' })).toThrow();
		const created = await practices.recordPractice(
			ctx(participant),
			projectId,
			lab.id,
			session.id,
			form({ 'caseIds[]': [kase.id] })
		);
		const audit = await db.select().from(auditEntry).where(eq(auditEntry.resourceId, created.id));
		expect(audit.map((a) => a.action)).toEqual(['practice.record']);
	});

	it('are found by text prefix, target, lab and territory', async () => {
		const find = (query: Record<string, string>) =>
			practices.list(ctx(observer), projectId, practiceFilter.parse(query));
		expect((await find({})).map((p) => p.title)).toEqual(['Educativa di strada con il CPI']);
		expect(await find({ q: 'educat strada' })).toHaveLength(1);
		expect(await find({ q: 'tirocinio' })).toHaveLength(0);
		expect(await find({ target: 'youth', labId: lab.id, districtId: area.id })).toHaveLength(1);
		expect(await find({ target: 'migrants' })).toHaveLength(0);
		await expect(
			practices.list(ctx(outsider), projectId, practiceFilter.parse({}))
		).rejects.toMatchObject({ status: 404 });
	});

	it('name their cases by pseudonym to the lab’s people only, audited; never identity', async () => {
		const [row] = await practices.list(ctx(observer), projectId, practiceFilter.parse({}));
		const seenByParticipant = await practices.get(ctx(participant), projectId, row.id);
		expect(seenByParticipant.pseudonyms).toEqual([kase.pseudonym]);
		const seenByObserver = await practices.get(ctx(observer), projectId, row.id);
		expect(seenByObserver).toMatchObject({ pseudonyms: null, caseCount: 1 });
		const reads = await db.select().from(auditEntry).where(eq(auditEntry.resourceId, kase.id));
		expect(reads.filter((a) => a.action === 'case.practice_read')).toHaveLength(1);

		const path = `/projects/${projectId}/practices/${row.id}/__data.json`;
		for (const who of [facilitator, participant, observer, bystander]) {
			const response = await fetch(`${server.url}${path}`, {
				headers: { cookie: await signIn(db, who.person.id) }
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const body = await response.text();
			for (const secret of [NAME, 'Ivanova', NOTE, '333 444']) expect(body).not.toContain(secret);
			expect(body.includes(kase.pseudonym)).toBe(who === facilitator || who === participant);
		}
		const list = await fetch(`${server.url}/projects/${projectId}/practices/__data.json?q=strada`, {
			headers: { cookie: await signIn(db, bystander.person.id) }
		});
		expect(await list.text()).toContain('Educativa di strada con il CPI');
	});

	it('answers a practice of another project as not found', async () => {
		const [row] = await practices.list(ctx(observer), projectId, practiceFilter.parse({}));
		const elsewhere = await buildProject(db);
		const member = await buildMember(db, { projectId: elsewhere.id, role: 'coordinator' });
		await expect(practices.get(ctx(member), elsewhere.id, row.id)).rejects.toMatchObject({
			status: 404
		});
	});
});
