import { describe, expect, it } from 'vitest';
import { canMove, needsReview } from '../../../src/lib/proposals/section-status';
import { lengthState } from '../../../src/lib/proposals/limits';

describe('section status', () => {
	it.each([
		['to_write', 'draft', true],
		['draft', 'in_review', true],
		['in_review', 'agreed', true],
		['agreed', 'in_review', true],
		['to_write', 'agreed', false],
		['agreed', 'draft', false],
		['draft', 'draft', false]
	] as const)('%s → %s allowed: %s', (from, to, allowed) => {
		expect(canMove(from, to)).toBe(allowed);
	});

	it('makes agreeing and reopening a review decision', () => {
		expect(needsReview('in_review', 'agreed')).toBe(true);
		expect(needsReview('agreed', 'in_review')).toBe(true);
		expect(needsReview('draft', 'in_review')).toBe(false);
	});

	it('tells the length against the limit', () => {
		expect(lengthState(0, 3000)).toBe('empty');
		expect(lengthState(100, null)).toBe('within');
		expect(lengthState(2700, 3000)).toBe('near');
		expect(lengthState(3001, 3000)).toBe('over');
	});
});
