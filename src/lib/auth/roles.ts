import { m } from '$lib/paraglide/messages';
import type { RoleValue } from './project-roles';

export { PROJECT_ROLES, type RoleValue } from './project-roles';

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
