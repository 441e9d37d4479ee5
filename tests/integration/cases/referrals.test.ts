import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, notification } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as records from '../../../src/lib/server/cases/records';
import * as view from '../../../src/lib/server/cases/view';
import * as referrals from '../../../src/lib/server/cases/referrals';
import { buildMember, buildProject } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { testContext } from '../../support/context';

const { db } = await startTestRuntime();

const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const sender = await buildMember(db, { projectId, role: 'case_operator' });
const receiver = await buildMember(db, { projectId, role: 'case_operator' });
const receiverColleague = await buildMember(db, {
	projectId,
	role: 'case_operator',
	organisationId: receiver.organisationId
});
const third = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });

const NAME = 'Giulia Ferri';
const person = await records.create(ctx(sender), projectId, {
	fullName: NAME,
	fiscalCode: null,
	phone: '333 000 1111',
	email: null,
	referredOn: '2025-03-01',
	note: 'Giulia cerca un tirocinio vicino a casa.'
});

const audited = (action: string, actorId: string) =>
	db
		.select()
		.from(auditEntry)
		.where(
			and(
				eq(auditEntry.resourceId, person.id),
				eq(auditEntry.action, action),
				eq(auditEntry.actorId, actorId)
			)
		);

const pending = async () => {
	const rows = await referrals.received(ctx(receiver), projectId);
	return rows.filter((row) => row.caseId === person.id);
};

