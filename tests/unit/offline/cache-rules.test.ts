import { describe, expect, it } from 'vitest';
import {
	endsTheSession,
	keptForOffline,
	pageOfKeptData
} from '../../../src/lib/offline/cache-rules';

const project = '/projects/6232f765-c1da-54b3-a2d8-bef8a6b240b0';
const id = 'b2e9f0e3-d417-4c1e-9a55-0f5d2b7c9e11';

describe('the pages the service worker keeps for offline use', () => {
	it('keeps the canvas, a meeting and the lists leading to them, as pages and as data', () => {
		for (const path of [
			'/projects',
			project,
			`${project}/proposals`,
			`${project}/proposals/${id}`,
			`${project}/proposals/${id}/__data.json`,
			`${project}/governance/meetings`,
			`${project}/governance/meetings/${id}/`
		]) {
			expect(keptForOffline(path), path).toBe(true);
		}
	});

	it('names the page behind kept data, so a page reached inside the app is kept as a page', () => {
		expect(pageOfKeptData(`${project}/governance/meetings/${id}/__data.json`)).toBe(
			`${project}/governance/meetings/${id}`
		);
		expect(pageOfKeptData(`${project}/proposals/${id}/__data.json`)).toBe(
			`${project}/proposals/${id}`
		);
		expect(pageOfKeptData(`${project}/proposals/${id}`)).toBeNull(); // a page, not data
		expect(pageOfKeptData(`${project}/cases/${id}/__data.json`)).toBeNull(); // never kept
	});

	it('never keeps cases, labs, accounts, API, collab, exports, sign-in or other pages', () => {
		for (const path of [
			'/',
			'/login',
			'/logout',
			'/account',
			'/notifications',
			'/search',
			'/api/mentions',
			`/collab/section:${id}`,
			`${project}/cases`,
			`${project}/cases/${id}`,
			`${project}/labs/${id}`,
			`${project}/proposals/${id}/history`,
			`${project}/proposals/${id}/print`,
			`${project}/proposals/${id}/export.docx`,
			`${project}/governance/decisions`,
			`${project}/proposals/not-a-uuid`
		]) {
			expect(keptForOffline(path), path).toBe(false);
		}
	});

	it('drops the kept pages when someone signs out or signs in', () => {
		expect(endsTheSession('POST', '/logout')).toBe(true);
		expect(endsTheSession('GET', '/logout')).toBe(false);
		expect(endsTheSession('POST', '/login')).toBe(true);
		expect(endsTheSession('GET', '/login/oidc/callback')).toBe(true);
		expect(endsTheSession('POST', `${project}/proposals/${id}`)).toBe(false);
		expect(endsTheSession('GET', '/loginx')).toBe(false);
	});
});
