import { describe, expect, it } from 'vitest';
import { esfProfileForm } from '../../../src/lib/monitoring/esf';
import { followUpDue } from '../../../src/lib/server/monitoring/esf';

describe('the six-month follow-up', () => {
	it('falls six months after the pathway closed, on the last day of a shorter month', () => {
		expect(followUpDue('2025-03-15')).toBe('2025-09-15');
		expect(followUpDue('2025-08-31')).toBe('2026-02-28');
		expect(followUpDue('2023-08-31')).toBe('2024-02-29');
		expect(followUpDue('2025-12-31')).toBe('2026-06-30');
		expect(followUpDue(null)).toBeNull();
	});
});

describe('the ESF+ participant form', () => {
	const valid = {
		gender: 'female',
		labourStatus: 'long_term_unemployed',
		ageBand: '55_plus',
		education: 'isced_0_2',
		disability: 'yes',
		minority: '',
		rural: 'no'
	};

	it('turns yes / no / not declared into true / false / null', () => {
		const parsed = esfProfileForm.parse(valid);
		expect(parsed).toMatchObject({
			disability: true,
			minority: null,
			rural: false,
			homeless: null
		});
		expect(parsed.resultAtExit).toBeNull();
	});

	it('requires the four entry fields, with a translated message', () => {
		const result = esfProfileForm.safeParse({ ...valid, gender: '', ageBand: 'old' });
		expect(result.success).toBe(false);
		const paths = result.error!.issues.map((issue) => issue.path.join('.'));
		expect(paths.sort()).toEqual(['ageBand', 'gender']);
		expect(result.error!.issues[0].message).toMatch(/Scegli un valore|Choose a value/);
	});
});
