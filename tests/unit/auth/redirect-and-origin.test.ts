import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from '../../../src/lib/server/auth/redirect-target';
import { isCrossOriginWrite } from '../../../src/lib/server/auth/same-origin';

describe('safeRedirectTarget', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeRedirectTarget('/projects/abc?tab=1#x')).toBe('/projects/abc?tab=1#x');
		expect(safeRedirectTarget('/invite/tok')).toBe('/invite/tok');
	});

	it('refuses anything that could leave the site', () => {
		for (const bad of [
			'https://evil.example/',
			'//evil.example/x',
			'/\\evil.example',
			'javascript:alert(1)',
			'evil.example',
			'',
			null,
			undefined
		]) {
			expect(safeRedirectTarget(bad)).toBe('/projects');
		}
		expect(safeRedirectTarget('//evil', '/login')).toBe('/login');
	});
});

describe('isCrossOriginWrite', () => {
	const own = 'https://tavolo.example';
	const headers = (values: Record<string, string>) => new Headers(values);

	it('lets reads through whatever their origin', () => {
		expect(isCrossOriginWrite('GET', headers({ origin: 'https://evil.example' }), own)).toBe(false);
		expect(isCrossOriginWrite('HEAD', headers({ origin: 'https://evil.example' }), own)).toBe(
			false
		);
	});

	it('refuses writes from another origin, including the opaque "null" origin', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			expect(isCrossOriginWrite(method, headers({ origin: 'https://evil.example' }), own)).toBe(
				true
			);
		}
		expect(isCrossOriginWrite('POST', headers({ origin: 'null' }), own)).toBe(true);
		expect(isCrossOriginWrite('POST', headers({ origin: 'http://tavolo.example' }), own)).toBe(
			true
		);
	});

	it('accepts same-origin writes and scripts that send no browser headers', () => {
		expect(isCrossOriginWrite('POST', headers({ origin: own }), own)).toBe(false);
		expect(isCrossOriginWrite('DELETE', headers({}), own)).toBe(false);
		expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'same-origin' }), own)).toBe(
			false
		);
	});

	it('falls back to Sec-Fetch-Site when a browser omits Origin', () => {
		expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'cross-site' }), own)).toBe(true);
		expect(isCrossOriginWrite('POST', headers({ 'sec-fetch-site': 'same-site' }), own)).toBe(true);
	});
});
