import { describe, expect, it } from 'vitest';
import { normaliseLinkAddress } from '../../../src/lib/editor/link-address';

describe('normaliseLinkAddress', () => {
	it('keeps web and mail addresses', () => {
		expect(normaliseLinkAddress('https://www.comune.milano.it/servizi')).toBe(
			'https://www.comune.milano.it/servizi'
		);
		expect(normaliseLinkAddress('http://example.org')).toBe('http://example.org/');
		expect(normaliseLinkAddress('mailto:ufficio@comune.example.it')).toBe(
			'mailto:ufficio@comune.example.it'
		);
	});

	it('adds https:// to a bare domain', () => {
		expect(normaliseLinkAddress('  www.regione.lombardia.it ')).toBe(
			'https://www.regione.lombardia.it/'
		);
	});

	it('refuses scripts, other schemes and non-addresses', () => {
		expect(normaliseLinkAddress('javascript:alert(1)')).toBeNull();
		expect(normaliseLinkAddress('JavaScript:alert(1)')).toBeNull();
		expect(normaliseLinkAddress('data:text/html,<script>alert(1)</script>')).toBeNull();
		expect(normaliseLinkAddress('ftp://files.example.org')).toBeNull();
		expect(normaliseLinkAddress('just words')).toBeNull();
		expect(normaliseLinkAddress('mailto:nobody')).toBeNull();
		expect(normaliseLinkAddress('')).toBeNull();
	});
});
