import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import { InvalidError, type FieldIssues } from '../errors';

const localeErrors = { it: z.locales.it().localeError, en: z.locales.en().localeError };

/** Parses with the form's schema; failures become an InvalidError with translated field issues. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const locale = getLocale() === 'en' ? 'en' : 'it';
	const parsed = schema.safeParse(input, { error: localeErrors[locale] });
	if (parsed.success) return parsed.data;
	const issues: FieldIssues = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.join('.') || '_form';
		(issues[field] ??= []).push(issue.message);
	}
	throw new InvalidError('invalid', issues);
}
