import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, caseEvent, caseIdentity } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as events from '../../../src/lib/server/cases/events';
import * as view from '../../../src/lib/server/cases/view';
import * as identities from '../../../src/lib/server/cases/identity';
import * as erasure from '../../../src/lib/server/cases/erasure';
import { personalData } from '../../../src/lib/server/cases/personal-data';
import { personalDataDocument } from '../../../src/lib/server/cases/personal-data-document';
import { renderPdf } from '../../../src/lib/server/export/pdf';
import * as monitoring from '../../../src/lib/server/monitoring/dashboard';
import * as esf from '../../../src/lib/server/monitoring/esf';
import { buildMember, buildProject } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';
import { pdfText, squeezed } from '../../support/export-text';

const { db } = await startTestRuntime();

const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const colleague = await buildMember(db, {
	projectId,
	role: 'case_operator',
	organisationId: operator.organisationId
});
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });

const NAME = 'Amina Diallo';
const person = await records.create(ctx(operator), projectId, {
	fullName: NAME,
	fiscalCode: 'DLLMNA95M41Z343K',
	phone: '347 123 4567',
	email: 'amina@example.org',
	referredOn: '2025-02-10',
	note: 'Segnalata da Amina stessa allo sportello.'
});
const witness = await records.create(ctx(operator), projectId, {
	fullName: 'Paolo Conti',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2025-02-11',
	note: 'Paolo vive con la madre.'
});
for (const [id, who] of [
	[person.id, 'Amina'],
	[witness.id, 'Paolo']
] as const) {
	await events.add(ctx(operator), projectId, id, {
		kind: 'intake',
		occurredOn: '2025-03-03',
		note: `Colloquio con ${who}`,
		status: 'intake'
	});
	await events.add(ctx(operator), projectId, id, {
		kind: 'internship',
		occurredOn: '2025-06-02',
		note: `${who} è contenta`,
		status: 'internship'
	});
}
await events.add(ctx(operator), projectId, person.id, {
	kind: 'hire',
	occurredOn: '2025-11-03',
	note: 'Assunta da Bianchi srl',
	status: 'employed'
});

const NOW = '2026-01-15';
const entries = (caseId: string, action: string) =>
	db
		.select()
		.from(auditEntry)
		.where(and(eq(auditEntry.resourceId, caseId), eq(auditEntry.action, action)));

