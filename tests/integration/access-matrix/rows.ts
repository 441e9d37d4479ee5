import { join, relative } from 'node:path';
import type { Action } from '../../../src/lib/server/access/actions';
import type { Side } from './world';

/**
 * One row per route (route id without groups and matchers). `access` is what a person needs
 * to read it: anyone, any signed-in person, or an action of the policy in the route's project.
 * A route added without a row here fails routes.test.ts.
 */
export interface Row {
	path(side: Side): string;
	access: 'public' | 'signed-in' | Action;
	/** Why the row differs from the rule, when it does. */
	note?: string;
	/** Statuses that replace the rule's for these askers (e.g. `/login` sends signed-in people on). */
	anonymous?: number[];
	signedIn?: number[];
	/** What a permitted member gets, when not 200. */
	permitted?: number[];
}

/** Where the routes are, read at test time: a route added later is found too. */
export const ROUTES = join(process.cwd(), 'src/routes');

/** A route folder's id as in ROWS: groups dropped, `[projectId=uuid]` written `[projectId]`. */
export function routeIdOf(folder: string): string {
	const parts = relative(ROUTES, folder)
		.split('/')
		.filter((part) => part && !/^\(.*\)$/.test(part))
		.map((part) => part.replace(/=\w+\]/, ']'));
	return '/' + parts.join('/');
}

const governance = (s: Side) => `/projects/${s.governanceProjectId}/governance`;
const proposal = (s: Side) => `/projects/${s.proposalProjectId}/proposals/${s.proposalId}`;
const unknownDecision = '00000000-0000-4000-8000-000000000000';

export const ROWS: Record<string, Row> = {
	'/': { path: () => '/', access: 'public', signedIn: [303], note: 'signed in: to /projects' },
	'/login': { path: () => '/login', access: 'public', signedIn: [303] },
	'/logout': { path: () => '/logout', access: 'public', anonymous: [303] },
	'/account': { path: () => '/account', access: 'signed-in' },
	'/api/session': { path: () => '/api/session', access: 'signed-in' },
	'/invite/[token]': { path: () => '/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', access: 'public' },
	'/legal/[page]': { path: () => '/legal/privacy', access: 'public' },
	'/locale': { path: () => '/locale', access: 'public', note: 'POST only' },
	'/projects': { path: () => '/projects', access: 'signed-in' },
	'/projects/[projectId]': {
		path: (s) => `/projects/${s.proposalProjectId}`,
		access: 'project.read'
	},
	'/projects/[projectId]/members': {
		path: (s) => `/projects/${s.proposalProjectId}/members`,
		access: 'member.read'
	},
	'/projects/[projectId]/calls': {
		path: (s) => `/projects/${s.proposalProjectId}/calls`,
		access: 'proposal.read'
	},
	'/projects/[projectId]/calls/[callId]': {
		path: (s) => `/projects/${s.proposalProjectId}/calls/${s.callId}`,
		access: 'proposal.read'
	},
	'/projects/[projectId]/calls/templates': {
		path: (s) => `/projects/${s.proposalProjectId}/calls/templates`,
		access: 'proposal.read'
	},
	'/projects/[projectId]/governance': { path: governance, access: 'governance.read' },
	'/projects/[projectId]/governance/action-items': {
		path: (s) => `${governance(s)}/action-items`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/bodies/[bodyId]': {
		path: (s) => `${governance(s)}/bodies/${s.bodyId}`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/bodies/[bodyId]/calendar.ics': {
		path: (s) => `${governance(s)}/bodies/${s.bodyId}/calendar.ics`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/decisions': {
		path: (s) => `${governance(s)}/decisions`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/decisions/[decisionId]': {
		path: (s) => `${governance(s)}/decisions/${unknownDecision}`,
		access: 'governance.read',
		note: 'no decision in the fixture: every scope is an unknown id'
	},
	'/projects/[projectId]/governance/decisions/register.csv': {
		path: (s) => `${governance(s)}/decisions/register.csv`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/meetings/[meetingId]': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/meetings/[meetingId]/meeting.ics': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}/meeting.ics`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/meetings/[meetingId]/verbale/[format]': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}/verbale/odt`,
		access: 'governance.read'
	},
	'/projects/[projectId]/proposals/[proposalId]': { path: proposal, access: 'proposal.read' },
	'/projects/[projectId]/proposals/[proposalId]/history': {
		path: (s) => `${proposal(s)}/history`,
		access: 'proposal.read'
	},
	'/projects/[projectId]/proposals/[proposalId]/print': {
		path: (s) => `${proposal(s)}/print`,
		access: 'proposal.read'
	},
	'/projects/[projectId]/proposals/[proposalId]/export/[format]': {
		path: (s) => `${proposal(s)}/export/docx`,
		access: 'proposal.export',
		permitted: [200, 400],
		note: 'the fixture proposal has empty sections, which an export may refuse as invalid'
	},
	'/projects/[projectId]/proposals/[proposalId]/export/jobs/[jobId]': {
		path: (s) => `${proposal(s)}/export/jobs/${unknownDecision}`,
		access: 'proposal.export',
		note: 'jobs are per process and short-lived: every scope is an unknown id'
	}
};
