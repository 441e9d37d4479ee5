import { describe, expect, it } from 'vitest';
import { presentUsers } from '../../../src/lib/collab/presence';

const giulia = { id: 'p-giulia', name: 'Giulia Ferraris', color: '#0066cc' };
const marco = { id: 'p-marco', name: 'Marco Colombo', color: '#00734d' };
const anna = { id: 'p-anna', name: 'Anna Bianchi', color: '#b32d43' };

describe('presentUsers', () => {
	it('lists the local person first, then the others by name', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, { user: marco }],
			[2, { user: giulia }],
			[3, { user: anna }]
		]);
		const users = presentUsers(states, 1);
		expect(users.map((user) => user.name)).toEqual([
			'Marco Colombo',
			'Anna Bianchi',
			'Giulia Ferraris'
		]);
		expect(users[0].isSelf).toBe(true);
		expect(users.slice(1).every((user) => !user.isSelf)).toBe(true);
	});

	it('shows a person with two open tabs once', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, { user: giulia }],
			[2, { user: giulia }],
			[3, { user: marco }]
		]);
		expect(presentUsers(states, 3)).toHaveLength(2);
	});

	it('skips malformed states sent by other clients', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, { user: giulia }],
			[2, {}],
			[3, { user: { name: 'No id', color: '#000000' } }],
			[4, { user: 'not an object' }],
			[5, { user: { id: 7, name: 'Bad id', color: '#000000' } }]
		]);
		expect(presentUsers(states, 1).map((user) => user.id)).toEqual(['p-giulia']);
	});

	it('shortens absurdly long names', () => {
		const states = new Map<number, Record<string, unknown>>([
			[1, { user: { ...giulia, name: 'x'.repeat(10_000) } }]
		]);
		expect(presentUsers(states, 1)[0].name).toHaveLength(120);
	});
});
