import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { membership, organisation, person, project, type ProjectRole } from '../db/schema';
import { authorizePlatform } from '../access/policy';
import { record } from '../audit/audit';
import { ConflictError, NotFoundError } from '../errors';
import { createInvitation, type CreatedInvitation } from '../projects/invitations';
import type { AppointInput, OrganisationCreateInput, ProjectCreateInput } from '../../admin/forms';

/**
 * Setting a project up (issue 13): an administrator creates the project and the organisations,
 * and appoints the coordinator, who then invites everyone else from the members page.
 */

export async function createProject({ db, actor }: Ctx, input: ProjectCreateInput) {
	const admin = authorizePlatform(actor, 'admin.project_create');
	if (input.leadOrganisationId) await assertOrganisation(db, input.leadOrganisationId);
	const [created] = await db
		.insert(project)
		.values({
			title: input.title,
			acronym: input.acronym,
			description: input.description,
			leadOrganisationId: input.leadOrganisationId
		})
		.returning({ id: project.id });
	await record(db, {
		actorId: admin.id,
		action: 'project.create',
		resourceType: 'project',
		resourceId: created.id,
		projectId: created.id,
		detail: { leadOrganisationId: input.leadOrganisationId }
	});
	return created;
}

export async function createOrganisation({ db, actor }: Ctx, input: OrganisationCreateInput) {
	const admin = authorizePlatform(actor, 'admin.organisation_create');
	const numbers = [input.taxCode, input.vatNumber].filter((n): n is string => n !== null);
	if (numbers.length > 0) {
		// One body, one card: the same codice fiscale or partita IVA twice is the same body.
		const [twin] = await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(
				or(...numbers.flatMap((n) => [eq(organisation.taxCode, n), eq(organisation.vatNumber, n)]))
			)
			.limit(1);
		if (twin) throw new ConflictError('organisation_exists');
	}
	const [created] = await db.insert(organisation).values(input).returning({ id: organisation.id });
	await record(db, {
		actorId: admin.id,
		action: 'organisation.create',
		resourceType: 'organisation',
		resourceId: created.id,
		detail: { kind: input.kind }
	});
	return created;
}

export type Appointment =
	| { kind: 'member'; personId: string }
	| { kind: 'invited'; invitation: CreatedInvitation; email: string };

/**
 * Makes someone the project's coordinator: an existing person gets (or is raised to) the role at
 * once; an e-mail address gets an invitation with it, sent by the caller like any other.
 */
export async function appointCoordinator(
	{ db, actor, invalidations }: Ctx,
	input: AppointInput & { projectId: string }
): Promise<Appointment> {
	const admin = authorizePlatform(actor, 'admin.coordinator_appoint');
	await findProject(db, input.projectId);
	if (input.organisationId) await assertOrganisation(db, input.organisationId);
	const role: ProjectRole = 'coordinator';
	if (input.email) {
		const invitation = await createInvitation(db, admin.id, {
			projectId: input.projectId,
			email: input.email,
			role,
			organisationId: input.organisationId
		});
		await audit(db, admin.id, input.projectId, { invitationId: invitation.id });
		return { kind: 'invited', invitation, email: input.email };
	}
	const personId = input.personId!;
	const [found] = await db.select({ id: person.id }).from(person).where(eq(person.id, personId));
	if (!found) throw new NotFoundError('person_not_found');
	await db
		.insert(membership)
		.values({ personId, projectId: input.projectId, role, organisationId: input.organisationId })
		.onConflictDoUpdate({
			target: [membership.personId, membership.projectId],
			set: {
				role,
				organisationId: sql`coalesce(excluded.organisation_id, membership.organisation_id)`
			}
		});
	await audit(db, admin.id, input.projectId, { personId });
	invalidations.publish({ personId, projectId: input.projectId });
	return { kind: 'member', personId };
}

export interface ProjectOverview {
	id: string;
	title: string;
	acronym: string | null;
	coordinators: string[];
}

/** Every project with its coordinators' names: the administrators' starting page. */
export async function listProjects({ db, actor }: Ctx): Promise<ProjectOverview[]> {
	authorizePlatform(actor, 'admin.project_create');
	const rows = await db
		.select({
			id: project.id,
			title: project.title,
			acronym: project.acronym,
			coordinator: person.name
		})
		.from(project)
		.leftJoin(
			membership,
			and(eq(membership.projectId, project.id), eq(membership.role, 'coordinator'))
		)
		.leftJoin(person, eq(person.id, membership.personId))
		.orderBy(asc(project.title), asc(person.name));
	const byId = new Map<string, ProjectOverview>();
	for (const row of rows) {
		const seen = byId.get(row.id) ?? { ...row, coordinators: [] };
		if (row.coordinator) seen.coordinators.push(row.coordinator);
		byId.set(row.id, seen);
	}
	return [...byId.values()].map(({ id, title, acronym, coordinators }) => ({
		id,
		title,
		acronym,
		coordinators
	}));
}

/** The project being set up, for the appointment page (admins only). */
export async function getProject({ db, actor }: Ctx, projectId: string) {
	authorizePlatform(actor, 'admin.coordinator_appoint');
	return findProject(db, projectId);
}

/** What the forms offer: every organisation and every person, by name. */
export async function choices({ db, actor }: Ctx) {
	authorizePlatform(actor, 'admin.coordinator_appoint');
	const [organisations, people] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.orderBy(asc(organisation.name)),
		db
			.select({ id: person.id, name: person.name, email: person.email })
			.from(person)
			.orderBy(asc(person.name))
	]);
	return { organisations, people };
}

async function findProject(db: Db, projectId: string) {
	const [found] = await db
		.select({ id: project.id, title: project.title })
		.from(project)
		.where(eq(project.id, projectId));
	if (!found) throw new NotFoundError('project_not_found');
	return found;
}

async function assertOrganisation(db: Db, id: string): Promise<void> {
	const [found] = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(eq(organisation.id, id));
	if (!found) throw new NotFoundError('organisation_not_found');
}

function audit(db: Db, actorId: string, projectId: string, detail: Record<string, unknown>) {
	return record(db, {
		actorId,
		action: 'coordinator.appoint',
		resourceType: 'project',
		resourceId: projectId,
		projectId,
		detail
	});
}
