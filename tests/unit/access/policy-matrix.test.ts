import { describe, expect, it } from 'vitest';
import {
	ACTIONS,
	ADMIN_ACTIONS,
	PROJECT_ROLES,
	type Action,
	type AdminAction
} from '../../../src/lib/server/access/actions';
import {
	authorizePlatform,
	decide,
	decidePlatform,
	type Actor,
	type Grant
} from '../../../src/lib/server/access/policy';
import type { ProjectRole } from '../../../src/lib/server/db/schema';

/**
 * The expected matrix, written out by hand (not derived from ROLE_ACTIONS): one row per action,
 * one column per role. A new action fails this test until someone decides its row here.
 *
 *   C = coordinator, P = partner_editor, F = facilitator, S = steering_member,
 *   O = case_operator, V = observer (viewer); "·" = refused.
 */
const COLUMNS: ProjectRole[] = [
	'coordinator',
	'partner_editor',
	'facilitator',
	'steering_member',
	'case_operator',
	'observer'
];

// prettier-ignore
const EXPECTED: Record<Action, string> = {
	'project.read':           'C P F S O V',
	'project.update':         'C · · · · ·',
	'member.read':            'C P F S O V',
	'member.manage':          'C · · · · ·',
	'document.read':          'C P F S O V',
	'document.write':         'C P F S · ·',
	'call.manage':            'C · · · · ·',
	'template.manage':        'C · · · · ·',
	'proposal.read':          'C P F S O V',
	'proposal.create':        'C · · · · ·',
	'proposal.edit':          'C P · · · ·',
	'proposal.suggest':       'C P F · · ·',
	'proposal.comment':       'C P F S · ·',
	'proposal.review':        'C · · · · ·',
	'proposal.lock':          'C · · · · ·',
	'proposal.export':        'C P F S · V',
	'governance.read':        'C P F S O V',
	'body.manage':            'C · · · · ·',
	'meeting.manage':         'C · · · · ·',
	'minutes.write':          'C P · S · ·',
	'minutes.approve':        'C · · S · ·',
	'decision.propose':       'C P F S · ·',
	'decision.update':        'C · · S · ·',
	'action_item.manage':     'C · · S · ·',
	'case.read_pseudonymous': 'C · F · O ·',
	'case.read_identity':     '· · · · O ·',
	'case.write':             '· · · · O ·',
	'case.erase':             '· · · · O ·',
	'case.refer':             '· · · · O ·',
	'case.referral_decide':   '· · · · O ·',
	'lab.read':               'C P F S O V',
	'lab.write':              'C P F · O ·',
	'lab.run':                'C · F · · ·',
	'monitoring.read':        'C P F S O V',
	'monitoring.manage':      'C · · · · ·',
	'audit.read':             'C · · · · ·',
	'network.read':           'C P F S O V',
	'organisation.edit':      'C P · · · ·',
	'partnership.manage':     'C · · · · ·'
};

const LETTERS = ['C', 'P', 'F', 'S', 'O', 'V'];

function expected(action: Action, role: ProjectRole): boolean {
	const row = EXPECTED[action];
	if (row === undefined) throw new Error(`No expected row for action ${action}`);
	const cells = row.split(' ');
	const column = COLUMNS.indexOf(role);
	return cells[column] === LETTERS[column];
}

const PROJECT = { projectId: '00000000-0000-4000-8000-000000000001' };
const grant = (role: ProjectRole, organisationId: string | null = 'org-a'): Grant => ({
	role,
	organisationId,
	personId: 'person-1'
});

const OWN_RECORD = { ...PROJECT, organisationId: 'org-a' };

describe('the role × action matrix', () => {
	it('has an expectation for every action and every role', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
		expect([...PROJECT_ROLES].sort()).toEqual([...COLUMNS].sort());
		for (const row of Object.values(EXPECTED)) expect(row.split(' ')).toHaveLength(6);
	});

	for (const role of COLUMNS) {
		for (const action of ACTIONS) {
			const allowed = expected(action, role);
			it(`${allowed ? 'lets' : 'refuses'} ${role} ${action}`, () => {
				// A record of the member's own organisation: the matrix is about roles, not ownership.
				expect(decide(grant(role), action, OWN_RECORD)).toBe(allowed);
			});
		}
	}

	it('gives a non-member nothing at all', () => {
		for (const action of ACTIONS) expect(decide(null, action, PROJECT)).toBe(false);
	});

	it('moves identity only through an accepted referral that shares it', () => {
		const referred = { ...PROJECT, organisationId: 'org-a', referredToOrganisationIds: ['org-b'] };
		const shared = { ...referred, identitySharedWithOrganisationIds: ['org-b'] };
		const receiver = grant('case_operator', 'org-b');
		const third = grant('case_operator', 'org-c');
		expect(decide(receiver, 'case.read_pseudonymous', referred)).toBe(true);
		expect(decide(receiver, 'case.read_identity', referred)).toBe(false);
		expect(decide(receiver, 'case.read_identity', shared)).toBe(true);
		// Reading is all a referral gives: writing, erasing and referring stay with the owner.
		for (const action of ['case.write', 'case.erase', 'case.refer'] as const) {
			expect(decide(receiver, action, shared)).toBe(false);
		}
		expect(decide(third, 'case.read_pseudonymous', shared)).toBe(false);
		expect(decide(third, 'case.read_identity', shared)).toBe(false);
		expect(decide(grant('coordinator', 'org-b'), 'case.read_identity', shared)).toBe(false);
		expect(decide(grant('facilitator', 'org-b'), 'case.read_identity', shared)).toBe(false);
	});
});

/** Platform actions, by hand too: A = administrator, N = any other signed-in person. */
// prettier-ignore
const EXPECTED_PLATFORM: Record<AdminAction, string> = {
	'admin.project_create':      'A ·',
	'admin.organisation_create': 'A ·',
	'admin.coordinator_appoint': 'A ·',
	'admin.account_manage':      'A ·',
	'admin.admin_grant':         'A ·'
};

const person = (isAdmin: boolean): Actor => ({ id: 'p', name: 'P', email: 'p@x.it', isAdmin });

describe('the platform matrix (outside projects)', () => {
	it('has an expectation for every platform action', () => {
		expect(Object.keys(EXPECTED_PLATFORM).sort()).toEqual([...ADMIN_ACTIONS].sort());
	});

	for (const action of ADMIN_ACTIONS) {
		const [admin, other] = EXPECTED_PLATFORM[action].split(' ');
		it(`${admin === 'A' ? 'lets' : 'refuses'} an admin and ${other === 'N' ? 'lets' : 'refuses'} others ${action}`, () => {
			expect(decidePlatform(person(true), action)).toBe(admin === 'A');
			expect(decidePlatform(person(false), action)).toBe(other === 'N');
			expect(decidePlatform(null, action)).toBe(false);
		});
	}

	it('answers 401 to nobody and 403 to a non-admin', () => {
		expect(() => authorizePlatform(null, 'admin.account_manage')).toThrow(
			expect.objectContaining({ status: 401 })
		);
		expect(() => authorizePlatform(person(false), 'admin.account_manage')).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(authorizePlatform(person(true), 'admin.account_manage').isAdmin).toBe(true);
	});
});
