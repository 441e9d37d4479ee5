import { describe, expect, it } from 'vitest';
import { authorize, can } from '../../../src/lib/server/access/policy';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../../src/lib/server/errors';
import * as projects from '../../../src/lib/server/projects/projects';
import { buildMember, buildProject } from '../../support/factories';
import { startDatabaseRuntime } from '../auth/fixture';
import { testContext } from '../../support/context';

const { db } = await startDatabaseRuntime();

describe('authorize against real memberships', () => {
	it('throws Unauthorized for nobody, NotFound for non-members, Forbidden for members without the right', async () => {
		const project = await buildProject(db);
		const other = await buildProject(db);
		const observer = await buildMember(db, { projectId: project.id, role: 'observer' });
		const outsider = await buildMember(db, { projectId: other.id, role: 'coordinator' });

		await expect(
			authorize(db, null, 'project.read', { projectId: project.id })
		).rejects.toBeInstanceOf(UnauthorizedError);
		await expect(
			authorize(db, outsider.actor, 'project.read', { projectId: project.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			authorize(db, observer.actor, 'member.manage', { projectId: project.id })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			authorize(db, observer.actor, 'project.read', { projectId: project.id })
		).resolves.toMatchObject({
			role: 'observer',
			organisationId: observer.organisationId
		});
		expect(await can(db, outsider.actor, 'project.read', { projectId: project.id })).toBe(false);
		expect(await can(db, outsider.actor, 'member.manage', { projectId: other.id })).toBe(true);
	});

	it('lists only the projects a person belongs to, with their role', async () => {
		const mine = await buildProject(db, { title: 'A – mio' });
		const theirs = await buildProject(db, { title: 'B – altrui' });
		const me = await buildMember(db, { projectId: mine.id, role: 'facilitator' });
		await buildMember(db, { projectId: theirs.id, role: 'coordinator' });
		const listed = await projects.listMine(testContext(db, me.actor));
		expect(listed.map((p) => [p.id, p.role])).toEqual([[mine.id, 'facilitator']]);
		await expect(projects.get(testContext(db, me.actor), theirs.id)).rejects.toMatchObject({
			status: 404
		});
	});
});