describe('referrals between organisations', () => {
	it('refuses the coordinator, other organisations and unknown targets', async () => {
		const input = { toOrganisationId: receiver.organisationId, reason: 'x', sharesIdentity: true };
		await expect(referrals.refer(ctx(coordinator), projectId, person.id, input)).rejects.toThrow();
		await expect(referrals.refer(ctx(third), projectId, person.id, input)).rejects.toThrow();
		await expect(
			referrals.refer(ctx(sender), projectId, person.id, {
				...input,
				toOrganisationId: sender.organisationId
			})
		).rejects.toMatchObject({ code: 'cases_referral_target' });
	});

	it('moves nothing while pending, nor on decline', async () => {
		const sent = await referrals.refer(ctx(sender), projectId, person.id, {
			toOrganisationId: receiver.organisationId,
			reason: 'Servizio di orientamento più vicino',
			sharesIdentity: true
		});
		const [waiting] = await pending();
		expect(waiting).toMatchObject({ pseudonym: person.pseudonym, sharesIdentity: true });
		expect(JSON.stringify(waiting)).not.toContain(NAME);
		await expect(view.get(ctx(receiver), projectId, person.id)).rejects.toMatchObject({
			status: 403
		});
		expect((await records.list(ctx(receiver), projectId)).map((c) => c.id)).not.toContain(
			person.id
		);
		// The receiver's operators are told, by pseudonym only.
		const told = await db
			.select()
			.from(notification)
			.where(eq(notification.recipientId, receiverColleague.person.id));
		expect(told.map((row) => [row.kind, row.title])).toEqual([['referral', person.pseudonym]]);

		await expect(
			referrals.decide(ctx(third), projectId, { referralId: sent.id, reason: 'no' }, false)
		).rejects.toMatchObject({ status: 403 });
		await expect(
			referrals.decide(ctx(receiver), projectId, { referralId: sent.id, reason: '' }, false)
		).rejects.toMatchObject({ code: 'cases_referral_reason' });
		await referrals.decide(
			ctx(receiver),
			projectId,
			{ referralId: sent.id, reason: 'Nessun posto disponibile' },
			false
		);
		expect(await pending()).toEqual([]);
		await expect(view.get(ctx(receiver), projectId, person.id)).rejects.toMatchObject({
			status: 403
		});
		await expect(
			referrals.decide(ctx(receiver), projectId, { referralId: sent.id, reason: '' }, true)
		).rejects.toMatchObject({ code: 'cases_referral_decided' });
		const [sentRow] = await referrals.sentFor(db, person.id);
		expect(sentRow).toMatchObject({
			status: 'declined',
			declineReason: 'Nessun posto disponibile'
		});
	});

	it('gives identity to the receiver on acceptance, and to nobody else', async () => {
		const sent = await referrals.refer(ctx(sender), projectId, person.id, {
			toOrganisationId: receiver.organisationId,
			reason: 'Tirocinio nel loro territorio',
			sharesIdentity: true
		});
		await referrals.decide(
			ctx(receiverColleague),
			projectId,
			{ referralId: sent.id, reason: '' },
			true
		);
		const seen = await view.get(ctx(receiver), projectId, person.id);
		expect(seen.identity?.fullName).toBe(NAME);
		expect(seen.events[0].note).toContain('tirocinio');
		// Reading only: writing, erasing, referring on stay with the record's organisation.
		expect(seen).toMatchObject({ canWrite: false, canErase: false, canRefer: false });
		expect((await records.list(ctx(receiver), projectId)).map((c) => c.id)).toContain(person.id);

		await expect(view.get(ctx(third), projectId, person.id)).rejects.toMatchObject({
			status: 403
		});
		const coordinatorView = await view.get(ctx(coordinator), projectId, person.id);
		expect(coordinatorView.identity).toBeNull();
		expect(JSON.stringify(coordinatorView)).not.toContain(NAME);
	});

	it('shares the pathway only when identity was not ticked', async () => {
		const other = await buildMember(db, { projectId, role: 'case_operator' });
		const sent = await referrals.refer(ctx(sender), projectId, person.id, {
			toOrganisationId: other.organisationId,
			reason: 'Corso di formazione',
			sharesIdentity: false
		});
		await referrals.decide(ctx(other), projectId, { referralId: sent.id, reason: '' }, true);
		const seen = await view.get(ctx(other), projectId, person.id);
		expect(seen.identity).toBeNull();
		expect(seen.events.every((event) => event.note === null)).toBe(true);
		expect(JSON.stringify(seen)).not.toContain(NAME);
	});

	it('takes access back when the sender withdraws an accepted referral', async () => {
		const [accepted] = (await referrals.sentFor(db, person.id)).filter(
			(row) => row.status === 'accepted' && row.sharesIdentity
		);
		const input = { referralId: accepted.id, reason: 'Percorso concluso con noi' };
		// Only the record's organisation withdraws: not the receiver, not a third one.
		await expect(
			referrals.withdraw(ctx(receiver), projectId, person.id, input)
		).rejects.toMatchObject({ status: 403 });
		await expect(referrals.withdraw(ctx(third), projectId, person.id, input)).rejects.toMatchObject(
			{ status: 403 }
		);
		await expect(
			referrals.withdraw(ctx(sender), projectId, person.id, {
				referralId: '00000000-0000-4000-8000-00000000beef',
				reason: 'x'
			})
		).rejects.toMatchObject({ code: 'cases_referral_not_found' });
		expect((await view.get(ctx(receiver), projectId, person.id)).identity?.fullName).toBe(NAME);

		const withdrawn = await referrals.withdraw(ctx(sender), projectId, person.id, input);
		expect(withdrawn).toMatchObject({
			status: 'withdrawn',
			withdrawReason: 'Percorso concluso con noi',
			withdrawnById: sender.person.id
		});
		await expect(view.get(ctx(receiver), projectId, person.id)).rejects.toMatchObject({
			status: 403
		});
		expect((await records.list(ctx(receiver), projectId)).map((c) => c.id)).not.toContain(
			person.id
		);
		await expect(
			referrals.withdraw(ctx(sender), projectId, person.id, input)
		).rejects.toMatchObject({ code: 'cases_referral_closed' });
		const told = await db
			.select()
			.from(notification)
			.where(eq(notification.recipientId, receiverColleague.person.id));
		// Two referrals (declined, accepted), then this withdrawal: by pseudonym each time.
		expect(told.map((row) => row.title)).toEqual(Array(3).fill(person.pseudonym));
	});

	it('audits both ends, with ids only', async () => {
		const refers = await audited('case.refer', sender.person.id);
		expect(refers).toHaveLength(3);
		expect(refers[0].detail).toHaveProperty('referralId');
		expect(await audited('case.referral_decline', receiver.person.id)).toHaveLength(1);
		expect(await audited('case.referral_accept', receiverColleague.person.id)).toHaveLength(1);
		expect(await audited('case.read_identity', receiver.person.id)).toHaveLength(2);
		const withdrawals = await audited('case.referral_withdraw', sender.person.id);
		expect(withdrawals).toHaveLength(1);
		expect(withdrawals[0].detail).toMatchObject({ toOrganisationId: receiver.organisationId });
		const all = await db.select().from(auditEntry).where(eq(auditEntry.resourceId, person.id));
		const text = JSON.stringify(all);
		expect(text).not.toContain(NAME);
		expect(text).not.toContain('Nessun posto');
		expect(text).not.toContain('Percorso concluso');
		expect(text).not.toContain(person.pseudonym);
	});
});
