import { describe, expect, it } from 'vitest';
import { quorum, requiredForQuorum } from '../../../src/lib/governance/quorum';

const members = ['a', 'b', 'c', 'd', 'e'];
const present = (...ids: string[]) =>
	ids.map((personId) => ({ personId, status: 'present' as const, delegateId: null }));

describe('quorum', () => {
	it('needs more than half for a majority', () => {
		expect(requiredForQuorum('majority', null, 5)).toBe(3);
		expect(requiredForQuorum('majority', null, 4)).toBe(3);
		expect(
			quorum({ rule: 'majority', fixed: null, memberIds: members, attendance: present('a', 'b') })
				.met
		).toBe(false);
		expect(
			quorum({
				rule: 'majority',
				fixed: null,
				memberIds: members,
				attendance: present('a', 'b', 'c')
			})
		).toEqual({
			required: 3,
			represented: 3,
			met: true
		});
	});

	it('rounds two thirds up', () => {
		expect(requiredForQuorum('two_thirds', null, 5)).toBe(4);
		expect(requiredForQuorum('two_thirds', null, 6)).toBe(4);
	});

	it('takes a fixed number, never more than the members', () => {
		expect(requiredForQuorum('fixed', 2, 5)).toBe(2);
		expect(requiredForQuorum('fixed', 9, 5)).toBe(5);
	});

	it('counts a proxy only when the delegate is a present member', () => {
		const attendance = [
			...present('a', 'b'),
			{ personId: 'c', status: 'delegated' as const, delegateId: 'a' },
			{ personId: 'd', status: 'delegated' as const, delegateId: 'e' },
			{ personId: 'e', status: 'absent' as const, delegateId: null }
		];
		expect(quorum({ rule: 'majority', fixed: null, memberIds: members, attendance })).toEqual({
			required: 3,
			represented: 3,
			met: true
		});
	});

	it('ignores people who are not members and is never met by an empty body', () => {
		expect(
			quorum({
				rule: 'majority',
				fixed: null,
				memberIds: members,
				attendance: present('x', 'y', 'z')
			}).met
		).toBe(false);
		expect(quorum({ rule: 'fixed', fixed: 1, memberIds: [], attendance: [] }).met).toBe(false);
	});
});
