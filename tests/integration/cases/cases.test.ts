import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as view from '../../../src/lib/server/cases/view';
import * as events from '../../../src/lib/server/cases/events';
import * as identities from '../../../src/lib/server/cases/identity';
import { buildMember, buildProject } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';

const { db } = await startTestRuntime();

const project = await buildProject(db);
const elsewhere = await buildProject(db);
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operatorA = await buildMember(db, { projectId, role: 'case_operator' });
const operatorB = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const editor = await buildMember(db, {
	projectId,
	role: 'partner_editor',
	organisationId: operatorA.organisationId
});
const outsider = await buildMember(db, { projectId: elsewhere.id, role: 'case_operator' });

const identity = {
	fullName: 'Karim Benali',
	fiscalCode: 'BNLKRM94C12Z330P',
	phone: '333 000 1122',
	email: null,
	referredOn: '2026-02-03',
	note: 'Segnalato dal servizio sociale.'
};
const created = await records.create(ctx(operatorA), projectId, identity);

async function auditOf(caseId: string) {
	return db.select().from(auditEntry).where(eq(auditEntry.resourceId, caseId));
}

describe('case records', () => {
	it('opens a record with a random pseudonym for the operator’s organisation', async () => {
		expect(created.pseudonym).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
		expect(created.organisationId).toBe(operatorA.organisationId);
		expect(created.status).toBe('referred');
	});

	it('shows identity and notes to the operators of the organisation, and logs the read', async () => {
		const seen = await view.get(ctx(operatorA), projectId, created.id);
		expect(seen.identity).toMatchObject({
			fullName: 'Karim Benali',
			fiscalCode: 'BNLKRM94C12Z330P'
		});
		expect(seen.events.map((e) => [e.kind, e.note])).toEqual([
			['referral', 'Segnalato dal servizio sociale.']
		]);
		expect(seen.canWrite).toBe(true);
		const actions = (await auditOf(created.id)).map((row) => [row.action, row.actorId]);
		expect(actions).toContainEqual(['case.create', operatorA.person.id]);
		expect(actions).toContainEqual(['case.read_identity', operatorA.person.id]);
	});

	it('shows coordinators and facilitators the path by pseudonym only', async () => {
		for (const who of [coordinator, facilitator]) {
			const seen = await view.get(ctx(who), projectId, created.id);
			expect(seen.identity).toBeNull();
			expect(seen.events.every((e) => e.note === null)).toBe(true);
			expect(seen.canWrite).toBe(false);
			expect(JSON.stringify(seen)).not.toContain('Benali');
		}
		const actions = (await auditOf(created.id)).map((row) => [row.action, row.actorId]);
		expect(actions).toContainEqual(['case.read_pseudonymous', coordinator.person.id]);
	});

	it("refuses another organisation's operator and a partner of the same organisation", async () => {
		await expect(view.get(ctx(operatorB), projectId, created.id)).rejects.toMatchObject({
			status: 403
		});
		await expect(
			events.add(ctx(operatorB), projectId, created.id, {
				kind: 'note',
				occurredOn: '2026-03-01',
				note: 'x',
				status: null
			})
		).rejects.toMatchObject({ status: 403 });
		expect(await records.list(ctx(operatorB), projectId)).toEqual([]);
		await expect(view.get(ctx(editor), projectId, created.id)).rejects.toMatchObject({
			status: 403
		});
		await expect(records.list(ctx(editor), projectId)).rejects.toMatchObject({ status: 403 });
	});

	it('hides the record from other projects: their members and their URLs get 404', async () => {
		await expect(view.get(ctx(outsider), projectId, created.id)).rejects.toMatchObject({
			status: 404
		});
		await expect(view.get(ctx(operatorA), elsewhere.id, created.id)).rejects.toMatchObject({
			status: 404
		});
	});

	it('lets only case operators open records', async () => {
		for (const who of [coordinator, facilitator, editor]) {
			await expect(records.create(ctx(who), projectId, identity)).rejects.toMatchObject({
				status: 403
			});
			expect(await records.canCreate(ctx(who), projectId)).toBe(false);
		}
		expect(await records.canCreate(ctx(operatorB), projectId)).toBe(true);
	});

	it('moves the path with a dated event and logs the write', async () => {
		await events.add(ctx(operatorA), projectId, created.id, {
			kind: 'intake',
			occurredOn: '2026-02-17',
			note: 'Colloquio di accoglienza.',
			status: 'intake'
		});
		const seen = await view.get(ctx(operatorA), projectId, created.id);
		expect(seen.status).toBe('intake');
		expect(seen.events.map((e) => e.kind)).toEqual(['referral', 'intake']);
		expect((await auditOf(created.id)).map((row) => row.action)).toContain('case.event');
		const [listed] = await records.list(ctx(coordinator), projectId);
		expect(listed).toMatchObject({ pseudonym: created.pseudonym, status: 'intake' });
	});

	it("lets the organisation's operators alone correct the identity, auditing which fields", async () => {
		const corrected = { ...identity, fullName: 'Karim Ben Ali', phone: null };
		for (const who of [operatorB, coordinator, editor]) {
			await expect(
				identities.correct(ctx(who), projectId, created.id, corrected)
			).rejects.toMatchObject({ status: 403 });
		}
		await identities.correct(ctx(operatorA), projectId, created.id, corrected);
		const seen = await view.get(ctx(operatorA), projectId, created.id);
		expect(seen.identity).toMatchObject({ fullName: 'Karim Ben Ali', phone: null });
		const [row] = (await auditOf(created.id)).filter((r) => r.action === 'case.identity');
		expect(row.detail).toEqual({ fields: ['fullName', 'phone'] });
	});

	it('keeps personal data out of the audit log', async () => {
		const rows = await db.select().from(auditEntry).where(eq(auditEntry.projectId, projectId));
		expect(rows.length).toBeGreaterThan(5);
		const text = JSON.stringify(rows);
		for (const secret of ['Benali', 'Ben Ali', 'BNLKRM94C12Z330P', '333 000', created.pseudonym]) {
			expect(text).not.toContain(secret);
		}
	});
});
