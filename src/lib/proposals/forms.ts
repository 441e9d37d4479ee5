import { z } from 'zod';
import { SECTION_STATUSES } from './section-status';
import { isActionField } from './section-kinds';
import { TEXT_FIELD } from '../editor/suggestions/text-field';

/** One schema per form: the action parses with it, the page shows its field errors. */
const text = (max: number) => z.string().trim().max(max).default('');
const uuid = z.uuid();

export const callForm = z.object({
	title: z.string().trim().min(1).max(300),
	subject: text(20_000),
	targets: text(20_000),
	aims: text(20_000),
	generalObjectives: text(20_000),
	specificObjectives: text(20_000),
	resources: text(20_000),
	deadline: z.iso
		.date()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	templateId: uuid
});
export type CallInput = z.infer<typeof callForm>;

export const proposalForm = z.object({
	title: z.string().trim().min(1).max(300)
});

export const sectionStatusForm = z.object({
	sectionId: uuid,
	status: z.enum(SECTION_STATUSES)
});

export const sectionOwnersForm = z.object({
	sectionId: uuid,
	'organisationIds[]': z.array(uuid).max(50).default([])
});

export const sectionLockForm = z.object({ sectionId: uuid });

/** Anchors travel as base64 of `Y.encodeRelativePosition(...)`. */
const base64 = z
	.string()
	.min(1)
	.max(1024)
	.regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const commentForm = z.object({
	sectionId: uuid,
	anchorFrom: base64,
	anchorTo: base64,
	/** The section's text (`default`) or one action's text (`action:<id>`, ADR 0207). */
	field: z
		.string()
		.default(TEXT_FIELD)
		.refine((field) => field === TEXT_FIELD || isActionField(field)),
	quotedText: text(2000),
	body: z.string().trim().min(1).max(10_000)
});

export const replyForm = z.object({
	threadId: uuid,
	body: z.string().trim().min(1).max(10_000)
});

export const resolveForm = z.object({ threadId: uuid });

export const versionForm = z.object({ name: z.string().trim().min(1).max(200) });

export const restoreForm = z.object({ versionId: uuid });

export const templateImportForm = z.object({
	definition: z
		.string()
		.min(1)
		.max(256 * 1024)
});
