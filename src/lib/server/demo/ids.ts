import { createHash } from 'node:crypto';
import type { ProjectRole } from '../db/schema';
import { DEMO_DISTRICTS, type DemoDistrictKey } from './data/territories';
import { DEMO_ORGANISATIONS, type DemoOrganisationKey } from './data/organisations';
import { DEMO_PEOPLE, type DemoPersonKey } from './data/people';
import { DEMO_PROJECTS, type DemoProjectKey } from './data/projects';

// Any fixed UUID: demo ids are name-based (UUID v5) under it, so they are the same everywhere.
const NAMESPACE = Buffer.from('6f3b1c52e0a94d7e8f1a2b3c4d5e6f70', 'hex');

/**
 * A stable UUID for a demo object, so other demo steps (proposals, governance) and tests can
 * refer to "the demo project" or "the coordinator" without looking them up by name.
 */
export function demoUuid(name: string): string {
	const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function idsByKey<K extends string>(kind: string, rows: readonly { key: K }[]): Record<K, string> {
	return Object.fromEntries(rows.map((row) => [row.key, demoUuid(`${kind}:${row.key}`)])) as Record<
		K,
		string
	>;
}

export const DEMO_PROGRAMME_ID = demoUuid('programme:citta-metropolitana-milano');
export const DEMO_PROJECT_IDS: Record<DemoProjectKey, string> = idsByKey('project', DEMO_PROJECTS);
/** The main demo project, WORK IN PROGRESS. */
export const DEMO_PROJECT_ID = DEMO_PROJECT_IDS.workInProgress;
export const DEMO_ORGANISATION_IDS: Record<DemoOrganisationKey, string> = idsByKey(
	'organisation',
	DEMO_ORGANISATIONS
);
export const DEMO_DISTRICT_IDS: Record<DemoDistrictKey, string> = idsByKey(
	'district',
	DEMO_DISTRICTS
);
export const DEMO_PERSON_IDS: Record<DemoPersonKey, string> = idsByKey('person', DEMO_PEOPLE);

/** In WORK IN PROGRESS: the first demo person holding each role. */
export const DEMO_PERSON_BY_ROLE = Object.fromEntries(
	DEMO_PEOPLE.flatMap((p) =>
		p.memberships
			.filter((m) => m.project === 'workInProgress')
			.map((m) => [m.role, DEMO_PERSON_IDS[p.key]] as const)
	).reverse() // reversed: the first holder of a role wins
) as Record<ProjectRole, string>;
