import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { template, templateSection, type Template, type TemplateSection } from '../db/schema';
import { NotFoundError } from '../errors';
import type { TemplateDefinition } from '../../proposals/template-format';
import { resolveSections } from '../../proposals/template-sections';

/** Templates as rows: read one with its sections, insert a definition, find a seeded one. */
export interface TemplateWithSections extends Template {
	sections: TemplateSection[];
}

export async function findTemplate(db: Db, templateId: string): Promise<TemplateWithSections> {
	const [found] = await db.select().from(template).where(eq(template.id, templateId));
	if (!found) throw new NotFoundError('proposal_template_not_found');
	const sections = await db
		.select()
		.from(templateSection)
		.where(eq(templateSection.templateId, templateId))
		.orderBy(asc(templateSection.position));
	return { ...found, sections };
}

export async function insertTemplate(
	db: Db,
	definition: TemplateDefinition,
	owner: { projectId: string | null; createdById: string | null }
): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(template)
			.values({
				key: definition.key ?? null,
				projectId: owner.projectId,
				name: definition.name,
				source: definition.source,
				version: definition.version,
				pageChars: definition.pageChars,
				createdById: owner.createdById
			})
			.returning({ id: template.id });
		await tx
			.insert(templateSection)
			.values(resolveSections(definition).map((section) => ({ ...section, templateId: row.id })));
		return row.id;
	});
}

/** The shared template with this seed key, if seeded. */
export async function findByKey(db: Db, key: string): Promise<Template | undefined> {
	const [found] = await db
		.select()
		.from(template)
		.where(and(eq(template.key, key), isNull(template.projectId)));
	return found;
}
