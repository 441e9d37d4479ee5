import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseRecord } from '../db/schema';

// Crockford's alphabet: no I, L, O, U, so a pseudonym read aloud in a lab is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A random code such as `K7M-3QX`: nothing in it (no date, no counter, no initials) points back
 * to the person, and 32⁶ codes make a collision in one project rare; it is retried when it happens.
 */
export function randomPseudonym(): string {
	const chars = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]);
	return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

export async function freshPseudonym(db: Db, projectId: string): Promise<string> {
	for (;;) {
		const candidate = randomPseudonym();
		const [taken] = await db
			.select({ id: caseRecord.id })
			.from(caseRecord)
			.where(and(eq(caseRecord.projectId, projectId), eq(caseRecord.pseudonym, candidate)));
		if (!taken) return candidate;
	}
}
