import { parse as parseYaml } from 'yaml';
import { templateDefinitionSchema, type TemplateDefinition } from '../../proposals/template-format';
import { InvalidError } from '../errors';
import { validate } from '../http/validate';

/** A template file is small; anything bigger is a mistake (or an attack), refused unread. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/**
 * JSON or YAML text → a checked template definition. YAML is a superset of JSON, but JSON is
 * tried first so its error positions stay JSON's. Every refusal is an InvalidError whose
 * issues name the field (`sections.3.number`) with a translated reason.
 */
export function parseTemplateDefinition(text: string): TemplateDefinition {
	if (new TextEncoder().encode(text).length > MAX_TEMPLATE_BYTES) {
		throw new InvalidError('proposal_template_too_large');
	}
	let raw: unknown;
	try {
		raw = text.trimStart().startsWith('{')
			? JSON.parse(text)
			: parseYaml(text, { maxAliasCount: 50 });
	} catch (error) {
		throw new InvalidError('proposal_template_unreadable', {
			file: [error instanceof Error ? error.message.split('\n')[0] : String(error)]
		});
	}
	try {
		return validate(templateDefinitionSchema, raw);
	} catch (error) {
		if (error instanceof InvalidError) {
			throw new InvalidError('proposal_template_invalid', error.issues);
		}
		throw error;
	}
}
