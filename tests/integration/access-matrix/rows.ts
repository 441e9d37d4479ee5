import { join, relative } from 'node:path';
import type { Action } from '../../../src/lib/server/access/actions';
import type { ProjectRole } from '../../../src/lib/server/db/schema';
import { CASE_IDENTITY, EVERYONE, type Side, type Who } from './world';

/**
 * Where the ids of a route come from: the own projects, another project nobody asking belongs
 * to, ids that exist nowhere, own projects with unknown nested ids, and the own project with a
 * case record of another organisation than the case operator's.
 */
export type Scope = 'own' | 'other' | 'unknown' | 'missing' | 'foreignCase';
export const SCOPES: readonly Scope[] = ['own', 'other', 'unknown', 'missing', 'foreignCase'];

/** One status per asker: a literal row of the matrix. */
export type Statuses = Record<Who, number>;

/** Everyone gets `status`, except the askers named. */
export function statuses(status: number, except: Partial<Statuses> = {}): Statuses {
	return Object.fromEntries(EVERYONE.map((who) => [who, except[who] ?? status])) as Statuses;
}

/** A form as posted: repeated fields as arrays. */
export type Form = Record<string, string | string[]>;

/**
 * A form action's row: a valid form (so that access, not validation, decides the answer) and
 * the literal status of every asker. Either `everyone` (pages outside projects) or `granted`:
 * the roles named get their status, every other member 403, the stranger and the admin 404, the
 * anonymous 401 — on the own project; on another or an unknown project, 401 and 404.
 */
export interface ActionForm {
	/** The form `asker` posts (distinct per asker where a throttle counts per account). */
	form: (side: Side, asker: Who) => Form;
	everyone?: Statuses;
	granted?: Partial<Record<ProjectRole, number>>;
}

/** The same status for every asker (actions outside projects: the asker's own things). */
export const everyone = (
	form: ActionForm['form'],
	status: number,
	except: Partial<Statuses> = {}
) => ({
	form,
	everyone: statuses(status, except)
});

/** Only the roles named succeed (with their literal status); see ActionForm. */
export const granted = (
	form: ActionForm['form'],
	roles: Partial<Record<ProjectRole, number>>
): ActionForm => ({ form, granted: roles });

/** Every role of the project gets `status`: actions any member may do. */
export const EVERY_ROLE = (status: number): Record<ProjectRole, number> => ({
	coordinator: status,
	partner_editor: status,
	facilitator: status,
	steering_member: status,
	case_operator: status,
	observer: status
});

/** What `asker` must get from `form` posted on `scope`. */
export function expectedStatus(form: ActionForm, scope: Scope, asker: Who): number {
	if (form.everyone) return form.everyone[asker];
	if (asker === 'anonymous') return 401;
	if (asker === 'stranger' || asker === 'admin' || scope !== 'own') return 404;
	return form.granted?.[asker] ?? 403;
}

/**
 * The refusal `asker` gets before the form is even read, or null when the action is theirs
 * (then an empty form is a validation error, which says nothing about access).
 */
export function refusal(form: ActionForm, scope: Scope, asker: Who): number | null {
	if (form.everyone) {
		const signedInOnly = EVERYONE.some((who) => form.everyone![who] !== 401);
		return asker === 'anonymous' && form.everyone.anonymous === 401 && signedInOnly ? 401 : null;
	}
	if (scope === 'own' && asker in (form.granted ?? {})) return null;
	return expectedStatus(form, scope, asker);
}

/**
 * One row per route (route id without groups and matchers). `access` is what a person needs
 * to read it: anyone, any signed-in person, or an action of the policy in the route's project.
 * A route added without a row here fails routes.test.ts; a form action not named in `actions`
 * fails actions.test.ts.
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
	/** The page's form actions (`default` for the unnamed one), each one a row of its own. */
	actions?: readonly string[];
	/**
	 * The statuses written out per scope and asker, instead of derived from `access`: required
	 * for the case routes, where the record's organisation decides, not the role alone.
	 */
	explicit?: Record<Scope, Statuses>;
	/** For form actions posted empty, when `explicit` is given: the statuses per scope and asker. */
	explicitActions?: Record<Scope, Statuses>;
	/** A valid form for those actions, so that access, not validation, decides the answer. */
	actionBody?: Record<string, string>;
	/** One valid form and the literal statuses per action, unless `explicitActions` says them. */
	forms?: Record<string, ActionForm>;
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
const cases = (s: Side) => `/projects/${s.governanceProjectId}/cases`;
const labs = (s: Side) => `/projects/${s.governanceProjectId}/labs`;
/** Nobody outside the project learns anything; anonymous page visits go to sign in. */
const nowhere = {
	page: statuses(404, { anonymous: 303 }),
	action: statuses(404, { anonymous: 401 })
};
const outsiders = { anonymous: 303, stranger: 404, admin: 404 };
const outsidersPosting = { anonymous: 401, stranger: 404, admin: 404 };

