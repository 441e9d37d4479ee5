import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db/client';
import type { Grant } from '../../../src/lib/server/access/policy';
import { memoisedGrant, withGrantMemo } from '../../../src/lib/server/access/grant-memo';

/** Two stand-ins for database handles: the memo only compares them, it never queries them. */
const db = {} as Db;
const transaction = {} as Db;
const grant: Grant = { role: 'coordinator', organisationId: null, personId: 'p' };

function counted(answer: () => Promise<Grant | null> = async () => grant) {
	let looks = 0;
	return {
		look: () => {
			looks++;
			return answer();
		},
		get looks() {
			return looks;
		}
	};
}

describe('a reading request looks up each grant once', () => {
	it('answers the same person and project from the memo', async () => {
		const lookUp = counted();
		await withGrantMemo(db, async () => {
			await Promise.all([
				memoisedGrant(db, 'p', 'project', lookUp.look),
				memoisedGrant(db, 'p', 'project', lookUp.look)
			]);
			expect(await memoisedGrant(db, 'p', 'project', lookUp.look)).toBe(grant);
		});
		expect(lookUp.looks).toBe(1);
	});

	it('looks up another project, another person, again', async () => {
		const lookUp = counted();
		await withGrantMemo(db, async () => {
			await memoisedGrant(db, 'p', 'one', lookUp.look);
			await memoisedGrant(db, 'p', 'two', lookUp.look);
			await memoisedGrant(db, 'q', 'one', lookUp.look);
		});
		expect(lookUp.looks).toBe(3);
	});

	it('never answers a transaction from the memo, nor work outside a request', async () => {
		const lookUp = counted();
		await withGrantMemo(db, async () => {
			await memoisedGrant(db, 'p', 'project', lookUp.look);
			await memoisedGrant(transaction, 'p', 'project', lookUp.look);
			await memoisedGrant(transaction, 'p', 'project', lookUp.look);
		});
		await memoisedGrant(db, 'p', 'project', lookUp.look);
		await memoisedGrant(db, 'p', 'project', lookUp.look);
		expect(lookUp.looks).toBe(5);
	});

	it('does not keep a failed look-up', async () => {
		let fail = true;
		const lookUp = counted(async () => {
			if (fail) throw new Error('connection lost');
			return grant;
		});
		await withGrantMemo(db, async () => {
			await expect(memoisedGrant(db, 'p', 'project', lookUp.look)).rejects.toThrow();
			fail = false;
			expect(await memoisedGrant(db, 'p', 'project', lookUp.look)).toBe(grant);
		});
		expect(lookUp.looks).toBe(2);
	});

	it('keeps two requests apart', async () => {
		const lookUp = counted();
		await Promise.all([
			withGrantMemo(db, () => memoisedGrant(db, 'p', 'project', lookUp.look)),
			withGrantMemo(db, () => memoisedGrant(db, 'p', 'project', lookUp.look))
		]);
		expect(lookUp.looks).toBe(2);
	});
});
