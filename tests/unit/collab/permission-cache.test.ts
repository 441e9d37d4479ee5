import { describe, expect, it } from 'vitest';
import { createPermissionCache } from '../../../server/collab/permission-cache';
import type { DocumentPermission } from '../../../src/lib/server/live-kinds';

/** A policy that counts how often it is asked and answers what the test says. */
function policy(answer: DocumentPermission = 'write') {
	const asked = { count: 0 };
	return { asked, decide: () => (asked.count++, Promise.resolve(answer)) };
}

describe('permission cache', () => {
	it('asks the policy once for a burst of connections of one person to one document', async () => {
		const cache = createPermissionCache();
		const { asked, decide } = policy();
		const answers = await Promise.all(
			Array.from({ length: 5 }, () => cache.get('p1', 'notes:a', decide))
		);
		expect(answers).toEqual(Array(5).fill('write'));
		expect(asked.count).toBe(1);
		await cache.get('p2', 'notes:a', decide);
		await cache.get('p1', 'notes:b', decide);
		expect(asked.count).toBe(3);
	});

	it('asks again once the answer is a few seconds old', async () => {
		let now = 0;
		const cache = createPermissionCache(() => now);
		const { asked, decide } = policy();
		await cache.get('p1', 'notes:a', decide);
		now = 4_999;
		await cache.get('p1', 'notes:a', decide);
		expect(asked.count).toBe(1);
		now = 5_000;
		await cache.get('p1', 'notes:a', decide);
		expect(asked.count).toBe(2);
	});

	it("forgets a person's answers on their invalidation, a document's on its own", async () => {
		const cache = createPermissionCache();
		const { asked, decide } = policy();
		await cache.get('p1', 'notes:a', decide);
		await cache.get('p2', 'notes:a', decide);
		await cache.get('p2', 'notes:b', decide);
		cache.invalidate({ personId: 'p1', projectId: 'x' });
		await cache.get('p1', 'notes:a', decide);
		await cache.get('p2', 'notes:a', decide);
		expect(asked.count).toBe(4);
		cache.invalidate({ documentName: 'notes:a' });
		await cache.get('p1', 'notes:a', decide);
		await cache.get('p2', 'notes:a', decide);
		await cache.get('p2', 'notes:b', decide);
		expect(asked.count).toBe(6);
	});

	it('does not reuse a question that was in flight when access changed', async () => {
		const cache = createPermissionCache();
		let answer!: (permission: DocumentPermission) => void;
		const before = cache.get('p1', 'notes:a', () => new Promise((resolve) => (answer = resolve)));
		cache.invalidate({ personId: 'p1' });
		const after = cache.get('p1', 'notes:a', () => Promise.resolve('none'));
		answer('write');
		expect(await before).toBe('write');
		expect(await after).toBe('none');
	});

	it('does not remember a failed decision', async () => {
		const cache = createPermissionCache();
		await expect(
			cache.get('p1', 'notes:a', () => Promise.reject(new Error('db down')))
		).rejects.toThrow('db down');
		expect(await cache.get('p1', 'notes:a', () => Promise.resolve('read'))).toBe('read');
	});
});
