import type { ProjectRole } from '../../db/schema';
import type { DemoOrganisationKey } from './organisations';
import type { DemoProjectKey } from './projects';

export interface DemoMembership {
	project: DemoProjectKey;
	/** null: acting on their own account (an independent facilitator). */
	organisation: DemoOrganisationKey | null;
	role: ProjectRole;
}

export interface DemoPerson {
	key: string;
	name: string;
	email: string;
	isAdmin?: boolean;
	memberships: readonly DemoMembership[];
}

/**
 * Invented people: none of their first or last names appears in the seed documents (whose
 * signatories are real people). One per role in WORK IN PROGRESS, an admin, and a WIN-WIN
 * coordinator; the facilitator works in both projects, so "only your projects" shows.
 */
export const DEMO_PEOPLE = [
	{
		key: 'admin',
		name: 'Andrea Fontana',
		email: 'andrea.fontana@demo.tavolo.it',
		isAdmin: true,
		memberships: []
	},
	{
		key: 'coordinator',
		name: 'Giulia Ferraris',
		email: 'giulia.ferraris@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'aziendaSociale', role: 'coordinator' }]
	},
	{
		key: 'editorAi',
		name: 'Marco Colombo',
		email: 'marco.colombo@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'ai', role: 'partner_editor' }]
	},
	{
		key: 'editorGrandeCasa',
		name: 'Elena Brambilla',
		email: 'elena.brambilla@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'grandeCasa', role: 'partner_editor' }]
	},
	{
		key: 'editorPromos',
		name: 'Davide Galli',
		email: 'davide.galli@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'promos', role: 'partner_editor' }]
	},
	{
		key: 'facilitator',
		name: 'Chiara Longoni',
		email: 'chiara.longoni@demo.tavolo.it',
		memberships: [
			{ project: 'workInProgress', organisation: null, role: 'facilitator' },
			{ project: 'winWin', organisation: 'puntoDock', role: 'facilitator' }
		]
	},
	{
		key: 'steeringSole',
		name: 'Paolo Rinaldi',
		email: 'paolo.rinaldi@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'sole', role: 'steering_member' }]
	},
	{
		key: 'steeringMagentino',
		name: 'Francesca Moretti',
		email: 'francesca.moretti@demo.tavolo.it',
		memberships: [
			{ project: 'workInProgress', organisation: 'udpMagentino', role: 'steering_member' }
		]
	},
	{
		key: 'caseOperator',
		name: 'Luca Bassi',
		email: 'luca.bassi@demo.tavolo.it',
		memberships: [
			{ project: 'workInProgress', organisation: 'solidarietaServizi', role: 'case_operator' }
		]
	},
	{
		key: 'caseOperatorAtticus',
		name: 'Sara Villa',
		email: 'sara.villa@demo.tavolo.it',
		memberships: [{ project: 'workInProgress', organisation: 'atticus', role: 'case_operator' }]
	},
	{
		key: 'observer',
		name: 'Silvia Marchetti',
		email: 'silvia.marchetti@demo.tavolo.it',
		memberships: [
			{ project: 'workInProgress', organisation: 'cittaMetropolitana', role: 'observer' }
		]
	},
	{
		key: 'winWinCoordinator',
		name: "Roberta D'Amico",
		email: 'roberta.damico@demo.tavolo.it',
		memberships: [{ project: 'winWin', organisation: 'unioneSangro', role: 'coordinator' }]
	}
] as const satisfies readonly DemoPerson[];

export type DemoPersonKey = (typeof DEMO_PEOPLE)[number]['key'];

/** One shared, easily typed password for every demo account (printed at start). */
export const DEMO_PASSWORD = 'tavolo-demo-2026';
