import { asc, eq, isNull, or } from 'drizzle-orm';
import type { Ctx } from '../context';
import { template, type Template } from '../db/schema';
import { authorize } from '../access/policy';
import { NotFoundError } from '../errors';
import { parseTemplateDefinition } from './template-parse';
import { ensureTemplatesSeeded } from './template-seed';
import { findTemplate, insertTemplate, type TemplateWithSections } from './template-store';

export type { TemplateWithSections };

/** Shared templates (seeded) and those imported into this project. */
export async function list(ctx: Ctx, projectId: string): Promise<Template[]> {
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId });
	await ensureTemplatesSeeded(ctx.db);
	return ctx.db
		.select()
		.from(template)
		.where(or(isNull(template.projectId), eq(template.projectId, projectId)))
		.orderBy(asc(template.name));
}

export async function get(
	ctx: Ctx,
	input: { projectId: string; templateId: string }
): Promise<TemplateWithSections> {
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: input.projectId });
	const found = await findTemplate(ctx.db, input.templateId);
	if (found.projectId !== null && found.projectId !== input.projectId) {
		throw new NotFoundError('proposal_template_not_found');
	}
	return found;
}

/** A coordinator imports a JSON or YAML definition into the project; invalid ones are refused. */
export async function importDefinition(
	ctx: Ctx,
	input: { projectId: string; text: string }
): Promise<TemplateWithSections> {
	await authorize(ctx.db, ctx.actor, 'template.manage', { projectId: input.projectId });
	const definition = parseTemplateDefinition(input.text);
	// An imported key would clash with the seeded ones: imports are identified by their id.
	const id = await insertTemplate(
		ctx.db,
		{ ...definition, key: undefined },
		{ projectId: input.projectId, createdById: ctx.actor?.id ?? null }
	);
	return findTemplate(ctx.db, id);
}
