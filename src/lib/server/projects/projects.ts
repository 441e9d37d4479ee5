import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { membership, organisation, project, type Project, type ProjectRole } from '../db/schema';
import { authorize } from '../access/policy';
import { UnauthorizedError } from '../errors';

export interface ProjectSummary {
	id: string;
	title: string;
	acronym: string | null;
	role: ProjectRole;
	organisationName: string | null;
}

/** The projects the actor belongs to, and nothing else. */
export async function listMine({ db, actor }: Ctx): Promise<ProjectSummary[]> {
	if (!actor) throw new UnauthorizedError();
	return db
		.select({
			id: project.id,
			title: project.title,
			acronym: project.acronym,
			role: membership.role,
			organisationName: organisation.name
		})
		.from(membership)
		.innerJoin(project, eq(membership.projectId, project.id))
		.leftJoin(organisation, eq(membership.organisationId, organisation.id))
		.where(eq(membership.personId, actor.id))
		.orderBy(asc(project.title));
}

export interface ProjectView {
	project: Project;
	role: ProjectRole;
	organisationId: string | null;
}

/** One project with the actor's role in it; NotFound for non-members. */
export async function get({ db, actor }: Ctx, projectId: string): Promise<ProjectView> {
	const grant = await authorize(db, actor, 'project.read', { projectId });
	const [found] = await db.select().from(project).where(eq(project.id, projectId));
	return { project: found, role: grant.role, organisationId: grant.organisationId };
}
