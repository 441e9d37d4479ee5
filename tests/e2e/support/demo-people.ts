import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../../src/lib/server/demo/data/people';

/** The seeded demo people (SEED_DEMO=true on the e2e server), by their key in the seed. */
export type DemoPersonKey = (typeof DEMO_PEOPLE)[number]['key'];

export interface DemoPerson {
	name: string;
	email: string;
	password: string;
}

export function demoPerson(key: DemoPersonKey): DemoPerson {
	const found = DEMO_PEOPLE.find((person) => person.key === key);
	if (!found) throw new Error(`No demo person ${key}`);
	return { name: found.name, email: found.email, password: DEMO_PASSWORD };
}

/** The demo project every role takes part in. */
export const DEMO_PROJECT_ACRONYM = 'WORK IN PROGRESS';
