import { z } from 'zod';
import { DECISION_STATUSES } from './decision-status';
import { optionalUuid } from './body-form';

const optionalDay = z
	.union([z.iso.date(), z.literal('')])
	.optional()
	.transform((value) => value || null);

export const LINK_TYPES = ['proposal_section', 'activity', 'partner'] as const;

/** A link travels as `type|uuid|label` so a multi-select can carry it. */
const link = z
	.string()
	.transform((raw) => {
		const [targetType, targetId, ...label] = raw.split('|');
		return { targetType, targetId, label: label.join('|') };
	})
	.pipe(
		z.object({
			targetType: z.enum(LINK_TYPES),
			targetId: z.uuid(),
			label: z.string().trim().min(1).max(300)
		})
	);

/** What the sitting did with it: only proposed, or put to the vote and approved or rejected. */
export const DECISION_OUTCOMES = ['proposed', 'approved', 'rejected'] as const;

const optionalCount = z
	.union([z.coerce.number().int().min(0).max(10000), z.literal('')])
	.optional()
	.transform((value) => (value === '' || value === undefined ? null : value));

/** Make a decision from a passage of the minutes (or from the register). */
export const decisionForm = z.object({
	outcome: z.enum(DECISION_OUTCOMES).default('proposed'),
	votesFor: optionalCount,
	votesAgainst: optionalCount,
	votesAbstained: optionalCount,
	meetingId: z.uuid(),
	agendaItemId: optionalUuid,
	text: z.string().trim().min(3).max(2000),
	quote: z.string().trim().max(4000).default(''),
	ownerOrganisationId: optionalUuid,
	ownerPersonId: optionalUuid,
	dueOn: optionalDay,
	links: z
		.union([link, z.array(link)])
		.optional()
		.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
});

export type DecisionInput = z.infer<typeof decisionForm>;

export const transitionForm = z.object({
	decisionId: z.uuid(),
	to: z.enum(DECISION_STATUSES),
	note: z.string().trim().max(2000).default(''),
	supersededById: optionalUuid
});

export type TransitionInput = z.infer<typeof transitionForm>;

/** Register filters, read from the query string. */
export const registerFilter = z.object({
	bodyId: optionalUuid,
	status: z
		.union([z.enum(DECISION_STATUSES), z.literal('')])
		.optional()
		.transform((value) => value || null),
	ownerId: optionalUuid,
	overdue: z
		.enum(['1', ''])
		.optional()
		.transform((value) => value === '1'),
	q: z.string().trim().max(200).default('')
});

export type RegisterFilter = z.infer<typeof registerFilter>;

export const actionItemForm = z.object({
	title: z.string().trim().min(3).max(500),
	ownerPersonId: optionalUuid,
	ownerOrganisationId: optionalUuid,
	dueOn: optionalDay,
	meetingId: optionalUuid,
	decisionId: optionalUuid
});

export type ActionItemInput = z.infer<typeof actionItemForm>;

export const actionItemDoneForm = z.object({
	actionItemId: z.uuid(),
	done: z.enum(['1', '0']).transform((value) => value === '1')
});
