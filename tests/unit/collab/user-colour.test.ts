import { describe, expect, it } from 'vitest';
import { USER_COLOURS, initials, userColour } from '../../../src/lib/collab/user-colour';

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((start) => {
		const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
};

describe('user colours', () => {
	it.each(USER_COLOURS)('%s carries white text at 4.5:1 or more', (colour) => {
		expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
	});

	it('gives the same person the same colour every time', () => {
		const id = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
		expect(userColour(id)).toBe(userColour(id));
		expect(USER_COLOURS).toContain(userColour(id));
	});

	it('spreads different people over the palette', () => {
		const ids = Array.from({ length: 200 }, (_, index) => `person-${index}`);
		const used = new Set(ids.map(userColour));
		expect(used.size).toBe(USER_COLOURS.length);
	});
});

describe('initials', () => {
	it('takes the first and last name', () => {
		expect(initials('Maria Grazia Rossi')).toBe('MR');
		expect(initials('  giulia   ferraris ')).toBe('GF');
	});

	it('copes with one name or none', () => {
		expect(initials('Chiara')).toBe('CH');
		expect(initials('   ')).toBe('?');
	});
});
