import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { membership, type ProjectRole } from '../db/schema';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors';
import type { Action, AdminAction } from './actions';
import { PLATFORM_ACTIONS, ROLE_ACTIONS } from './role-actions';
import { memoisedGrant } from './grant-memo';

/** Who acts: the signed-in person (null when anonymous). */
export interface Actor {
	id: string;
	name: string;
	email: string;
	isAdmin: boolean;
}

/** What the action touches. Fields beyond projectId narrow the decision. */
export interface Resource {
	projectId: string;
	/** The organisation a record belongs to (a case): operators see their own organisation's only. */
	organisationId?: string | null;
	/** A case's accepted referrals: those organisations' operators read it by pseudonym. */
	referredToOrganisationIds?: readonly string[];
	/** Accepted referrals that share identity: those organisations' operators also read who it is. */
	identitySharedWithOrganisationIds?: readonly string[];
	/** Organisations owning a proposal section: other partners may only suggest there. */
	ownerOrganisationIds?: readonly string[];
	/** Locked sections and frozen minutes: nobody writes. */
	locked?: boolean;
	/** A governance body's members: when given, only they may write its minutes. */
	bodyMemberIds?: readonly string[];
	/** When given, only these people (a body's chair or secretary) may do the action at all. */
	bodyOfficerIds?: readonly string[];
	/** A lab's participants: when given, `lab.write` is theirs (and of those who run labs). */
	labParticipantIds?: readonly string[];
}

export interface Grant {
	role: ProjectRole;
	organisationId: string | null;
	/** Who holds the grant; needed where a resource narrows the decision to named people. */
	personId?: string;
}

const WRITES_BLOCKED_BY_LOCK = new Set<Action>([
	'document.write',
	'proposal.edit',
	'proposal.suggest',
	'minutes.write'
]);
const OWN_ORGANISATION_ONLY = new Set<Action>([
	'case.read_identity',
	'case.write',
	'case.erase',
	'case.refer',
	'case.referral_decide'
]);

function among(grant: Grant, organisations: readonly string[] | undefined): boolean {
	return grant.organisationId !== null && (organisations ?? []).includes(grant.organisationId);
}
const BODY_MEMBERS_ONLY = new Set<Action>(['minutes.write']);

function listed(grant: Grant, people: readonly string[]): boolean {
	return grant.personId !== undefined && people.includes(grant.personId);
}

/** The pure rule: may someone holding `grant` do `action` on `resource`? */
export function decide(grant: Grant | null, action: Action, resource: Resource): boolean {
	if (!grant || !ROLE_ACTIONS[grant.role].has(action)) return false;
	if (resource.locked && WRITES_BLOCKED_BY_LOCK.has(action)) return false;
	if (resource.bodyOfficerIds && !listed(grant, resource.bodyOfficerIds)) return false;
	if (BODY_MEMBERS_ONLY.has(action) && resource.bodyMemberIds) {
		return listed(grant, resource.bodyMemberIds);
	}
	// Identifying case data needs the record's organisation: a caller that forgets it gets nothing.
	// An accepted referral that shares identity is the one other way in (ADR 0080 addendum).
	if (action === 'case.read_identity' && among(grant, resource.identitySharedWithOrganisationIds)) {
		return true;
	}
	if (OWN_ORGANISATION_ONLY.has(action)) {
		return grant.organisationId !== null && grant.organisationId === resource.organisationId;
	}
	// Operators follow their own organisation's people; only a case's organisation (when named) narrows it.
	if (action === 'case.read_pseudonymous' && grant.role === 'case_operator') {
		return (
			resource.organisationId === undefined ||
			(grant.organisationId !== null && grant.organisationId === resource.organisationId) ||
			among(grant, resource.referredToOrganisationIds)
		);
	}
	if (
		action === 'lab.write' &&
		resource.labParticipantIds &&
		!ROLE_ACTIONS[grant.role].has('lab.run')
	) {
		return listed(grant, resource.labParticipantIds);
	}
	// Partners edit their own organisation's card; the coordinator any organisation of the project.
	if (action === 'organisation.edit' && grant.role !== 'coordinator') {
		return grant.organisationId !== null && grant.organisationId === resource.organisationId;
	}
	if (action === 'proposal.edit' && resource.ownerOrganisationIds && grant.role !== 'coordinator') {
		return (
			grant.organisationId !== null && resource.ownerOrganisationIds.includes(grant.organisationId)
		);
	}
	return true;
}

/** The person's membership in the project; once per reading request (access/grant-memo.ts). */
export function findGrant(db: Db, personId: string, projectId: string): Promise<Grant | null> {
	return memoisedGrant(db, personId, projectId, () => lookUpGrant(db, personId, projectId));
}

async function lookUpGrant(db: Db, personId: string, projectId: string): Promise<Grant | null> {
	const [row] = await db
		.select({
			role: membership.role,
			organisationId: membership.organisationId,
			personId: membership.personId
		})
		.from(membership)
		.where(and(eq(membership.personId, personId), eq(membership.projectId, projectId)))
		.limit(1);
	return row ?? null;
}

export async function can(
	db: Db,
	actor: Actor | null,
	action: Action,
	resource: Resource
): Promise<boolean> {
	if (!actor) return false;
	return decide(await findGrant(db, actor.id, resource.projectId), action, resource);
}

/** What authorize() proves: the grant, held by a signed-in person. */
export interface ActorGrant extends Grant {
	actor: Actor;
}

/**
 * Throws unless allowed. A non-member gets NotFound, so projects they are not in do not even
 * show that they exist; a member without the right gets Forbidden. Returns the grant with the
 * actor, typed as signed in: domain code acts as `grant.actor`, without asserting that `ctx.actor` is there.
 */
export async function authorize(
	db: Db,
	actor: Actor | null,
	action: Action,
	resource: Resource
): Promise<ActorGrant> {
	if (!actor) throw new UnauthorizedError();
	const grant = await findGrant(db, actor.id, resource.projectId);
	if (!grant) throw new NotFoundError('project_not_found');
	if (!decide(grant, action, resource)) throw new ForbiddenError();
	return { ...grant, actor };
}

/** The pure rule outside projects: may this person do a platform action (create a project…)? */
export function decidePlatform(actor: Actor | null, action: AdminAction): boolean {
	if (!actor) return false;
	return PLATFORM_ACTIONS[actor.isAdmin ? 'admin' : 'person'].has(action);
}

/** Throws unless the actor may do the platform action: 401 for nobody, 403 for a non-admin. */
export function authorizePlatform(actor: Actor | null, action: AdminAction): Actor {
	if (!actor) throw new UnauthorizedError();
	if (!decidePlatform(actor, action)) throw new ForbiddenError();
	return actor;
}
