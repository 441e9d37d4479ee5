import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import { body, decision, lab, labSession, labSessionDecision, meeting } from '../db/schema';
import { authorize, can } from '../access/policy';
import { InvalidError } from '../errors';
import * as decisions from '../governance/decisions';
import type { SessionProposalInput } from '../../labs/lab-form';
import { labResource } from './labs';
import { findSession } from './sessions';

/**
 * A lab session proposes a decision to the cabina di regia (001: the labs feed the steering
 * body). It goes through the decision register's own `propose` — on the cabina's next meeting,
 * born "proposta", with the session named in its quote — and the session keeps the link back.
 */
export async function propose(
	ctx: Ctx,
	projectId: string,
	labId: string,
	sessionId: string,
	input: SessionProposalInput
) {
	const { db, actor } = ctx;
	const found = await findSession(db, projectId, labId, sessionId);
	await authorize(db, actor, 'lab.write', await labResource(db, found.lab));
	const [next] = await db
		.select({ id: meeting.id })
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(
			and(
				eq(meeting.projectId, projectId),
				eq(body.kind, 'steering_committee'),
				gte(meeting.startsAt, new Date())
			)
		)
		.orderBy(asc(meeting.startsAt))
		.limit(1);
	if (!next) throw new InvalidError('invalid', { text: [m.labs_proposal_no_meeting()] });
	const proposed = await decisions.propose(ctx, {
		meetingId: next.id,
		agendaItemId: null,
		text: input.text,
		quote: m.labs_proposal_quote({ lab: found.lab.title, session: found.session.title }),
		ownerOrganisationId: null,
		ownerPersonId: null,
		dueOn: null,
		links: []
	});
	await db.insert(labSessionDecision).values({ sessionId, decisionId: proposed.id });
	return proposed;
}

/** The decisions a session proposed, with where they stand in the register. */
export async function list(db: Ctx['db'], sessionId: string) {
	return db
		.select({ id: decision.id, text: decision.text, status: decision.status })
		.from(labSessionDecision)
		.innerJoin(decision, eq(decision.id, labSessionDecision.decisionId))
		.where(eq(labSessionDecision.sessionId, sessionId))
		.orderBy(desc(decision.createdAt));
}

export interface ProposingSession {
	labId: string;
	labTitle: string;
	sessionId: string;
	sessionTitle: string;
}

/**
 * The lab sessions that proposed this decision, for the link back from the register: only those
 * of labs the reader may open (a lab's board can name the people it follows by pseudonym).
 */
export async function proposingSessions(
	{ db, actor }: Ctx,
	decisionId: string
): Promise<ProposingSession[]> {
	const rows = await db
		.select({
			lab,
			sessionId: labSession.id,
			sessionTitle: labSession.title
		})
		.from(labSessionDecision)
		.innerJoin(labSession, eq(labSession.id, labSessionDecision.sessionId))
		.innerJoin(lab, eq(lab.id, labSession.labId))
		.where(eq(labSessionDecision.decisionId, decisionId));
	const readable: ProposingSession[] = [];
	for (const row of rows) {
		if (!(await can(db, actor, 'lab.read', await labResource(db, row.lab)))) continue;
		readable.push({
			labId: row.lab.id,
			labTitle: row.lab.title,
			sessionId: row.sessionId,
			sessionTitle: row.sessionTitle
		});
	}
	return readable;
}
