import { authorize, authorizePlatform, findGrant, type Resource } from '../access/policy';
import type { Action, AdminAction } from '../access/actions';
import { ROLE_ACTIONS } from '../access/role-actions';
import { caseResource, findCase } from '../cases/records';
import { loadBodyAccess, type BodyAccess } from '../governance/body-access';
import { findMeeting } from '../governance/meetings';
import { findLab, labResource } from '../labs/labs';
import { signedIn, type Ctx } from '../context';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors';
import { authorizeEdit } from '../network/register';

/**
 * What a form action asks before it reads the form (see run-action.ts): the right on the
 * resource the URL names, with the page's own answers, 401 for nobody, 404 for a stranger to the
 * project or record, 403 for a member without the right. The domain still asks again with the
 * record the form names (a section's owners, a body's officers): this is the first door, not the
 * only one.
 */
export type Permission = (ctx: Ctx) => Promise<unknown>;

type Params = Partial<Record<string, string>>;

function param(event: { params: Params }, name: string): string {
	const value = event.params[name];
	if (!value) throw new NotFoundError();
	return value;
}

/**
 * The role may do one of `actions` somewhere in the project of the URL (several when the form
 * chooses, e.g. a section's status is edited or reviewed). Records the form names narrow it
 * further in the domain; only what the URL names can be asked before the form is read.
 */
export function inProject(event: { params: Params }, ...actions: Action[]): Permission {
	return async ({ db, actor }) => {
		if (!actor) throw new UnauthorizedError();
		const grant = await findGrant(db, actor.id, param(event, 'projectId'));
		if (!grant) throw new NotFoundError('project_not_found');
		if (!actions.some((action) => ROLE_ACTIONS[grant.role].has(action))) {
			throw new ForbiddenError();
		}
	};
}

/** The case record of the URL: its organisation decides, as on the record's page. */
export function onCase(event: { params: Params }, action: Action): Permission {
	return async ({ db, actor }) => {
		if (!actor) throw new UnauthorizedError();
		const found = await findCase(db, param(event, 'projectId'), param(event, 'caseId'));
		await authorize(db, actor, action, caseResource(found));
	};
}

/** Who of a body the meeting's action is for: its members, its officers, its chair(s). */
export type Sitters = 'members' | 'officers' | 'chairs';

const SITTERS: Record<Sitters, (access: BodyAccess) => Resource> = {
	members: (access) => ({ projectId: access.body.projectId, bodyMemberIds: access.memberIds }),
	officers: (access) => ({ projectId: access.body.projectId, bodyOfficerIds: access.officerIds }),
	chairs: (access) => ({ projectId: access.body.projectId, bodyOfficerIds: access.chairIds })
};

/** The meeting of the URL: its body's members (or officers, or chairs) only, as its domain asks. */
export function onMeeting(event: { params: Params }, action: Action, who: Sitters): Permission {
	return async ({ db, actor }) => {
		if (!actor) throw new UnauthorizedError();
		const found = await findMeeting(db, param(event, 'meetingId'));
		if (found.projectId !== param(event, 'projectId')) throw new NotFoundError();
		await authorize(db, actor, action, SITTERS[who](await loadBodyAccess(db, found.bodyId)));
	};
}

/** The lab of the URL: its participants and those who run labs (lab.write), as its pages ask. */
export function onLab(event: { params: Params }, action: Action): Permission {
	return async ({ db, actor }) => {
		if (!actor) throw new UnauthorizedError();
		const found = await findLab(db, param(event, 'projectId'), param(event, 'labId'));
		await authorize(db, actor, action, await labResource(db, found));
	};
}

/** An organisation's card: those who share a project with it read it, its own people edit it. */
export function onOrganisation(event: { params: Params }): Permission {
	return (ctx) => authorizeEdit(ctx, param(event, 'organisationId'));
}

/** Platform actions (setting projects up, accounts): the administrators' alone. */
export function asAdmin(action: AdminAction): Permission {
	return async ({ actor }) => authorizePlatform(actor, action);
}

/** Actions about the asker alone (password, inbox, mail choices): any signed-in person. */
export const signedInOnly: Permission = async (ctx) => signedIn(ctx);

/** Actions for anybody (signing in, accepting an invitation by its secret token). */
export const anyone: Permission = async () => undefined;
