import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../../src/lib/server/runtime';
import { membership, projectRole, type ProjectRole } from '../../../src/lib/server/db/schema';
import { liveDocuments } from '../../../src/lib/server/governance/minutes-document';
import { buildCommittee } from '../governance/fixture';
import { buildProposalTable } from '../proposals/fixture';
import { buildMember, buildPerson, signIn } from '../../support/factories';

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
}

export interface World {
	own: Side;
	other: Side;
	/** Ids that exist nowhere, the project's included. */
	unknown: Side;
	/** The own projects, with nested ids that exist nowhere. */
	missing: Side;
	cookies: Record<Who, string | undefined>;
}

async function buildSide(runtime: Runtime): Promise<Side> {
	const committee = await buildCommittee(runtime, liveDocuments(runtime));
	const table = await buildProposalTable(runtime);
	return {
		governanceProjectId: committee.projectId,
		proposalProjectId: table.project.id,
		bodyId: committee.body.id,
		meetingId: committee.meeting.id,
		callId: table.call.id,
		proposalId: table.proposal.id
	};
}

/**
 * Two identical worlds, each a project with a cabina di regia and meeting and a project with a
 * call and proposal (the governance and proposals test fixtures). The people asking belong,
 * each with one role, to both projects of "own" and to nothing of "other".
 */
export async function buildWorld(runtime: Runtime): Promise<World> {
	const { db } = runtime;
	const own = await buildSide(runtime);
	const other = await buildSide(runtime);
	const cookies = { anonymous: undefined } as Record<Who, string | undefined>;
	for (const role of projectRole.enumValues) {
		const member = await buildMember(db, { projectId: own.governanceProjectId, role });
		await db.insert(membership).values({
			projectId: own.proposalProjectId,
			personId: member.person.id,
			organisationId: member.organisationId,
			role
		});
		cookies[role] = await signIn(db, member.person.id);
	}
	cookies.stranger = await signIn(db, (await buildPerson(db)).id);
	cookies.admin = await signIn(db, (await buildPerson(db, { isAdmin: true })).id);
	const missing: Side = {
		...own,
		bodyId: randomUUID(),
		meetingId: randomUUID(),
		callId: randomUUID(),
		proposalId: randomUUID()
	};
	const unknown: Side = {
		...missing,
		governanceProjectId: randomUUID(),
		proposalProjectId: randomUUID()
	};
	return { own, other, unknown, missing, cookies };
}
