import type { Db } from '../../db/client';
import { membership, partnership } from '../../db/schema';
import { DEMO_PARTNERSHIPS } from '../data/partnerships';
import { DEMO_PEOPLE } from '../data/people';
import { DEMO_ORGANISATION_IDS, DEMO_PERSON_IDS, DEMO_PROJECT_IDS } from '../ids';

/** Which organisation does what in which project (001 §10a–b, 004). */
export async function seedPartnerships(db: Db): Promise<void> {
	await db.insert(partnership).values(
		DEMO_PARTNERSHIPS.map((p) => ({
			projectId: DEMO_PROJECT_IDS[p.project],
			organisationId: DEMO_ORGANISATION_IDS[p.organisation],
			role: p.role,
			description: p.description,
			areas: [...(p.areas ?? [])],
			targets: [...(p.targets ?? [])]
		}))
	);
}

/** Person × organisation × project × role, for every demo person. */
export async function seedMemberships(db: Db): Promise<void> {
	await db.insert(membership).values(
		DEMO_PEOPLE.flatMap((p) =>
			p.memberships.map((m) => ({
				projectId: DEMO_PROJECT_IDS[m.project],
				personId: DEMO_PERSON_IDS[p.key],
				organisationId: m.organisation ? DEMO_ORGANISATION_IDS[m.organisation] : null,
				role: m.role
			}))
		)
	);
}
