import { z } from 'zod';
import { TARGET_CATEGORIES } from '$lib/cases/pathway-values';
import { optionalUuid } from '$lib/governance/body-form';

/** Browser-safe schemas of good practices: the form of a session, and the library's filters. */
const optionalTarget = z
	.union([z.enum(TARGET_CATEGORIES), z.literal('')])
	.optional()
	.transform((value) => value || null);

const caseIds = z
	.union([z.uuid(), z.array(z.uuid())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const practiceForm = z.object({
	title: z.string().trim().min(3).max(200),
	problem: z.string().trim().max(4000).default(''),
	whatWorked: z.string().trim().min(3).max(4000),
	conditions: z.string().trim().max(4000).default(''),
	evidence: z.string().trim().max(4000).default(''),
	targetCategory: optionalTarget,
	districtId: optionalUuid,
	'caseIds[]': caseIds
});
export type PracticeInput = z.infer<typeof practiceForm>;

/** The library's filters, read from the query string. */
export const practiceFilter = z.object({
	q: z.string().trim().max(200).default(''),
	target: optionalTarget,
	labId: optionalUuid,
	districtId: optionalUuid
});
export type PracticeFilter = z.infer<typeof practiceFilter>;
