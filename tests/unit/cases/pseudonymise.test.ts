import { describe, expect, it } from 'vitest';
import { namesPerson, pseudonymise } from '../../../src/lib/cases/pseudonymise';

const identity = {
	fullName: 'Lucìa De Santis',
	fiscalCode: 'DSNLCU90A41F205X',
	phone: '333 123 4567',
	email: 'lucia.desantis@example.org'
};

describe('pseudonymise', () => {
	it('replaces the name, its parts, whatever the case and accents', () => {
		expect(
			pseudonymise(
				'Lucìa De Santis ha firmato il patto; LUCIA è puntuale, la sig.ra Santis no.',
				identity,
				'K2P-7QX'
			)
		).toBe('K2P-7QX ha firmato il patto; K2P-7QX è puntuale, la sig.ra K2P-7QX no.');
	});

	it('replaces the fiscal code, the e-mail and the phone however spaced', () => {
		expect(
			pseudonymise(
				'CF dsnlcu90a41f205x, scrive a lucia.desantis@example.org, tel. 333-1234567 o 333 123 45 67',
				identity,
				'K2P-7QX'
			)
		).toBe('CF K2P-7QX, scrive a K2P-7QX, tel. K2P-7QX o K2P-7QX');
	});

	it('leaves words that only contain a part of the name', () => {
		expect(pseudonymise('Desantisti e Luciana sono altre persone.', identity, 'K2P-7QX')).toBe(
			'Desantisti e Luciana sono altre persone.'
		);
	});

	it('tells whether a text still names the person', () => {
		expect(namesPerson('Incontro con de santis', identity)).toBe(true);
		expect(namesPerson('Incontro con K2P-7QX', identity)).toBe(false);
	});
});
