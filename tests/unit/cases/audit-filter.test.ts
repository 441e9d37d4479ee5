import { describe, expect, it } from 'vitest';
import {
	auditFilter,
	auditQuery,
	auditRange,
	normalisePseudonym
} from '../../../src/lib/cases/audit-filter';
import { auditActionLabel, auditDetailText } from '../../../src/lib/cases/audit-detail';

const parse = (input: Record<string, string>) => auditFilter.safeParse(input);

describe('the audit viewer’s filters', () => {
	it('reads an empty query string as no filter at all', () => {
		expect(parse({}).data).toEqual({
			actorId: null,
			action: null,
			from: null,
			to: null,
			pseudonym: ''
		});
		expect(parse({ actorId: '', action: '', from: '', to: '', pseudonym: ' ' }).success).toBe(true);
	});

	it('keeps a known action, a person id and a day range', () => {
		const id = '7b0c6a56-3b5e-4c2f-9a51-0d8c0f7e1a23';
		const parsed = parse({
			actorId: id,
			action: 'case.read_identity',
			from: '2026-03-01',
			to: '2026-03-31'
		});
		expect(parsed.data).toMatchObject({
			actorId: id,
			action: 'case.read_identity',
			from: '2026-03-01',
			to: '2026-03-31'
		});
	});

	it('refuses an unknown action, a malformed id or day, and a range that ends before it starts', () => {
		expect(parse({ action: 'project.update' }).success).toBe(false);
		expect(parse({ actorId: 'someone' }).success).toBe(false);
		expect(parse({ from: '01/03/2026' }).success).toBe(false);
		const backwards = parse({ from: '2026-03-02', to: '2026-03-01' });
		expect(backwards.success).toBe(false);
		expect(backwards.error?.issues[0].path).toEqual(['to']);
		expect(parse({ from: '2026-03-01', to: '2026-03-01' }).success).toBe(true);
	});

	it('finds a pseudonym however it is typed, and lets nothing else through', () => {
		expect(normalisePseudonym('k7m3qx')).toBe('K7M-3QX');
		expect(normalisePseudonym(' K7M-3QX ')).toBe('K7M-3QX');
		expect(normalisePseudonym('k7m 3qx')).toBe('K7M-3QX');
		expect(normalisePseudonym("K7M'; drop")).toBe('K7M-DRO');
		expect(normalisePseudonym('k7')).toBe('K7');
		expect(parse({ pseudonym: 'k7m3qx' }).data?.pseudonym).toBe('K7M-3QX');
		expect(parse({ pseudonym: 'x'.repeat(21) }).success).toBe(false);
	});

	it('turns days into Rome’s midnights, the last day included', () => {
		// Winter: Rome is UTC+1.
		expect(auditRange({ from: '2026-01-10', to: '2026-01-10' })).toEqual({
			since: new Date('2026-01-09T23:00:00Z'),
			until: new Date('2026-01-10T23:00:00Z')
		});
		// Summer time, and the end of a month.
		expect(auditRange({ from: null, to: '2026-07-31' })).toEqual({
			since: null,
			until: new Date('2026-07-31T22:00:00Z')
		});
		expect(auditRange({ from: null, to: null })).toEqual({ since: null, until: null });
	});

	it('writes the filter back as a query string without the empty fields', () => {
		const filter = parse({ action: 'case.event', pseudonym: 'k7m3qx', from: '' }).data!;
		expect(auditQuery(filter).toString()).toBe('action=case.event&pseudonym=K7M-3QX');
	});
});

describe('the audit entries in words', () => {
	it('labels actions, unknown codes as themselves', () => {
		expect(auditActionLabel('case.read_identity')).not.toBe('case.read_identity');
		expect(auditActionLabel('case.something_new')).toBe('case.something_new');
	});

	it('translates codes, leaves ids out', () => {
		expect(auditDetailText(null)).toBe('');
		expect(auditDetailText({ sessionId: '7b0c6a56-3b5e-4c2f-9a51-0d8c0f7e1a23' })).toBe('');
		const text = auditDetailText({
			kind: 'internship',
			status: 'internship',
			fields: ['fullName']
		});
		expect(text).not.toContain('fullName');
		expect(text.split(' · ')).toHaveLength(3);
		expect(auditDetailText({ count: 3, export: true })).toContain('3');
	});
});
