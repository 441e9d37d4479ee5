import { m } from '$lib/paraglide/messages';
// Only the type comes from the server folder (erased at build), so this module stays browser-safe.
import type { ProjectRole } from '$lib/server/db/schema';

/** The roles a member can hold in a project, in the order forms offer them. */
export const ROLE_VALUES = [
	'coordinator',
	'partner_editor',
	'facilitator',
	'steering_member',
	'case_operator',
	'observer'
] as const satisfies readonly ProjectRole[];

export type RoleValue = (typeof ROLE_VALUES)[number];

// Fails to compile when the database gains a role this list does not offer.
const everyRoleOffered: Exclude<ProjectRole, RoleValue> extends never ? true : never = true;
void everyRoleOffered;

const LABELS: Record<RoleValue, () => string> = {
	coordinator: m.members_role_coordinator,
	partner_editor: m.members_role_partner_editor,
	facilitator: m.members_role_facilitator,
	steering_member: m.members_role_steering_member,
	case_operator: m.members_role_case_operator,
	observer: m.members_role_observer
};

export function roleLabel(role: RoleValue): string {
	return LABELS[role]();
}