/**
 * For the operators of the record's organisation only (identity, GDPR tools). An endpoint tells
 * the anonymous 401 before looking anything up; a page sends them to sign in.
 */
const identityOnly = (endpoint = false): Record<Scope, Statuses> => {
	const anonymous = endpoint ? 401 : 303;
	const away = statuses(404, { anonymous });
	return {
		own: statuses(403, { ...outsiders, anonymous, case_operator: 200 }),
		foreignCase: statuses(403, { ...outsiders, anonymous }),
		other: away,
		unknown: away,
		missing: away
	};
};

/** Platform pages (admin.*): the admin gets `admin`, other signed-in people 403, nobody 303. */
const adminEverywhere = (admin: number) =>
	Object.fromEntries(
		SCOPES.map((scope) => [scope, statuses(403, { anonymous: 303, admin })])
	) as Record<Scope, Statuses>;
/** The same on a project of the URL: an unknown project is 404 for the admin alone. */
const adminByScope = (admin: number, anonymous: number) =>
	Object.fromEntries(
		SCOPES.map((scope) => [
			scope,
			statuses(403, { anonymous, admin: scope === 'unknown' ? 404 : admin })
		])
	) as Record<Scope, Statuses>;
/** A platform form action: the admin gets `admin`, others 403, nobody 401. */
const adminForm = (form: ActionForm['form'], admin: number) =>
	everyone(form, 403, { anonymous: 401, admin });

