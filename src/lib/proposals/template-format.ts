import { z } from 'zod';
import { m } from '../paraglide/messages';
import { DEFAULT_PAGE_CHARS, MAX_SECTION_CHARS } from './limits';
import { canRepeatPerAction, parentNumber, SECTION_KINDS, type PerAction } from './section-kinds';

/**
 * The format of an importable template (JSON or YAML; see docs/proposals.md). Numbers may be
 * written as numbers or strings ("10.a"); "10.a" sits under "10", which must come before it.
 * A limit is given in pages or in characters, not both, and only where the call sets one.
 */
const sectionNumber = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.pipe(
		z
			.string()
			.min(1)
			.max(12)
			.regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, { error: () => m.proposal_template_bad_number() })
	);

const templateSectionInput = z
	.object({
		number: sectionNumber,
		title: z
			.string({ error: () => m.proposal_template_missing_title() })
			.trim()
			.min(1, {
				error: () => m.proposal_template_missing_title()
			}),
		guidance: z.string().max(5000).default(''),
		limitChars: z.number().int().positive().max(MAX_SECTION_CHARS).optional(),
		limitPages: z.number().positive().max(300).optional(),
		limitLabel: z.string().trim().min(1).max(60).optional(),
		kind: z.enum(SECTION_KINDS).default('text'),
		/** Filled for each action block ("each"), or for each and once overall (ADR 0198). */
		perAction: z
			.enum(['each', 'each-and-overall'])
			.transform((v) => (v === 'each' ? 'each' : 'each_and_overall') as PerAction)
			.optional(),
		/** A `table` section's column headings. */
		columns: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
		/** A `choice` section's options. */
		options: z.array(z.string().trim().min(1).max(200)).max(50).default([])
	})
	.refine((s) => s.limitChars === undefined || s.limitPages === undefined, {
		error: () => m.proposal_template_two_limits(),
		path: ['limitChars']
	})
	.refine((s) => s.kind !== 'heading' || (s.limitChars ?? s.limitPages) === undefined, {
		error: () => m.exports_template_heading_limit(),
		path: ['limitChars']
	})
	.refine((s) => s.perAction === undefined || canRepeatPerAction(s.kind), {
		error: () => m.proposal_template_per_action_kind(),
		path: ['perAction']
	})
	.refine((s) => s.kind !== 'table' || s.columns.length > 0, {
		error: () => m.exports_template_table_columns(),
		path: ['columns']
	})
	.refine((s) => s.kind !== 'choice' || s.options.length > 1, {
		error: () => m.exports_template_choice_options(),
		path: ['options']
	});

export const templateDefinitionSchema = z
	.object({
		key: z
			.string()
			.regex(/^[a-z0-9-]{1,40}$/)
			.optional(),
		name: z.string().trim().min(1).max(200),
		source: z.string().max(1000).default(''),
		version: z
			.union([z.string(), z.number()])
			.transform((v) => String(v))
			.default('1'),
		pageChars: z.number().int().min(500).max(20_000).default(DEFAULT_PAGE_CHARS),
		sections: z.array(templateSectionInput).min(1).max(60)
	})
	.superRefine((template, ctx) => {
		const seen = new Set<string>();
		template.sections.forEach((section, index) => {
			if (seen.has(section.number)) {
				ctx.addIssue({
					code: 'custom',
					path: ['sections', index, 'number'],
					message: m.proposal_template_duplicate_number({ number: section.number })
				});
			}
			const parent = parentNumber(section.number);
			if (parent !== null && !seen.has(parent)) {
				ctx.addIssue({
					code: 'custom',
					path: ['sections', index, 'number'],
					message: m.exports_template_missing_parent({ number: section.number, parent })
				});
			}
			seen.add(section.number);
		});
		if (template.sections.filter((s) => s.kind === 'actions').length > 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['sections'],
				message: m.proposal_template_many_action_sections()
			});
		}
	});

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
