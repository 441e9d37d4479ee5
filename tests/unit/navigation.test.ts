import { describe, expect, it } from 'vitest';
import { PROJECT_AREAS, currentArea } from '../../src/lib/navigation';

const projectId = '6232f765-c1da-54b3-a2d8-bef8a6b240b0';
const at = (path: string) => currentArea(PROJECT_AREAS, projectId, path)?.key;

describe('currentArea', () => {
	it('marks Home only on the project home itself', () => {
		expect(at(`/projects/${projectId}`)).toBe('home');
		expect(at(`/projects/${projectId}/`)).toBe('home');
	});

	it('marks the area of a sub-page, not Home', () => {
		expect(at(`/projects/${projectId}/members`)).toBe('members');
		expect(at(`/projects/${projectId}/governance/meetings/abc`)).toBe('governance');
	});

	it('counts paths an area declares as its own', () => {
		expect(at(`/projects/${projectId}/proposals/9a1b`)).toBe('proposals');
		expect(at(`/projects/${projectId}/calls`)).toBe('proposals');
	});

	it('does not match a longer word sharing a prefix', () => {
		expect(at(`/projects/${projectId}/membersx`)).toBe('home');
	});

	it('matches nothing outside the project', () => {
		expect(at('/projects')).toBeUndefined();
		expect(at(`/projects/another-id/members`)).toBeUndefined();
	});

	it('gives every area a unique key', () => {
		const keys = PROJECT_AREAS.map((area) => area.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
