import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEvent, district, municipality } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as view from '../../../src/lib/server/cases/view';
import * as events from '../../../src/lib/server/cases/events';
import * as profile from '../../../src/lib/server/cases/profile';
import { caseEventForm } from '../../../src/lib/cases/event-form';
import { buildMember, buildOrganisation, buildProject } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';

const { db } = await startTestRuntime();

const { id: projectId } = await buildProject(db);
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const otherOperator = await buildMember(db, { projectId, role: 'case_operator' });
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const host = await buildOrganisation(db, { name: 'Officine Rho Srl', kind: 'company' });
const [rhoDistrict] = await db
	.insert(district)
	.values({ name: 'Ambito Rhodense (test)' })
	.returning();
const [rho] = await db
	.insert(municipality)
	.values({ districtId: rhoDistrict.id, name: 'Rho' })
	.returning();

const created = await records.create(ctx(operator), projectId, {
	fullName: 'Giulia Ferrandi',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2026-02-03',
	note: 'Segnalata dal servizio sociale di Rho.',
	targetCategory: 'youth',
	municipalityId: rho.id,
	referralSource: 'social_services'
});

const internship = caseEventForm.parse({
	kind: 'internship',
	occurredOn: '2026-03-02',
	note: 'Giulia è contenta, segue bene.',
	status: 'internship',
	hostOrganisationId: host.id,
	internshipStartOn: '2026-03-02',
	internshipEndOn: '2026-09-01',
	monthlyAllowance: '500',
	tutorHours: '30',
	outcome: 'ongoing'
});

describe('structured pathway events', () => {
	it('stores an internship’s fields in details, countable with SQL', async () => {
		await events.add(ctx(operator), projectId, created.id, internship);
		const [counted] = await db
			.select({
				internships: sql<number>`count(*)::int`,
				months: sql<string>`sum((${caseEvent.details}->>'months')::numeric)`
			})
			.from(caseEvent)
			.where(eq(caseEvent.kind, 'internship'));
		expect(counted).toEqual({ internships: 1, months: '6' });
	});

	it('shows the structured fields to a facilitator, without the note or the name', async () => {
		const seen = await view.get(ctx(facilitator), projectId, created.id);
		const event = seen.events.find((e) => e.kind === 'internship')!;
		expect(event.details).toMatchObject({ hostOrganisationId: host.id, months: 6 });
		expect(event.note).toBeNull();
		expect(seen.organisationNames[host.id]).toBe('Officine Rho Srl');
		expect(seen).toMatchObject({
			targetCategory: 'youth',
			municipalityName: 'Rho',
			referralSource: 'social_services',
			identity: null
		});
		const text = JSON.stringify(seen);
		expect(text).not.toContain('Giulia');
		expect(text).not.toContain('Ferrandi');
	});

	it('refuses a host that is not in the register, naming the field', async () => {
		const unknown = {
			...internship,
			details: { ...internship.details, hostOrganisationId: crypto.randomUUID() }
		};
		await expect(events.add(ctx(operator), projectId, created.id, unknown)).rejects.toMatchObject({
			status: 400,
			issues: { hostOrganisationId: [expect.any(String)] }
		});
	});

	it('reads events written before the fields existed as having none', async () => {
		await db.insert(caseEvent).values({
			caseId: created.id,
			kind: 'orientation',
			occurredOn: '2026-02-20',
			note: 'Prima dei campi strutturati.'
		});
		const seen = await view.get(ctx(operator), projectId, created.id);
		const old = seen.events.find((e) => e.kind === 'orientation')!;
		expect(old.details).toEqual({});
		expect(old.note).toBe('Prima dei campi strutturati.');
	});
});

describe('case profile', () => {
	it('lets the operator change target and comune, and no one else', async () => {
		await profile.update(ctx(operator), projectId, created.id, {
			targetCategory: 'migrants',
			municipalityId: null,
			referralSource: 'job_centre'
		});
		const seen = await view.get(ctx(operator), projectId, created.id);
		expect(seen).toMatchObject({ targetCategory: 'migrants', municipalityName: null });
		for (const who of [facilitator, otherOperator]) {
			await expect(
				profile.update(ctx(who), projectId, created.id, {
					targetCategory: 'youth',
					municipalityId: null,
					referralSource: null
				})
			).rejects.toMatchObject({ status: 403 });
		}
	});

	it('refuses a comune that is not in the register', async () => {
		await expect(
			profile.update(ctx(operator), projectId, created.id, {
				targetCategory: null,
				municipalityId: crypto.randomUUID(),
				referralSource: null
			})
		).rejects.toMatchObject({ status: 400, issues: { municipalityId: [expect.any(String)] } });
	});
});