export const ROWS: Record<string, Row> = {
	'/': { path: () => '/', access: 'public', signedIn: [303], note: 'signed in: to /projects' },
	'/login': {
		path: () => '/login',
		access: 'public',
		signedIn: [303],
		actions: ['default'],
		forms: {
			// A wrong password: 401 whoever asks (one e-mail per asker, under the sign-in throttle).
			default: everyone(
				(_, who) => ({ email: `nessuno.${who}@example.org`, password: 'sbagliata' }),
				401
			)
		}
	},
	'/login/forgot': {
		path: () => '/login/forgot',
		access: 'public',
		signedIn: [303],
		note: 'forgot password: open to all, signed-in people go to /account; one answer for every address (tests/integration/auth/forgot-password)',
		actions: ['default'],
		forms: {
			// The same 200 whoever asks and whether or not the address has an account.
			default: everyone((_, who) => ({ email: `nessuno.${who}@example.org` }), 200)
		}
	},
	'/login/oidc': {
		path: () => '/login/oidc',
		access: 'public',
		anonymous: [404],
		signedIn: [404],
		note: 'the matrix runs without OIDC_ISSUER: no gateway, no route (tests/integration/auth/oidc-http)'
	},
	'/login/oidc/callback': {
		path: () => '/login/oidc/callback',
		access: 'public',
		anonymous: [303],
		signedIn: [303],
		note: 'always sends back to /login (with the reason) or on to the app'
	},
	'/logout': {
		path: () => '/logout',
		access: 'public',
		anonymous: [303],
		actions: ['default'],
		forms: { default: everyone(() => ({}), 303) }
	},
	'/account': {
		path: () => '/account',
		access: 'signed-in',
		actions: ['password'],
		forms: {
			password: everyone(
				() => ({
					currentPassword: 'sbagliata',
					newPassword: 'una-password-lunga',
					confirmPassword: 'una-password-lunga'
				}),
				400,
				{ anonymous: 401 }
			)
		}
	},
	'/account/notifications': {
		path: () => '/account/notifications',
		access: 'signed-in',
		actions: ['save'],
		forms: { save: everyone(() => ({ mention: 'weekly' }), 200, { anonymous: 401 }) },
		note: "the asker's own mail choices only (tests/integration/notify/preferences)"
	},
	'/api/session': { path: () => '/api/session', access: 'signed-in' },
	'/api/mentions': {
		path: (s) => `/api/mentions?document=section:${s.sectionId}&q=`,
		access: 'proposal.read',
		note: 'only people who may read the document are offered (tests/integration/notify/mentions)'
	},
	'/invite/[token]': {
		path: () => '/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
		access: 'public',
		actions: ['accept', 'create'],
		forms: {
			accept: everyone(() => ({}), 404, { anonymous: 401 }),
			create: everyone(
				() => ({
					name: 'Nuova Persona',
					password: 'una-password-lunga',
					confirmPassword: 'una-password-lunga'
				}),
				404
			)
		}
	},
	'/legal/[page]': {
		path: () => '/legal/accessibility',
		access: 'public',
		actions: ['feedback'],
		forms: {
			// The door is open to all: a short description is refused as such (400), never as
			// 401/403. A valid report is rate-limited per address, so success is proved in
			// tests/integration/legal/feedback.test.ts rather than by every asker here.
			feedback: everyone(() => ({ email: 'lettore@example.org', description: 'corta' }), 400)
		},
		note: 'the AgID feedback form: anyone, rate-limited (tests/integration/legal)'
	},
	'/admin/accessibility-feedback': {
		path: () => '/admin/accessibility-feedback',
		access: 'signed-in',
		note: 'the admins alone read the accessibility reports',
		explicit: Object.fromEntries(
			SCOPES.map((scope) => [scope, statuses(404, { anonymous: 303, admin: 200 })])
		) as Record<Scope, Statuses>
	},
	'/admin': {
		path: () => '/admin',
		access: 'signed-in',
		note: 'platform actions (admin.*): the administrators alone, 403 for everyone else',
		explicit: adminEverywhere(200)
	},
	'/admin/projects/new': {
		path: () => '/admin/projects/new',
		access: 'signed-in',
		note: 'admin.project_create',
		explicit: adminEverywhere(200),
		actions: ['default'],
		forms: { default: adminForm(() => ({ title: 'Progetto della matrice' }), 303) }
	},
	'/admin/organisations/new': {
		path: () => '/admin/organisations/new',
		access: 'signed-in',
		note: 'admin.organisation_create',
		explicit: adminEverywhere(200),
		actions: ['default'],
		forms: {
			default: adminForm(() => ({ name: 'Associazione della matrice', kind: 'association' }), 303)
		}
	},
	'/admin/projects/[projectId]/coordinator': {
		path: (s) => `/admin/projects/${s.governanceProjectId}/coordinator`,
		access: 'signed-in',
		note: 'admin.coordinator_appoint on any project; an unknown project is 404 for the admin',
		explicit: adminByScope(200, 303),
		actions: ['default'],
		explicitActions: adminByScope(200, 401),
		actionBody: { personId: '', email: 'coordinatrice.matrice@example.test', organisationId: '' }
	},
	'/admin/accounts': {
		path: () => '/admin/accounts',
		access: 'signed-in',
		note: 'admin.account_manage, admin.admin_grant; an unknown person is 404 for the admin (tests/integration/admin)',
		explicit: adminEverywhere(200),
		actions: ['invite', 'deactivate', 'reactivate', 'reset', 'grantAdmin', 'revokeAdmin'],
		forms: {
			invite: adminForm(
				(s) => ({
					projectId: s.governanceProjectId,
					email: 'invitata.matrice@example.test',
					role: 'observer',
					organisationId: '',
					fiscalCode: ''
				}),
				200
			),
			deactivate: adminForm(() => ({ personId: unknownDecision }), 404),
			reactivate: adminForm(() => ({ personId: unknownDecision }), 404),
			reset: adminForm(() => ({ personId: unknownDecision }), 404),
			// admin.admin_grant (ADR 0205)
			grantAdmin: adminForm(() => ({ personId: unknownDecision }), 404),
			revokeAdmin: adminForm(() => ({ personId: unknownDecision }), 404)
		}
	},
	'/reset/[token]': {
		path: () => '/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
		access: 'public',
		note: 'a reset link: anyone holding it (an unknown one says so)',
		actions: ['default'],
		forms: {
			default: everyone(
				() => ({ password: 'una-password-lunga', confirmPassword: 'una-password-lunga' }),
				404
			)
		}
	},
	'/locale': { path: () => '/locale', access: 'public', note: 'POST only' },
	'/healthz': {
		path: () => '/healthz',
		access: 'public',
		note: 'liveness: reads and tells nothing (bench:http measures it as the ceiling)'
	},
	'/projects': { path: () => '/projects', access: 'signed-in' },
	'/notifications': {
		path: () => '/notifications',
		access: 'signed-in',
		actions: ['read', 'readAll'],
		forms: {
			read: everyone(() => ({ notificationId: unknownDecision }), 404, { anonymous: 401 }),
			readAll: everyone(() => ({}), 200, { anonymous: 401 })
		},
		note: "only the asker's own notifications, read or marked (tests/integration/notify/inbox)"
	},
	'/search': {
		path: () => '/search?q=tirocinio',
		access: 'signed-in',
		note: 'hits only from projects and kinds the policy lets the asker read (tests/integration/search)'
	},
	'/organisations': {
		path: () => '/organisations',
		access: 'signed-in',
		note: "lists the organisations of the asker's projects only (tests/integration/network)"
	},
	'/organisations/[organisationId]': {
		path: () => `/organisations/${unknownDecision}`,
		access: 'signed-in',
		note: 'an organisation nobody asking shares a project with: 404 for all (own card: tests/integration/network)',
		actions: ['update', 'contact', 'removeContact'],
		explicit: {
			own: statuses(404, { anonymous: 303 }),
			other: statuses(404, { anonymous: 303 }),
			unknown: statuses(404, { anonymous: 303 }),
			missing: statuses(404, { anonymous: 303 }),
			foreignCase: statuses(404, { anonymous: 303 })
		},
		actionBody: { name: 'Ente di prova', kind: 'comune', contactId: unknownDecision },
		explicitActions: {
			own: statuses(404, { anonymous: 401 }),
			other: statuses(404, { anonymous: 401 }),
			unknown: statuses(404, { anonymous: 401 }),
			missing: statuses(404, { anonymous: 401 }),
			foreignCase: statuses(404, { anonymous: 401 })
		}
	},
	'/projects/[projectId]': {
		path: (s) => `/projects/${s.proposalProjectId}`,
		access: 'project.read'
	},
	'/projects/[projectId]/activity': {
		path: (s) => `/projects/${s.proposalProjectId}/activity`,
		access: 'project.read',
		note: 'entries filtered per role: case events only to case roles (tests/integration/activity)'
	},
	'/projects/[projectId]/members': {
		path: (s) => `/projects/${s.proposalProjectId}/members`,
		access: 'member.read',
		actions: ['invite', 'role', 'remove', 'revoke'],
		forms: {
			invite: granted(() => ({ email: 'nuovo.invitato@example.org', role: 'observer' }), {
				coordinator: 200
			}),
			role: granted(() => ({ membershipId: unknownDecision, role: 'observer' }), {
				coordinator: 404
			}),
			remove: granted(() => ({ membershipId: unknownDecision }), { coordinator: 404 }),
			revoke: granted(() => ({ invitationId: unknownDecision }), { coordinator: 404 })
		}
	},
	'/projects/[projectId]/calls': {
		path: (s) => `/projects/${s.proposalProjectId}/calls`,
		access: 'proposal.read',
		actions: ['create'],
		forms: {
			create: granted(() => ({ title: 'Bando di prova', templateId: unknownDecision }), {
				coordinator: 404
			})
		}
	},
	'/projects/[projectId]/calls/[callId]': {
		path: (s) => `/projects/${s.proposalProjectId}/calls/${s.callId}`,
		access: 'proposal.read',
		actions: ['propose', 'official'],
		forms: {
			propose: granted(() => ({ title: 'Proposta di prova' }), { coordinator: 303 }),
			official: granted(
				() => ({
					awardingBody: 'Comune di Magenta',
					actNumber: '123',
					actDate: '2025-03-14',
					cup: 'J51B21004450006',
					cig: 'ZA12345678'
				}),
				{ coordinator: 200 }
			)
		}
	},
	'/projects/[projectId]/calls/templates': {
		path: (s) => `/projects/${s.proposalProjectId}/calls/templates`,
		access: 'proposal.read',
		actions: ['import'],
		forms: { import: granted(() => ({ definition: '{}' }), { coordinator: 400 }) }
	},
	'/projects/[projectId]/network': {
		path: (s) => `/projects/${s.governanceProjectId}/network`,
		access: 'network.read'
	},
	'/projects/[projectId]/network/import': {
		path: (s) => `/projects/${s.governanceProjectId}/network/import`,
		access: 'network.read',
		actions: ['preview', 'confirm'],
		forms: {
			preview: granted(() => ({ kind: 'organisations' }), { coordinator: 400 }),
			confirm: granted(() => ({ importId: unknownDecision }), { coordinator: 404 })
		}
	},
	'/projects/[projectId]/network/actors.json': {
		path: (s) => `/projects/${s.governanceProjectId}/network/actors.json`,
		access: 'network.read'
	},
	'/projects/[projectId]/network/organisations.csv': {
		path: (s) => `/projects/${s.governanceProjectId}/network/organisations.csv`,
		access: 'network.read'
	},
	'/projects/[projectId]/network/relations.csv': {
		path: (s) => `/projects/${s.governanceProjectId}/network/relations.csv`,
		access: 'network.read'
	},
	'/projects/[projectId]/partnership': {
		path: (s) => `/projects/${s.governanceProjectId}/partnership`,
		access: 'network.read',
		actions: ['agreement', 'partner', 'removePartner', 'term', 'removeTerm'],
		forms: {
			agreement: granted(() => ({ form: 'ats', act: 'Delibera n. 12' }), { coordinator: 200 }),
			partner: granted(() => ({ organisationId: unknownDecision, role: 'operating_partner' }), {
				coordinator: 404
			}),
			removePartner: granted(() => ({ organisationId: unknownDecision }), { coordinator: 404 }),
			term: granted(() => ({ list: 'area', label: 'Inclusione lavorativa' }), { coordinator: 200 }),
			removeTerm: granted(() => ({ list: 'area', key: 'inclusione_lavorativa' }), {
				coordinator: 200
			})
		}
	},
	'/projects/[projectId]/partnership/budget': {
		path: (s) => `/projects/${s.governanceProjectId}/partnership/budget`,
		access: 'network.read',
		actions: ['budget', 'cofinancing', 'override', 'removeOverride'],
		forms: {
			// The world has no population data: the band is refused as a field once access is granted.
			budget: granted(() => ({ publicCents: '10000', band: '15-29@2024-01-01' }), {
				coordinator: 400
			}),
			cofinancing: granted(() => ({ organisationId: unknownDecision, cents: '100' }), {
				coordinator: 404
			}),
			// An unknown district is a field error of the form (400), once access is granted.
			override: granted(() => ({ districtId: unknownDecision, cents: '100', reason: 'Accordo' }), {
				coordinator: 400
			}),
			removeOverride: granted(() => ({ districtId: unknownDecision }), { coordinator: 404 })
		}
	},
	'/projects/[projectId]/partnership/budget/budget.csv': {
		path: (s) => `/projects/${s.governanceProjectId}/partnership/budget/budget.csv`,
		access: 'network.read'
	},
	'/projects/[projectId]/governance': {
		path: governance,
		access: 'governance.read',
		actions: ['createBody'],
		forms: {
			createBody: granted(
				() => ({ kind: 'working_group', name: 'Gruppo di prova', quorumRule: 'majority' }),
				{ coordinator: 303 }
			)
		}
	},
	'/projects/[projectId]/governance/action-items': {
		path: (s) => `${governance(s)}/action-items`,
		access: 'governance.read',
		actions: ['actionItem', 'done'],
		forms: {
			actionItem: granted(() => ({ title: 'Preparare la bozza' }), {
				coordinator: 200,
				steering_member: 200
			}),
			done: granted(() => ({ actionItemId: unknownDecision, done: '1' }), {
				coordinator: 404,
				steering_member: 404
			})
		}
	},
	'/projects/[projectId]/governance/bodies/[bodyId]': {
		path: (s) => `${governance(s)}/bodies/${s.bodyId}`,
		access: 'governance.read',
		actions: ['addMember', 'removeMember', 'schedule', 'feedToken'],
		forms: {
			addMember: granted(() => ({ personId: unknownDecision, role: 'member' }), {
				coordinator: 400
			}),
			// Removing someone who does not sit in the body leaves it as it is.
			removeMember: granted(() => ({ personId: unknownDecision }), { coordinator: 200 }),
			schedule: granted(
				() => ({
					title: 'Cabina di regia n. 2',
					day: '2026-04-09',
					startTime: '14:30',
					endTime: '16:30',
					agenda: 'Avvio'
				}),
				{ coordinator: 303 }
			),
			feedToken: granted(() => ({}), EVERY_ROLE(200))
		}
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
		note: 'no decision in the fixture: every scope is an unknown id',
		actions: ['transition'],
		forms: {
			transition: granted(() => ({ decisionId: unknownDecision, to: 'in_progress' }), {
				coordinator: 404,
				steering_member: 404
			})
		}
	},
	'/projects/[projectId]/governance/decisions/register.csv': {
		path: (s) => `${governance(s)}/decisions/register.csv`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/meetings/[meetingId]': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}`,
		access: 'governance.read',
		actions: [
			'attendance',
			'sitting',
			'guest',
			'removeGuest',
			'decision',
			'actionItem',
			'circulate',
			'approve',
			'approvePrevious',
			'correction'
		],
		forms: {
			// The world's askers sit in no body: minutes are their members' and officers', so 403.
			attendance: granted(() => ({ [`status.${unknownDecision}`]: 'present' }), {}),
			sitting: granted(() => ({ openedTime: '14:30' }), {}),
			guest: granted(() => ({ name: 'Ospite Esterno' }), {}),
			removeGuest: granted(() => ({ guestId: unknownDecision }), {}),
			decision: granted((s) => ({ meetingId: s.meetingId, text: 'Si approva il calendario' }), {
				coordinator: 200,
				partner_editor: 200,
				facilitator: 200,
				steering_member: 200
			}),
			actionItem: granted(() => ({ title: 'Preparare la bozza' }), {
				coordinator: 200,
				steering_member: 200
			}),
			circulate: granted(() => ({ opensOn: '2026-03-06', closesOn: '2026-03-13' }), {}),
			approve: granted(() => ({}), {}),
			approvePrevious: granted(() => ({ previousMeetingId: unknownDecision }), {}),
			correction: granted(() => ({ text: 'Refuso nel punto 2' }), {})
		}
	},
	'/projects/[projectId]/governance/meetings/[meetingId]/meeting.ics': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}/meeting.ics`,
		access: 'governance.read'
	},
	'/projects/[projectId]/governance/meetings/[meetingId]/verbale/[format]': {
		path: (s) => `${governance(s)}/meetings/${s.meetingId}/verbale/odt`,
		access: 'governance.read'
	},
	'/projects/[projectId]/proposals/[proposalId]': {
		path: proposal,
		access: 'proposal.read',
		actions: ['status', 'owners', 'lock', 'unlock', 'comment', 'reply', 'resolve', 'reopen'],
		forms: {
			// The section belongs to no organisation of the partner editor: proposal.edit narrows to owners.
			status: granted((s) => ({ sectionId: s.sectionId, status: 'draft' }), {
				coordinator: 200,
				partner_editor: 403
			}),
			owners: granted((s) => ({ sectionId: s.sectionId }), { coordinator: 200 }),
			lock: granted((s) => ({ sectionId: s.sectionId }), { coordinator: 200 }),
			unlock: granted((s) => ({ sectionId: s.sectionId }), { coordinator: 200 }),
			comment: granted(
				(s) => ({
					sectionId: s.sectionId,
					anchorFrom: 'AAAA',
					anchorTo: 'AAAA',
					body: 'Da rivedere'
				}),
				{ coordinator: 200, partner_editor: 200, facilitator: 200, steering_member: 200 }
			),
			reply: granted(() => ({ threadId: unknownDecision, body: 'Concordo' }), {
				coordinator: 404,
				partner_editor: 404,
				facilitator: 404,
				steering_member: 404
			}),
			resolve: granted(() => ({ threadId: unknownDecision }), {
				coordinator: 404,
				partner_editor: 404,
				facilitator: 404,
				steering_member: 404
			}),
			reopen: granted(() => ({ threadId: unknownDecision }), {
				coordinator: 404,
				partner_editor: 404,
				facilitator: 404,
				steering_member: 404
			})
		}
	},
	'/projects/[projectId]/proposals/[proposalId]/history': {
		path: (s) => `${proposal(s)}/history`,
		access: 'proposal.read',
		actions: ['save', 'restore'],
		forms: {
			save: granted(() => ({ name: 'Prima stesura' }), { coordinator: 200, partner_editor: 200 }),
			restore: granted(() => ({ versionId: unknownDecision }), { coordinator: 404 })
		}
	},
	'/projects/[projectId]/proposals/[proposalId]/authors': {
		path: (s) => `${proposal(s)}/authors?section=${s.sectionId}`,
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
		note: 'the fixture proposal has empty sections, which an export may refuse as invalid; observers are permitted (ADR 0185)'
	},
	'/projects/[projectId]/proposals/[proposalId]/export/jobs/[jobId]': {
		path: (s) => `${proposal(s)}/export/jobs/${unknownDecision}`,
		access: 'proposal.export',
		note: 'jobs are per process and short-lived: every scope is an unknown id'
	},
	'/projects/[projectId]/labs': {
		path: labs,
		access: 'lab.read',
		actions: ['create'],
		forms: {
			create: granted(() => ({ title: 'Laboratorio di prova', facilitatorId: unknownDecision }), {
				coordinator: 400,
				facilitator: 400
			})
		}
	},
	'/projects/[projectId]/labs/[labId]': {
		path: (s) => `${labs(s)}/${s.labId}`,
		access: 'lab.read',
		actions: ['session'],
		forms: {
			session: granted(
				() => ({
					title: 'Secondo incontro',
					startsAt: '2026-06-01T10:00',
					endsAt: '2026-06-01T12:00'
				}),
				{ coordinator: 200, facilitator: 200 }
			)
		}
	},
	'/projects/[projectId]/labs/[labId]/edit': {
		path: (s) => `${labs(s)}/${s.labId}/edit`,
		access: 'lab.run',
		actions: ['default'],
		forms: {
			// A facilitator the project does not have: refused as a field once the asker runs labs.
			default: granted(
				() => ({ title: 'Laboratorio rinominato', facilitatorId: unknownDecision }),
				{
					coordinator: 400,
					facilitator: 400
				}
			)
		},
		note: 'title, theme, facilitator, territories and participants: those who run labs (tests/integration/labs/editing)'
	},
	'/projects/[projectId]/labs/[labId]/calendar.ics': {
		path: (s) => `${labs(s)}/${s.labId}/calendar.ics`,
		access: 'lab.read'
	},
	'/projects/[projectId]/labs/[labId]/sessions/[sessionId]': {
		path: (s) => `${labs(s)}/${s.labId}/sessions/${s.sessionId}`,
		access: 'lab.read',
		actions: ['attach', 'detach', 'edit', 'practice', 'propose'],
		forms: {
			// lab.write narrows to the lab's participants (the partner editor) and those who run labs.
			// No case has this pseudonym: a field error (400) once the lab lets the asker write.
			attach: granted((s) => ({ sessionId: s.sessionId, pseudonym: 'ZZZ-999' }), {
				coordinator: 400,
				partner_editor: 400,
				facilitator: 400
			}),
			// The world's case is not on this session: refused as such once the lab lets the asker write.
			detach: granted((s) => ({ sessionId: s.sessionId, caseId: s.caseId }), {
				coordinator: 400,
				partner_editor: 400,
				facilitator: 400
			}),
			edit: granted(
				() => ({
					title: 'Incontro spostato',
					startsAt: '2026-06-02T10:00',
					endsAt: '2026-06-02T12:00'
				}),
				{ coordinator: 200, facilitator: 200 }
			),
			practice: granted(() => ({ title: 'Pratica di prova', whatWorked: 'Il colloquio a tre' }), {
				coordinator: 303,
				partner_editor: 303,
				facilitator: 303
			}),
			// The cabina di regia has no meeting to come in the world: refused as a field (400).
			propose: granted(() => ({ text: 'Proposta alla cabina' }), {
				coordinator: 400,
				partner_editor: 400,
				facilitator: 400
			})
		},
		note: 'attached cases only for participants and those who run labs (tests/integration/labs)'
	},
	'/projects/[projectId]/practices': {
		path: (s) => `/projects/${s.governanceProjectId}/practices`,
		access: 'lab.read'
	},
	'/projects/[projectId]/practices/[practiceId]': {
		path: (s) => `/projects/${s.governanceProjectId}/practices/${s.practiceId}`,
		access: 'lab.read'
	},
	'/projects/[projectId]/monitoring': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring`,
		access: 'monitoring.read',
		note: 'targets are set and removed with monitoring.manage (tests/integration/monitoring)',
		actions: ['target', 'removeTarget'],
		forms: {
			target: granted(() => ({ indicator: 'people_in_charge', target: '40' }), {
				coordinator: 200
			}),
			removeTarget: granted(() => ({ targetId: unknownDecision }), { coordinator: 404 })
		}
	},
	'/projects/[projectId]/monitoring/esf.csv': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/esf.csv`,
		access: 'monitoring.manage'
	},
	'/projects/[projectId]/monitoring/cronoprogramma': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/cronoprogramma`,
		access: 'monitoring.read',
		note: 'the done mark is set with monitoring.manage (tests/integration/monitoring/cronoprogramma)',
		actions: ['mark'],
		forms: {
			mark: granted((s) => ({ proposalId: s.proposalId, actionId: 'a1', month: '1', done: '1' }), {
				coordinator: 404
			})
		}
	},
	'/projects/[projectId]/monitoring/traceability': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/traceability`,
		access: 'monitoring.read',
		note: 'needs, objectives and links are changed with monitoring.manage (tests/integration/monitoring/traceability)',
		actions: ['node', 'removeNode', 'link'],
		forms: {
			node: granted(() => ({ kind: 'need', title: 'Giovani senza lavoro' }), { coordinator: 200 }),
			removeNode: granted(() => ({ nodeId: unknownDecision }), { coordinator: 404 }),
			// Ends that are no need or objective of the project: a field error (400) once granted.
			link: granted(() => ({ kind: 'need_objective', fromId: 'a', toId: 'b', done: '1' }), {
				coordinator: 400
			})
		}
	},
	'/projects/[projectId]/monitoring/report': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/report`,
		access: 'monitoring.read'
	},
	'/projects/[projectId]/monitoring/report/[format]': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/report/csv`,
		access: 'monitoring.read',
		note: 'POST starts the DOCX/PDF report as an export job, after the same monitoring.read (tests/integration/monitoring/report-job)'
	},
	'/projects/[projectId]/monitoring/report/jobs/[jobId]': {
		path: (s) => `/projects/${s.proposalProjectId}/monitoring/report/jobs/${unknownDecision}`,
		access: 'monitoring.read',
		note: 'jobs are short-lived rows of their owner: every scope is an unknown id'
	},
	'/projects/[projectId]/cases': {
		path: cases,
		access: 'case.read_pseudonymous',
		actions: ['accept', 'decline'],
		note: "operators list their own organisation's records only (tests/integration/cases)",
		explicit: {
			own: statuses(403, { ...outsiders, coordinator: 200, facilitator: 200, case_operator: 200 }),
			other: nowhere.page,
			unknown: nowhere.page,
			missing: nowhere.page,
			foreignCase: nowhere.page
		},
		// No referral to anyone's organisation has this id: only its receiver could decide it.
		actionBody: { referralId: '00000000-0000-4000-8000-00000000beef', reason: 'Fuori zona' },
		explicitActions: {
			own: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action,
			foreignCase: nowhere.action
		}
	},
	'/projects/[projectId]/cases/audit': {
		path: (s) => `${cases(s)}/audit`,
		access: 'audit.read',
		note: 'coordinators only; the log shows ids, pseudonyms and actors, never identities'
	},
	'/projects/[projectId]/cases/audit/audit.csv': {
		path: (s) => `${cases(s)}/audit/audit.csv`,
		access: 'audit.read'
	},
	'/projects/[projectId]/cases/new': {
		path: (s) => `${cases(s)}/new`,
		access: 'case.write',
		actions: ['default'],
		explicit: {
			own: statuses(403, { ...outsiders, case_operator: 200 }),
			other: nowhere.page,
			unknown: nowhere.page,
			missing: nowhere.page,
			foreignCase: nowhere.page
		},
		actionBody: { fullName: CASE_IDENTITY, referredOn: '2026-01-05' },
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 303 }),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action,
			foreignCase: nowhere.action
		}
	},
	'/projects/[projectId]/cases/import': {
		path: (s) => `${cases(s)}/import`,
		access: 'case.write',
		actions: ['preview', 'import'],
		note: 'only who may open records; the file is read after the door (tests/integration/cases/import)',
		explicit: {
			own: statuses(403, { ...outsiders, case_operator: 200 }),
			other: nowhere.page,
			unknown: nowhere.page,
			missing: nowhere.page,
			foreignCase: nowhere.page
		},
		// A form without a file: the operator, past the door, is told to choose one.
		actionBody: { note: 'senza file' },
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 400 }),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action,
			foreignCase: nowhere.action
		}
	},
	'/projects/[projectId]/cases/import/template.csv': {
		path: (s) => `${cases(s)}/import/template.csv`,
		access: 'case.write',
		// An endpoint: the anonymous get 401, not a redirect to sign in.
		explicit: {
			own: statuses(403, { ...outsidersPosting, case_operator: 200 }),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action,
			foreignCase: nowhere.action
		}
	},
	'/projects/[projectId]/cases/[caseId]': {
		path: (s) => `${cases(s)}/${s.caseId}`,
		access: 'case.read_pseudonymous',
		actions: ['event', 'identity', 'profile'],
		note: 'identity only for the operators of the organisation: see the leak check',
		explicit: {
			own: statuses(403, { ...outsiders, coordinator: 200, facilitator: 200, case_operator: 200 }),
			foreignCase: statuses(403, { ...outsiders, coordinator: 200, facilitator: 200 }),
			other: nowhere.page,
			unknown: nowhere.page,
			missing: nowhere.page
		},
		// One form valid for every action: each schema keeps only its own fields.
		actionBody: {
			kind: 'tutoring',
			occurredOn: '2026-01-05',
			note: 'Tutoraggio mensile',
			fullName: CASE_IDENTITY
		},
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 200 }),
			foreignCase: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action
		}
	},
	'/projects/[projectId]/cases/[caseId]/export.json': {
		path: (s) => `${cases(s)}/${s.caseId}/export.json`,
		access: 'case.read_identity',
		note: "GDPR art. 15/20: the person's data, identity included: own organisation's operators only",
		explicit: identityOnly(true)
	},
	'/projects/[projectId]/cases/[caseId]/export.pdf': {
		path: (s) => `${cases(s)}/${s.caseId}/export.pdf`,
		access: 'case.read_identity',
		explicit: identityOnly(true)
	},
	'/projects/[projectId]/cases/[caseId]/erase': {
		path: (s) => `${cases(s)}/${s.caseId}/erase`,
		access: 'case.erase',
		actions: ['default'],
		note: 'GDPR art. 17: a wrong confirmation answers 400 once access is granted, so nothing is erased here',
		explicit: identityOnly(),
		actionBody: { reason: 'other', confirm: 'ZZZ-ZZZ' },
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 400 }),
			foreignCase: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action
		}
	},
	'/projects/[projectId]/cases/[caseId]/refer': {
		path: (s) => `${cases(s)}/${s.caseId}/refer`,
		access: 'case.refer',
		actions: ['refer', 'withdraw'],
		note: 'referral: the body names no organisation and no referral of the record, so 400 once access is granted',
		explicit: identityOnly(),
		actionBody: {
			toOrganisationId: '00000000-0000-4000-8000-00000000beef',
			referralId: '00000000-0000-4000-8000-00000000beef',
			reason: 'Orientamento al lavoro'
		},
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 400 }),
			foreignCase: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action
		}
	},
	'/projects/[projectId]/cases/[caseId]/share': {
		path: (s) => `${cases(s)}/${s.caseId}/share`,
		access: 'case.write',
		actions: ['default'],
		note: 'a note excerpt, pseudonymised, to a lab session: the body names no event of the record, so 400 once access is granted',
		explicit: identityOnly(),
		actionBody: {
			sessionId: '00000000-0000-4000-8000-00000000beef',
			eventId: '00000000-0000-4000-8000-00000000beef',
			text: 'Estratto di prova'
		},
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 400 }),
			foreignCase: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action
		}
	},
	'/projects/[projectId]/cases/[caseId]/esf': {
		path: (s) => `${cases(s)}/${s.caseId}/esf`,
		access: 'case.read_identity',
		actions: ['default'],
		note: "ESF+ participant data is as personal as the identity: own organisation's operators only",
		explicit: {
			own: statuses(403, { ...outsiders, case_operator: 200 }),
			foreignCase: statuses(403, outsiders),
			other: nowhere.page,
			unknown: nowhere.page,
			missing: nowhere.page
		},
		actionBody: {
			gender: 'female',
			labourStatus: 'unemployed',
			ageBand: '18_29',
			education: 'isced_3_4',
			disability: ''
		},
		explicitActions: {
			own: statuses(403, { ...outsidersPosting, case_operator: 200 }),
			foreignCase: statuses(403, outsidersPosting),
			other: nowhere.action,
			unknown: nowhere.action,
			missing: nowhere.action
		}
	}
};
