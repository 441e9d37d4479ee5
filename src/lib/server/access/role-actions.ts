import type { ProjectRole } from '../db/schema';
import { ACTIONS, ADMIN_ACTIONS, type Action, type AdminAction } from './actions';

const READ: Action[] = [
	'project.read',
	'member.read',
	'document.read',
	'proposal.read',
	'governance.read',
	'lab.read',
	'monitoring.read',
	'network.read'
];

/** Identities and what touches them: the case operators' alone, never the coordinator's. */
const OPERATORS_ONLY = new Set<Action>([
	'case.read_identity',
	'case.write',
	'case.erase',
	'case.refer',
	'case.referral_decide'
]);

/** What each role may do in its own project. Least privilege: case identities only to operators. */
export const ROLE_ACTIONS: Record<ProjectRole, ReadonlySet<Action>> = {
	coordinator: new Set(ACTIONS.filter((a) => !OPERATORS_ONLY.has(a))),
	partner_editor: new Set([
		...READ,
		'document.write',
		'proposal.edit',
		'proposal.suggest',
		'proposal.comment',
		'proposal.export',
		'decision.propose',
		'lab.write',
		// Their own organisation's card only: the policy compares the organisation.
		'organisation.edit',
		// Partners sit in working groups; the body's member list narrows this to its members.
		'minutes.write'
	]),
	facilitator: new Set([
		...READ,
		'document.write',
		'proposal.suggest',
		'proposal.comment',
		'proposal.export',
		'case.read_pseudonymous',
		'lab.write',
		'lab.run',
		// A lab's proposal goes to the cabina di regia as "proposta": the body decides, not her.
		'decision.propose'
	]),
	steering_member: new Set([
		...READ,
		'document.write',
		'proposal.comment',
		'proposal.export',
		'minutes.write',
		// Only a body's chair or secretary, named in the resource, gets past the policy with it.
		'minutes.approve',
		'decision.propose',
		'decision.update',
		'action_item.manage'
	]),
	case_operator: new Set([
		...READ,
		'case.read_pseudonymous',
		'case.read_identity',
		'case.write',
		'case.erase',
		'case.refer',
		'case.referral_decide',
		'lab.write'
	]),
	// Observers (funders, evaluators) read, and reading includes taking a copy of the proposal.
	observer: new Set([...READ, 'proposal.export'])
};

/** Platform roles, held on the person (`is_admin`), not in a project. */
export type PlatformRole = 'admin' | 'person';

/** What each platform role may do outside projects: only an administrator sets projects up. */
export const PLATFORM_ACTIONS: Record<PlatformRole, ReadonlySet<AdminAction>> = {
	admin: new Set(ADMIN_ACTIONS),
	person: new Set()
};
