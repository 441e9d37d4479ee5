import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/lib/server/access/actions';
import { decide, type Grant } from '../../../src/lib/server/access/policy';
import type { ProjectRole } from '../../../src/lib/server/db/schema';

const projectId = '00000000-0000-4000-8000-000000000001';
const grant = (role: ProjectRole, organisationId: string | null, personId = 'p1'): Grant => ({
	role,
	organisationId,
	personId
});

describe('resource rules on top of the matrix', () => {
	it('lets nobody write a locked section or frozen minutes, coordinators included', () => {
		const writes: Action[] = [
			'document.write',
			'proposal.edit',
			'proposal.suggest',
			'minutes.write'
		];
		for (const action of writes) {
			expect(decide(grant('coordinator', 'a'), action, { projectId, locked: true })).toBe(false);
			expect(decide(grant('coordinator', 'a'), action, { projectId, locked: false })).toBe(true);
		}
		expect(decide(grant('observer', 'a'), 'document.read', { projectId, locked: true })).toBe(true);
	});

	it('shows case identities only to operators of the organisation the case belongs to', () => {
		const own = { projectId, organisationId: 'org-a' };
		expect(decide(grant('case_operator', 'org-a'), 'case.read_identity', own)).toBe(true);
		expect(decide(grant('case_operator', 'org-a'), 'case.write', own)).toBe(true);
		expect(decide(grant('case_operator', 'org-b'), 'case.read_identity', own)).toBe(false);
		expect(decide(grant('case_operator', 'org-b'), 'case.write', own)).toBe(false);
		expect(decide(grant('case_operator', null), 'case.read_identity', own)).toBe(false);
		expect(decide(grant('coordinator', 'org-a'), 'case.read_identity', own)).toBe(false);
		// A case without an organisation matches no operator.
		const orphan = { projectId, organisationId: null };
		expect(decide(grant('case_operator', 'org-a'), 'case.read_identity', orphan)).toBe(false);
		// A caller that forgets to say whose record it is gets nothing.
		expect(decide(grant('case_operator', 'org-a'), 'case.read_identity', { projectId })).toBe(
			false
		);
		expect(decide(grant('case_operator', 'org-a'), 'case.write', { projectId })).toBe(false);
	});

	it('lets only the operators of the record’s organisation erase it (GDPR art. 17)', () => {
		const own = { projectId, organisationId: 'org-a' };
		expect(decide(grant('case_operator', 'org-a'), 'case.erase', own)).toBe(true);
		expect(decide(grant('case_operator', 'org-b'), 'case.erase', own)).toBe(false);
		expect(decide(grant('case_operator', 'org-a'), 'case.erase', { projectId })).toBe(false);
		expect(decide(grant('coordinator', 'org-a'), 'case.erase', own)).toBe(false);
	});

	it("keeps an operator to their own organisation's records, pseudonymous ones included", () => {
		const own = { projectId, organisationId: 'org-a' };
		expect(decide(grant('case_operator', 'org-a'), 'case.read_pseudonymous', own)).toBe(true);
		expect(decide(grant('case_operator', 'org-b'), 'case.read_pseudonymous', own)).toBe(false);
		expect(decide(grant('case_operator', null), 'case.read_pseudonymous', own)).toBe(false);
		// Without a record (the list, a lab's pseudonyms) the role's right is enough.
		expect(decide(grant('case_operator', 'org-b'), 'case.read_pseudonymous', { projectId })).toBe(
			true
		);
		// Coordinators and facilitators read every record of the project, by pseudonym only.
		expect(decide(grant('coordinator', 'org-z'), 'case.read_pseudonymous', own)).toBe(true);
		expect(decide(grant('facilitator', null), 'case.read_pseudonymous', own)).toBe(true);
	});

	it('lets partners edit only sections their organisation owns; coordinators edit all', () => {
		const section = { projectId, ownerOrganisationIds: ['org-a', 'org-c'] };
		expect(decide(grant('partner_editor', 'org-a'), 'proposal.edit', section)).toBe(true);
		expect(decide(grant('partner_editor', 'org-b'), 'proposal.edit', section)).toBe(false);
		expect(decide(grant('partner_editor', null), 'proposal.edit', section)).toBe(false);
		expect(decide(grant('coordinator', 'org-z'), 'proposal.edit', section)).toBe(true);
		// Others may still suggest in a section they do not own.
		expect(decide(grant('partner_editor', 'org-b'), 'proposal.suggest', section)).toBe(true);
	});

	it("narrows minutes writing to a body's members and approval to its officers", () => {
		const body = { projectId, bodyMemberIds: ['p1'], bodyOfficerIds: undefined };
		expect(decide(grant('steering_member', 'a', 'p1'), 'minutes.write', body)).toBe(true);
		expect(decide(grant('steering_member', 'a', 'p2'), 'minutes.write', body)).toBe(false);
		const officers = { projectId, bodyOfficerIds: ['p1'] };
		expect(decide(grant('steering_member', 'a', 'p1'), 'minutes.approve', officers)).toBe(true);
		expect(decide(grant('steering_member', 'a', 'p2'), 'minutes.approve', officers)).toBe(false);
	});

	it('never lets a role outside the matrix through a resource rule', () => {
		const own = { projectId, organisationId: 'org-a', ownerOrganisationIds: ['org-a'] };
		expect(decide(grant('observer', 'org-a'), 'case.read_identity', own)).toBe(false);
		expect(decide(grant('observer', 'org-a'), 'proposal.edit', own)).toBe(false);
		expect(decide(grant('facilitator', 'org-a'), 'proposal.edit', own)).toBe(false);
	});
});
