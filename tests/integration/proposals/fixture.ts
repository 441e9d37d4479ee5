import * as Y from 'yjs';
import { afterAll } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { startRuntime, stopRuntime, type Runtime } from '../../../src/lib/server/runtime';
import type { Ctx } from '../../../src/lib/server/context';
import { createTestDatabase } from '../../support/database';
import { buildMember, buildProject } from '../../support/factories';
import * as calls from '../../../src/lib/server/proposals/calls';
import * as proposals from '../../../src/lib/server/proposals/proposals';
import { seedTemplates } from '../../../src/lib/server/proposals/template-seed';
import { liveDocuments } from '../../../src/lib/server/live/live';
import { findSections } from '../../../src/lib/server/proposals/section-lookup';
import { contextFor } from '../../../src/lib/server/context';

/** A real runtime (fresh PGlite, or PostgreSQL with DATABASE_URL) stopped after the file. */
export async function startProposalRuntime(): Promise<Runtime> {
	const database = await createTestDatabase();
	const runtime = await startRuntime({
		config: readConfig({ ...database.env, SEED_DEMO: 'false' })
	});
	afterAll(async () => {
		await stopRuntime();
		await database.drop();
	});
	return runtime;
}

/** A project with one person per role, a ten-point call and a proposal; section 1 owned by `owner`. */
export async function buildProposalTable(runtime: Runtime) {
	const db = runtime.db;
	const project = await buildProject(db);
	const coordinator = await buildMember(db, { projectId: project.id, role: 'coordinator' });
	const owner = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	const partner = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
	const observer = await buildMember(db, { projectId: project.id, role: 'observer' });
	const ctx = (who: { actor: Ctx['actor'] }): Ctx => contextFor(runtime, who.actor);
	const templateIds = await seedTemplates(db);
	const theCall = await calls.create(ctx(coordinator), project.id, {
		title: 'Avviso coprogettazione integrazione lavorativa',
		subject: 'Integrazione lavorativa di persone fragili',
		targets: 'Giovani inoccupati; adulti over 50',
		aims: '',
		generalObjectives: '',
		specificObjectives: '',
		resources: '',
		deadline: '2026-12-15',
		templateId: templateIds['ten-point']
	});
	const proposal = await proposals.create(ctx(coordinator), {
		projectId: project.id,
		callId: theCall.id,
		title: 'Proposta del tavolo',
		owners: { '1': [owner.organisationId], '5': [owner.organisationId] }
	});
	const sections = await findSections(db, { proposalId: proposal.id });
	return {
		db,
		project,
		coordinator,
		owner,
		partner,
		observer,
		ctx,
		call: theCall,
		proposal,
		sections,
		live: liveDocuments(runtime),
		templateIds
	};
}

/** A real encoded Yjs relative position, as the editor sends for a comment anchor. */
export function anchorInText(text = 'Giovani', index = 1): string {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('default').insert(0, [paragraph]);
	const position = Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, index);
	return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}