describe('GDPR: a person’s data', () => {
	it('exports everything held about the person to the own organisation’s operators, audited', async () => {
		const data = await personalData(ctx(colleague), projectId, person.id, 'json');
		expect(data.record.pseudonym).toBe(person.pseudonym);
		expect(data.identity).toEqual({
			fullName: NAME,
			fiscalCode: 'DLLMNA95M41Z343K',
			phone: '347 123 4567',
			email: 'amina@example.org'
		});
		expect(data.events.map((e) => [e.kind, e.note])).toEqual([
			['referral', 'Segnalata da Amina stessa allo sportello.'],
			['intake', 'Colloquio con Amina'],
			['internship', 'Amina è contenta'],
			['hire', 'Assunta da Bianchi srl']
		]);
		expect(JSON.stringify(data)).not.toContain('Paolo');
		const logged = await entries(person.id, 'case.export');
		expect(logged.map((e) => [e.actorId, e.detail])).toEqual([
			[colleague.person.id, { format: 'json' }]
		]);
		expect(JSON.stringify(logged)).not.toContain(NAME);
	});

	it('renders the same data as a readable PDF', async () => {
		const data = await personalData(ctx(operator), projectId, person.id, 'pdf');
		const text = await pdfText(await renderPdf(personalDataDocument(data)));
		expect(text).toContain(NAME);
		expect(text).toContain(person.pseudonym);
		expect(text).toContain('Colloquio con Amina');
	});

	it('holds the six-month follow-ups, waiting then answered, in the JSON and the PDF', async () => {
		const { GET } =
			await import('../../../src/routes/(app)/projects/[projectId=uuid]/cases/[caseId=uuid]/export.json/+server');
		const readBack = async () => {
			const response = await GET({
				locals: { ctx: ctx(operator) },
				params: { projectId, caseId: person.id }
			} as unknown as Parameters<typeof GET>[0]);
			expect(response.status).toBe(200);
			return JSON.parse(await response.text()) as Awaited<ReturnType<typeof personalData>>;
		};
		// The hire of 3 November 2025 scheduled it for six months later.
		expect((await readBack()).followUps).toEqual([
			{ dueOn: '2026-05-03', after: { kind: 'hire', occurredOn: '2025-11-03' }, done: null }
		]);
		const waiting = squeezed(
			await pdfText(
				await renderPdf(
					personalDataDocument(await personalData(ctx(operator), projectId, person.id, 'pdf'))
				)
			)
		);
		expect(waiting).toContain(squeezed('Follow-up a 6 mesi'));
		expect(waiting).toContain(squeezed('Da registrare'));

		await events.add(ctx(operator), projectId, person.id, {
			kind: 'follow_up',
			occurredOn: '2026-05-04',
			note: '',
			status: null,
			details: { situation: 'unreachable' }
		});
		expect((await readBack()).followUps).toEqual([
			{
				dueOn: '2026-05-03',
				after: { kind: 'hire', occurredOn: '2025-11-03' },
				done: { occurredOn: '2026-05-04', situation: 'unreachable' }
			}
		]);
		const answered = squeezed(
			await pdfText(
				await renderPdf(
					personalDataDocument(await personalData(ctx(operator), projectId, person.id, 'pdf'))
				)
			)
		);
		expect(answered).toContain(squeezed('Registrato il 04/05/2026: Persona non raggiungibile'));
		expect(answered).not.toContain(squeezed('Da registrare'));
		expect(answered).not.toContain('unreachable');
	});

	it('shows the ESF+ indicator data in words in the PDF, never the stored codes', async () => {
		await esf.saveProfile(ctx(operator), projectId, witness.id, {
			gender: 'non_binary',
			labourStatus: 'long_term_unemployed',
			ageBand: '30_54',
			education: 'isced_3_4',
			disability: null,
			thirdCountryNational: true,
			foreignBackground: false,
			minority: null,
			homeless: null,
			rural: null,
			resultAtExit: 'education_training',
			resultSixMonths: null
		});
		const data = await personalData(ctx(operator), projectId, witness.id, 'pdf');
		const text = squeezed(await pdfText(await renderPdf(personalDataDocument(data))));
		for (const label of [
			'Genere',
			'Non binario',
			"Condizione occupazionale all'ingresso",
			'Disoccupato di lunga durata',
			"Fascia d'età all'ingresso",
			'30–54 anni',
			'Secondaria superiore o post-secondaria (ISCED 3–4)',
			'Cittadino di paese terzo',
			'In istruzione o formazione',
			"Situazione 6 mesi dopo l'uscita",
			'Non ancora rilevato',
			'Non dichiarato'
		]) {
			expect(text).toContain(squeezed(label));
		}
		for (const code of [
			'non_binary',
			'labourStatus',
			'long_term_unemployed',
			'isced_3_4',
			'thirdCountryNational',
			'education_training',
			'updatedAt'
		]) {
			expect(text).not.toContain(code);
		}
	});

	it('refuses the export and the erasure to everyone but the own organisation’s operators', async () => {
		for (const who of [coordinator, facilitator, otherOperator]) {
			await expect(personalData(ctx(who), projectId, person.id, 'json')).rejects.toMatchObject({
				status: 403
			});
			await expect(
				erasure.erase(ctx(who), projectId, person.id, {
					reason: 'consent_withdrawn',
					confirm: person.pseudonym
				})
			).rejects.toMatchObject({ status: 403 });
		}
		expect(
			await db.select().from(caseIdentity).where(eq(caseIdentity.caseId, person.id))
		).toHaveLength(1);
	});

	it('asks for the pseudonym as confirmation before erasing', async () => {
		await expect(
			erasure.erase(ctx(operator), projectId, person.id, {
				reason: 'consent_withdrawn',
				confirm: witness.pseudonym
			})
		).rejects.toMatchObject({ status: 400, code: 'cases_erase_confirm_mismatch' });
		expect(await erasure.erasedAt(db, projectId, person.id)).toBeNull();
	});

	it('erases identity and notes, keeps the anonymous path: the indicators do not change', async () => {
		const before = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		await erasure.erase(ctx(operator), projectId, person.id, {
			reason: 'consent_withdrawn',
			// Typed loosely: lower case, no dash.
			confirm: person.pseudonym.toLowerCase().replace('-', '')
		});
		const after = await monitoring.dashboard(ctx(coordinator), projectId, 'year', NOW);
		expect(after).toEqual(before);

		expect(await db.select().from(caseIdentity).where(eq(caseIdentity.caseId, person.id))).toEqual(
			[]
		);
		const left = await db.select().from(caseEvent).where(eq(caseEvent.caseId, person.id));
		expect(left.map((e) => e.kind).sort()).toEqual([
			'follow_up',
			'hire',
			'intake',
			'internship',
			'referral'
		]);
		expect(left.every((e) => e.note === '')).toBe(true);
		// The other person is untouched.
		const kept = await view.get(ctx(operator), projectId, witness.id);
		expect(kept.identity?.fullName).toBe('Paolo Conti');
		expect(kept.events.map((e) => e.note)).toContain('Paolo è contenta');

		const seen = await view.get(ctx(operator), projectId, person.id);
		expect(seen.identity).toBeNull();
		expect(seen.erasedAt).toBeInstanceOf(Date);
		expect(seen.status).toBe('employed');
		expect(JSON.stringify(seen)).not.toContain('Amina');

		const logged = await entries(person.id, 'case.erase');
		expect(logged.map((e) => [e.actorId, e.detail])).toEqual([
			[operator.person.id, { reason: 'consent_withdrawn' }]
		]);
	});

	it('does not let the identity be written back after erasure; the export says it was erased', async () => {
		await expect(
			identities.correct(ctx(operator), projectId, person.id, {
				fullName: NAME,
				fiscalCode: null,
				phone: null,
				email: null
			})
		).rejects.toMatchObject({ status: 409 });
		const data = await personalData(ctx(operator), projectId, person.id, 'json');
		expect(data.identity).toBeNull();
		expect(data.record.erasedAt).not.toBeNull();
		expect(JSON.stringify(data)).not.toContain('Amina');
	});
});
