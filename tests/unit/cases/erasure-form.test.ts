import { describe, expect, it } from 'vitest';
import { ERASURE_REASONS, erasureForm } from '../../../src/lib/cases/erasure-form';
import { erasureReasonLabel } from '../../../src/lib/cases/labels';

describe('the erasure form', () => {
	it('wants a ground of art. 17 as a code and the pseudonym typed again', () => {
		expect(
			erasureForm.safeParse({ reason: 'consent_withdrawn', confirm: ' k7m3qx ' }).data
		).toEqual({ reason: 'consent_withdrawn', confirm: 'k7m3qx' });
		expect(erasureForm.safeParse({ reason: 'consent_withdrawn', confirm: '' }).success).toBe(false);
		expect(erasureForm.safeParse({ reason: 'Mario asked', confirm: 'K7M-3QX' }).success).toBe(
			false
		);
		expect(erasureForm.safeParse({ confirm: 'K7M-3QX' }).success).toBe(false);
	});

	it('labels every ground', () => {
		for (const reason of ERASURE_REASONS) expect(erasureReasonLabel(reason)).not.toBe(reason);
	});
});
