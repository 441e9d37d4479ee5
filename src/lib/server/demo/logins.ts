import type { ProjectRole } from '../db/schema';
import { DEMO_ORGANISATIONS } from './data/organisations';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './data/people';
import { DEMO_PROJECTS } from './data/projects';

export interface DemoLogin {
	email: string;
	/** The person's role: in WORK IN PROGRESS when they have one there, else their first. */
	role: ProjectRole | 'admin';
	name: string;
	organisation: string | null;
	projects: string[];
}

const organisationName = (key: string | null) => {
	const found = DEMO_ORGANISATIONS.find((o) => o.key === key);
	return found ? ('shortName' in found ? found.shortName : found.name) : null;
};
const projectTitle = (key: string) => DEMO_PROJECTS.find((p) => p.key === key)?.acronym ?? key;

/** What the server prints at start and README/docs list: who to sign in as. */
export const DEMO_LOGINS: { password: string; people: DemoLogin[] } = {
	password: DEMO_PASSWORD,
	people: DEMO_PEOPLE.map((p) => {
		const first = p.memberships.at(0);
		return {
			email: p.email,
			role: first?.role ?? 'admin',
			name: p.name,
			organisation: organisationName(first?.organisation ?? null),
			projects: p.memberships.map((m) => projectTitle(m.project))
		};
	})
};
