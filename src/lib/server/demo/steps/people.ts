import type { Db } from '../../db/client';
import { person } from '../../db/schema';
import { DEMO_PEOPLE } from '../data/people';
import { DEMO_PERSON_IDS } from '../ids';
import type { SeedContext } from '../step';

export async function seedPeople(db: Db, seed: SeedContext): Promise<void> {
	const passwordHash = await seed.passwordHash();
	await db.insert(person).values(
		DEMO_PEOPLE.map((p) => ({
			id: DEMO_PERSON_IDS[p.key],
			name: p.name,
			email: p.email,
			isAdmin: 'isAdmin' in p ? p.isAdmin : false,
			passwordHash
		}))
	);
}
