import { z } from 'zod';
import { m } from '../paraglide/messages';
import { DEFAULT_PAGE_CHARS, MAX_SECTION_CHARS } from './limits';

/**
 * The format of an importable template (JSON or YAML; see docs/proposals.md). Numbers may be
 * written as numbers or strings ("10.a"); a limit is given in pages or in characters, not both.
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
		kind: z.enum(['text', 'actions']).default('text')
	})
	.refine((s) => s.limitChars === undefined || s.limitPages === undefined, {
		error: () => m.proposal_template_two_limits(),
		path: ['limitChars']
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
