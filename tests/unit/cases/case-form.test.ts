import { romeToday } from '../../../src/lib/governance/rome-time';
import { describe, expect, it } from 'vitest';
import { caseCreateForm } from '../../../src/lib/cases/case-form';
import { caseEventForm } from '../../../src/lib/cases/event-form';
import { isValidFiscalCode } from '../../../src/lib/cases/fiscal-code';
import { randomPseudonym } from '../../../src/lib/server/cases/pseudonym';

describe('the fiscal code check', () => {
	it('accepts well-formed codes with the right check letter, typed loosely', () => {
		expect(isValidFiscalCode('RSSMRA85T10A562S')).toBe(true);
		expect(isValidFiscalCode('bnl krm 94c12 z330p')).toBe(true);
		// Omocodia: digits replaced by letters still check out.
		expect(isValidFiscalCode('RSSMRA85T10A56NH')).toBe(true);
	});

	it('refuses a wrong check letter, a wrong shape or length', () => {
		expect(isValidFiscalCode('RSSMRA85T10A562T')).toBe(false);
		expect(isValidFiscalCode('RSSMRA85Z10A562S')).toBe(false);
		expect(isValidFiscalCode('RSSMRA85T10A562')).toBe(false);
		expect(isValidFiscalCode('12345678901')).toBe(false);
	});
});

describe('case forms', () => {
	const base = { fullName: 'Karim Benali', referredOn: '2026-02-03' };

	it('normalises the fiscal code and turns empty optional fields into nothing', () => {
		const parsed = caseCreateForm.parse({
			...base,
			fiscalCode: 'bnlkrm94c12z330p',
			phone: '',
			email: ''
		});
		expect(parsed).toMatchObject({
			fiscalCode: 'BNLKRM94C12Z330P',
			phone: null,
			email: null,
			note: ''
		});
	});

	it('points each mistake at its field', () => {
		const result = caseCreateForm.safeParse({
			fullName: 'K',
			fiscalCode: 'XXX',
			referredOn: '2999-01-01'
		});
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((issue) => issue.path.join('.'));
		expect(new Set(fields)).toEqual(new Set(['fullName', 'fiscalCode', 'referredOn']));
	});

	it('wants a text for a note, and dates up to today', () => {
		const note = caseEventForm.safeParse({ kind: 'note', occurredOn: romeToday(), note: ' ' });
		expect(note.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['note']);
		expect(
			caseEventForm.parse({
				kind: 'intake',
				occurredOn: '2026-01-02',
				status: '',
				intakeLevel: 'first'
			}).status
		).toBeNull();
	});
});

describe('pseudonyms', () => {
	it('draws six characters of an unambiguous alphabet, never the same twice in a thousand', () => {
		const drawn = Array.from({ length: 1000 }, randomPseudonym);
		for (const code of drawn) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
		expect(new Set(drawn).size).toBe(1000);
	});
});
