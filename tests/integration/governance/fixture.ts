import { afterAll } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../../src/lib/server/runtime';
import type { Ctx } from '../../../src/lib/server/context';
import { liveDocuments, type LiveDocuments } from '../../../src/lib/server/live/live';
import * as bodies from '../../../src/lib/server/governance/bodies';
import * as meetings from '../../../src/lib/server/governance/meetings';
import { createTestDatabase } from '../../support/database';
import { buildMember, buildProject } from '../../support/factories';
import { contextFor } from '../../../src/lib/server/context';

/** A real runtime (fresh database, real policy and document store) for one test file. */
export async function startGovernanceRuntime(): Promise<{ runtime: Runtime; live: LiveDocuments }> {
	const database = await createTestDatabase();
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'false' })
	});
	afterAll(async () => {
		await stopRuntime();
		await database.drop();
	});
	return { runtime, live: liveDocuments(runtime) };
}

/**
 * A project with a cabina di regia: a chair (coordinator), a secretary and a member (steering
 * members), a partner who sits in the body, and an observer and a steering member who do not.
 */
export async function buildCommittee(runtime: Runtime) {
	const { db } = runtime;
	const project = await buildProject(db);
	const projectId = project.id;
	const chair = await buildMember(db, { projectId, role: 'coordinator' });
	const secretary = await buildMember(db, { projectId, role: 'steering_member' });
	const member = await buildMember(db, { projectId, role: 'steering_member' });
	const partner = await buildMember(db, { projectId, role: 'partner_editor' });
	const outsider = await buildMember(db, { projectId, role: 'steering_member' });
	const observer = await buildMember(db, { projectId, role: 'observer' });
	const ctx = (who: { actor: Ctx['actor'] }): Ctx => contextFor(runtime, who.actor);
	const body = await bodies.create(ctx(chair), projectId, {
		kind: 'steering_committee',
		name: 'Cabina di regia allargata',
		description: '',
		districtId: null,
		quorumRule: 'majority',
		quorumFixed: null
	});
	await bodies.addMember(ctx(chair), body.id, { personId: chair.person.id, role: 'chair' });
	await bodies.addMember(ctx(chair), body.id, {
		personId: secretary.person.id,
		role: 'secretary'
	});
	await bodies.addMember(ctx(chair), body.id, { personId: member.person.id, role: 'member' });
	await bodies.addMember(ctx(chair), body.id, {
		personId: partner.person.id,
		role: 'member'
	});
	const meeting = await meetings.schedule(ctx(chair), body.id, {
		title: 'Cabina di regia n. 1',
		day: '2026-03-05',
		startTime: '14:30',
		endTime: '16:30',
		place: 'Sala consiliare, Castano Primo',
		videoLink: '',
		agenda: ['Avvio del progetto', 'Calendario delle attività']
	});
	return {
		db,
		projectId,
		body,
		meeting,
		chair,
		secretary,
		member,
		partner,
		outsider,
		observer,
		ctx
	};
}
