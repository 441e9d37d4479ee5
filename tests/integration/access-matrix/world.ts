import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../../src/lib/server/runtime';
import {
	goodPractice,
	lab,
	labParticipant,
	labSession,
	membership,
	projectRole,
	type ProjectRole
} from '../../../src/lib/server/db/schema';
import { buildCommittee } from '../governance/fixture';
import { buildProposalTable } from '../proposals/fixture';
import {
	buildCase,
	buildMember,
	buildOrganisation,
	buildPerson,
	signIn
} from '../../support/factories';

/** Who asks: nobody, a signed-in person with no project, an admin, and one person per role. */
export type Who = 'anonymous' | 'stranger' | 'admin' | ProjectRole;
export const EVERYONE: Who[] = ['anonymous', 'stranger', 'admin', ...projectRole.enumValues];

/** The ids a route's parameters are filled with: a project's governance and proposal objects. */
export interface Side {
	governanceProjectId: string;
	proposalProjectId: string;
	bodyId: string;
	meetingId: string;
	callId: string;
	proposalId: string;
	/** The proposal's first section. */
	sectionId: string;
	/** A case record in the governance project, of the case operator's organisation in "own". */
	caseId: string;
	/** A lab of the governance project, whose only participant is the partner editor in "own". */
	labId: string;
	sessionId: string;
	/** A good practice recorded from that session. */
	practiceId: string;
}

/** Whose identity the world's case records hold: a page showing it to anyone else leaks it. */
export const CASE_IDENTITY = 'Matrice Riservatissima';

export interface World {
	own: Side;
	other: Side;
	/** Ids that exist nowhere, the project's included. */
	unknown: Side;
	/** The own projects, with nested ids that exist nowhere. */
	missing: Side;
	/** The own projects, with a case record of another organisation than the case operator's. */
	foreignCase: Side;
	cookies: Record<Who, string | undefined>;
}

async function buildSide(
	runtime: Runtime
): Promise<Omit<Side, 'caseId' | 'labId' | 'sessionId' | 'practiceId'>> {
	const committee = await buildCommittee(runtime);
	const table = await buildProposalTable(runtime);
	return {
		governanceProjectId: committee.projectId,
		proposalProjectId: table.project.id,
		bodyId: committee.body.id,
		meetingId: committee.meeting.id,
		callId: table.call.id,
		proposalId: table.proposal.id,
		sectionId: table.sections[0].id
	};
}

/**
 * Two identical worlds, each a project with a cabina di regia and meeting and a project with a
 * call and proposal (the governance and proposals test fixtures), and a case record. The people
 * asking belong, each with one role, to both projects of "own" and to nothing of "other"; each
 * on behalf of their own organisation, so the own case belongs to the case operator's, and a
 * second case in the same project to an organisation nobody asking works for.
 */
export async function buildWorld(runtime: Runtime): Promise<World> {
	const { db } = runtime;
	const ownSide = await buildSide(runtime);
	const otherSide = await buildSide(runtime);
	const cookies = { anonymous: undefined } as Record<Who, string | undefined>;
	const organisationOf = {} as Record<ProjectRole, string>;
	const personOf = {} as Record<ProjectRole, string>;
	const own = { ...ownSide, caseId: '', labId: '', sessionId: '', practiceId: '' };
	for (const role of projectRole.enumValues) {
		const member = await buildMember(db, { projectId: own.governanceProjectId, role });
		await db.insert(membership).values({
			projectId: own.proposalProjectId,
			personId: member.person.id,
			organisationId: member.organisationId,
			role
		});
		cookies[role] = await signIn(db, member.person.id);
		organisationOf[role] = member.organisationId;
		personOf[role] = member.person.id;
	}
	const caseIn = async (projectId: string, organisationId: string) =>
		(await buildCase(db, { projectId, organisationId, fullName: CASE_IDENTITY })).id;
	const elsewhere = (await buildOrganisation(db)).id;
	own.caseId = await caseIn(own.governanceProjectId, organisationOf.case_operator);
	const labIn = async (projectId: string, participantId: string | null) => {
		const facilitator = await buildPerson(db);
		const [row] = await db
			.insert(lab)
			.values({ projectId, title: 'Laboratorio', facilitatorId: facilitator.id })
			.returning();
		if (participantId) {
			await db.insert(labParticipant).values({ labId: row.id, personId: participantId });
		}
		const [session] = await db
			.insert(labSession)
			.values({
				labId: row.id,
				title: 'Sessione',
				startsAt: new Date('2026-05-12T12:00:00Z'),
				endsAt: new Date('2026-05-12T14:00:00Z')
			})
			.returning();
		const [practice] = await db
			.insert(goodPractice)
			.values({
				projectId,
				labId: row.id,
				sessionId: session.id,
				title: 'Buona pratica',
				whatWorked: 'Il colloquio a tre'
			})
			.returning();
		return { labId: row.id, sessionId: session.id, practiceId: practice.id };
	};
	Object.assign(own, await labIn(own.governanceProjectId, personOf.partner_editor));
	const other = {
		...otherSide,
		caseId: await caseIn(otherSide.governanceProjectId, elsewhere),
		...(await labIn(otherSide.governanceProjectId, null))
	};
	const foreignCase = { ...own, caseId: await caseIn(own.governanceProjectId, elsewhere) };
	cookies.stranger = await signIn(db, (await buildPerson(db)).id);
	cookies.admin = await signIn(db, (await buildPerson(db, { isAdmin: true })).id);
	const missing: Side = {
		...own,
		bodyId: randomUUID(),
		meetingId: randomUUID(),
		callId: randomUUID(),
		proposalId: randomUUID(),
		sectionId: randomUUID(),
		caseId: randomUUID(),
		labId: randomUUID(),
		sessionId: randomUUID(),
		practiceId: randomUUID()
	};
	const unknown: Side = {
		...missing,
		governanceProjectId: randomUUID(),
		proposalProjectId: randomUUID()
	};
	return { own, other, unknown, missing, foreignCase, cookies };
}
