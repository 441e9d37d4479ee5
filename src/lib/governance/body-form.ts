import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Browser-safe form schemas of bodies and their members: the action parses, the page shows issues. */
export const BODY_KINDS = [
	'steering_committee',
	'restricted_committee',
	'working_group',
	'technical_group'
] as const;
export const QUORUM_RULES = ['majority', 'two_thirds', 'fixed'] as const;
export const BODY_ROLES = ['chair', 'secretary', 'member'] as const;
/** Who approves the minutes: the chair alone, or the body at item 1 of its next meeting. */
export const MINUTES_APPROVAL_RULES = ['chair', 'next_meeting'] as const;

const optionalUuid = z
	.union([z.uuid(), z.literal('')])
	.optional()
	.transform((value) => value || null);

export const bodyForm = z
	.object({
		kind: z.enum(BODY_KINDS),
		name: z.string().trim().min(2).max(200),
		description: z.string().trim().max(2000).default(''),
		districtId: optionalUuid,
		quorumRule: z.enum(QUORUM_RULES),
		minutesApprovalRule: z.enum(MINUTES_APPROVAL_RULES).optional(),
		quorumFixed: z
			.union([z.coerce.number().int().min(1).max(500), z.literal('')])
			.optional()
			.transform((value) => (value === '' || value === undefined ? null : value))
	})
	.refine((v) => v.quorumRule !== 'fixed' || v.quorumFixed !== null, {
		path: ['quorumFixed'],
		error: () => m.gov_quorum_fixed_required()
	});

export const bodyMemberForm = z.object({
	personId: z.uuid(),
	role: z.enum(BODY_ROLES)
});

export const removeMemberForm = z.object({ personId: z.uuid() });

export { optionalUuid };
export type BodyInput = z.infer<typeof bodyForm>;
