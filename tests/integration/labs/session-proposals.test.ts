import { testContext } from '../../support/context';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { body, decisionStatusChange, meeting } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as labs from '../../../src/lib/server/labs/labs';
import * as sessions from '../../../src/lib/server/labs/sessions';
import * as sessionProposals from '../../../src/lib/server/labs/session-proposals';
import * as register from '../../../src/lib/server/governance/decision-register';
import { registerFilter } from '../../../src/lib/governance/decision-form';
import { startTestServer } from '../../support/server';
import { buildMember, buildProject } from '../../support/factories';

/** A lab session proposes a decision: it lands in the register, on the cabina's next meeting. */
const server = await startTestServer({ pages: false });
const { db } = server.runtime;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);

const { id: projectId } = await buildProject(db);
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const participant = await buildMember(db, { projectId, role: 'partner_editor' });
const bystander = await buildMember(db, { projectId, role: 'partner_editor' });
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const lab = await labs.create(ctx(facilitator), projectId, {
	title: 'Laboratorio aziende',
	theme: '',
	facilitatorId: facilitator.person.id,
	'districtIds[]': [],
	'participantIds[]': [participant.person.id, operator.person.id]
});
const session = await sessions.add(ctx(facilitator), projectId, lab.id, {
	title: 'Seconda sessione',
	startsAt: '2026-06-16T14:30',
	endsAt: '2026-06-16T17:00',
	place: ''
});
const text = { text: 'Adottare il colloquio a tre in tutti i tirocini del progetto.' };

describe('a lab session proposes a decision to the cabina di regia', () => {
	it('refuses, with a field message, when the cabina has no meeting ahead', async () => {
		await expect(
			sessionProposals.propose(ctx(facilitator), projectId, lab.id, session.id, text)
		).rejects.toMatchObject({ status: 400, issues: { text: [expect.any(String)] } });
	});

	it('lands as "proposed" on the next meeting, linked back; only the lab’s proposers may', async () => {
		const [cabina] = await db
			.insert(body)
			.values({ projectId, kind: 'steering_committee', name: 'Cabina di regia' })
			.returning();
		const [group] = await db
			.insert(body)
			.values({ projectId, kind: 'working_group', name: 'Gruppo di lavoro' })
			.returning();
		const day = 86_400_000;
		const at = (days: number) => new Date(Date.now() + days * day);
		const meetings = await db
			.insert(meeting)
			.values([
				{ bodyId: cabina.id, projectId, title: 'Passata', startsAt: at(-3), endsAt: at(-3) },
				{ bodyId: group.id, projectId, title: 'Gruppo', startsAt: at(2), endsAt: at(2) },
				{ bodyId: cabina.id, projectId, title: 'Prossima', startsAt: at(10), endsAt: at(10) },
				{ bodyId: cabina.id, projectId, title: 'Dopo', startsAt: at(40), endsAt: at(40) }
			])
			.returning();
		await expect(
			sessionProposals.propose(ctx(bystander), projectId, lab.id, session.id, text)
		).rejects.toMatchObject({ status: 403 });
		// A lab participant whose role proposes nothing to the bodies (an operator) is refused too.
		await expect(
			sessionProposals.propose(ctx(operator), projectId, lab.id, session.id, text)
		).rejects.toMatchObject({ status: 403 });

		const proposed = await sessionProposals.propose(
			ctx(facilitator),
			projectId,
			lab.id,
			session.id,
			text
		);
		expect(proposed).toMatchObject({
			status: 'proposed',
			bodyId: cabina.id,
			meetingId: meetings.find((m) => m.title === 'Prossima')!.id
		});
		expect(proposed.quote).toContain('Seconda sessione');
		const history = await db
			.select()
			.from(decisionStatusChange)
			.where(eq(decisionStatusChange.decisionId, proposed.id));
		expect(history.map((h) => h.toStatus)).toEqual(['proposed']);

		await sessionProposals.propose(ctx(participant), projectId, lab.id, session.id, {
			text: 'Chiedere alle aziende un tutor aziendale per ogni tirocinio.'
		});
		const linked = await sessionProposals.list(db, session.id);
		expect(linked).toHaveLength(2);
		expect(linked.every((d) => d.status === 'proposed')).toBe(true);
		const { rows } = await register.list(
			ctx(bystander),
			projectId,
			registerFilter.parse({ status: 'proposed' })
		);
		expect(rows.map((r) => r.id)).toContain(proposed.id);

		// The register's page links back to the session, for every member who may open the lab.
		expect(await sessionProposals.proposingSessions(ctx(bystander), proposed.id)).toEqual([
			{
				labId: lab.id,
				labTitle: 'Laboratorio aziende',
				sessionId: session.id,
				sessionTitle: 'Seconda sessione'
			}
		]);
		const { id: otherProject } = await buildProject(db);
		const stranger = await buildMember(db, { projectId: otherProject, role: 'coordinator' });
		expect(await sessionProposals.proposingSessions(ctx(stranger), proposed.id)).toEqual([]);
	});
});
