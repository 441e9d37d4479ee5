import type { Db } from '../db/client';
import { templateDefinitionSchema, type TemplateDefinition } from '../../proposals/template-format';
import tenPoint from './templates/ten-point.json';
import schedaProgetto from './templates/scheda-progetto.json';
import { findByKey, insertTemplate } from './template-store';

/** The templates every installation has: the ten points of the call (000) and 001's scheda. */
export const SEEDED_TEMPLATES = [tenPoint, schedaProgetto];

/** The seeded files go through the import checks too (defaults filled, kinds checked). */
function asDefinition(raw: (typeof SEEDED_TEMPLATES)[number]): TemplateDefinition {
	return templateDefinitionSchema.parse(raw);
}

/**
 * Inserts the seeded templates that are missing, by key: idempotent, and safe when two
 * instances start at once (the unique key makes the second insert fail, which is ignored).
 */
export async function seedTemplates(db: Db): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	for (const raw of SEEDED_TEMPLATES) {
		const definition = asDefinition(raw);
		const key = definition.key!;
		const existing = await findByKey(db, key);
		if (existing) {
			ids[key] = existing.id;
			continue;
		}
		try {
			ids[key] = await insertTemplate(db, definition, { projectId: null, createdById: null });
		} catch (error) {
			const raced = await findByKey(db, key);
			if (!raced) throw error;
			ids[key] = raced.id;
		}
	}
	return ids;
}

const seeded = new WeakMap<Db, Promise<Record<string, string>>>();

/**
 * Seeds once per database handle on first use, so the shared templates exist whether or not
 * the demo seed runs (SEED_DEMO=false in production), without touching the start-up sequence.
 */
export function ensureTemplatesSeeded(db: Db): Promise<Record<string, string>> {
	let pending = seeded.get(db);
	if (!pending) {
		pending = seedTemplates(db);
		pending.catch(() => seeded.delete(db));
		seeded.set(db, pending);
	}
	return pending;
}
