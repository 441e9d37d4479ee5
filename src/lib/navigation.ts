import type { Action } from '$lib/server/access/actions';
import { m } from '$lib/paraglide/messages';

/**
 * The areas of a project, in the order the navigation shows them. Each feature adds its own
 * entry here (proposals, governance, network, cases, labs, monitoring…); the project layout shows
 * an entry only when the signed-in person may do `requires` in the project.
 * Only the Action *type* comes from the server folder (erased at build), so this module stays
 * browser-safe.
 */
export interface ProjectArea {
	key: string;
	href: (projectId: string) => string;
	label: () => string;
	requires: Action;
	/** Other paths under the project that belong to this area (e.g. 'proposals' for calls). */
	alsoUnder?: readonly string[];
}

export const PROJECT_AREAS: readonly ProjectArea[] = [
	{
		key: 'home',
		href: (projectId) => `/projects/${projectId}`,
		label: () => m.nav_home(),
		requires: 'project.read'
	},
	{
		key: 'members',
		href: (projectId) => `/projects/${projectId}/members`,
		label: () => m.nav_members(),
		requires: 'member.read'
	},
	{
		key: 'proposals',
		href: (projectId) => `/projects/${projectId}/calls`,
		label: () => m.nav_proposals(),
		requires: 'proposal.read',
		alsoUnder: ['proposals']
	},
	{
		key: 'governance',
		href: (projectId) => `/projects/${projectId}/governance`,
		label: () => m.nav_governance(),
		requires: 'governance.read'
	},
	{
		key: 'partnership',
		href: (projectId) => `/projects/${projectId}/partnership`,
		label: () => m.nav_partnership(),
		requires: 'network.read'
	},
	{
		key: 'network',
		href: (projectId) => `/projects/${projectId}/network`,
		label: () => m.nav_network(),
		requires: 'network.read'
	},
	{
		key: 'cases',
		href: (projectId) => `/projects/${projectId}/cases`,
		label: () => m.nav_cases(),
		requires: 'case.read_pseudonymous'
	},
	{
		key: 'labs',
		href: (projectId) => `/projects/${projectId}/labs`,
		label: () => m.labs_nav(),
		requires: 'lab.read'
	},
	{
		key: 'practices',
		href: (projectId) => `/projects/${projectId}/practices`,
		label: () => m.labs_practices_nav(),
		requires: 'lab.read'
	},
	{
		key: 'monitoring',
		href: (projectId) => `/projects/${projectId}/monitoring`,
		label: () => m.nav_monitoring(),
		requires: 'monitoring.read'
	},
	{
		key: 'activity',
		href: (projectId) => `/projects/${projectId}/activity`,
		label: () => m.nav_activity(),
		requires: 'project.read'
	}
];

/** The area a path belongs to: the longest matching prefix, so Home does not swallow sub-pages. */
export function currentArea(
	areas: readonly ProjectArea[],
	projectId: string,
	pathname: string
): ProjectArea | undefined {
	const path = pathname.replace(/\/+$/, '');
	const within = (prefix: string) => path === prefix || path.startsWith(prefix + '/');
	let best: { area: ProjectArea; length: number } | undefined;
	for (const area of areas) {
		const prefixes = [
			area.href(projectId),
			...(area.alsoUnder ?? []).map((segment) => `/projects/${projectId}/${segment}`)
		];
		for (const prefix of prefixes) {
			if (within(prefix) && prefix.length > (best?.length ?? -1)) {
				best = { area, length: prefix.length };
			}
		}
	}
	return best?.area;
}
