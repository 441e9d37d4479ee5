// Browser-safe and alias-free: the access policy (bundled into server/) and the forms share it.
// Only the type comes from the server folder (erased at build).
import type { ProjectRole } from '../server/db/schema';

/** The roles a member can hold in a project, in the order forms offer them. */
export const PROJECT_ROLES = [
	'coordinator',
	'partner_editor',
	'facilitator',
	'steering_member',
	'case_operator',
	'observer'
] as const satisfies readonly ProjectRole[];

export type RoleValue = (typeof PROJECT_ROLES)[number];

// Fails to compile when the database gains a role this list does not offer.
const everyRoleOffered: Exclude<ProjectRole, RoleValue> extends never ? true : never = true;
void everyRoleOffered;
