import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { call, template, type Call } from '../db/schema';
import { authorize } from '../access/policy';
import { NotFoundError } from '../errors';
import type { CallInput } from '../../proposals/forms';
import type { CallOfficialInput } from '../../proposals/call-official';
import { ensureTemplatesSeeded } from './template-seed';

/** Calls (avvisi) of a project, each with its progetto di massima and proposal template. */
export async function list(ctx: Ctx, projectId: string): Promise<Call[]> {
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId });
	return ctx.db
		.select()
		.from(call)
		.where(eq(call.projectId, projectId))
		.orderBy(desc(call.createdAt));
}

export async function get(ctx: Ctx, input: { projectId: string; callId: string }): Promise<Call> {
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: input.projectId });
	return findCallOrThrow(ctx.db, input.projectId, input.callId);
}

export async function create(ctx: Ctx, projectId: string, input: CallInput): Promise<Call> {
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'call.manage', { projectId });
	await assertTemplateUsable(ctx.db, projectId, input.templateId);
	const [row] = await ctx.db
		.insert(call)
		.values({ ...input, deadline: input.deadline ?? null, projectId, createdById: signedIn.id })
		.returning();
	return row;
}

export async function update(
	ctx: Ctx,
	input: { projectId: string; callId: string } & CallInput
): Promise<Call> {
	const { projectId, callId, ...values } = input;
	await authorize(ctx.db, ctx.actor, 'call.manage', { projectId });
	await findCallOrThrow(ctx.db, projectId, callId);
	await assertTemplateUsable(ctx.db, projectId, values.templateId);
	const [row] = await ctx.db
		.update(call)
		.set({ ...values, deadline: values.deadline ?? null })
		.where(eq(call.id, callId))
		.returning();
	return row;
}

/** The call's own identifiers (ente procedente, act, CUP, CIG): the coordinator's to set. */
export async function updateOfficial(
	ctx: Ctx,
	input: { projectId: string; callId: string } & CallOfficialInput
): Promise<Call> {
	const { projectId, callId, ...values } = input;
	await authorize(ctx.db, ctx.actor, 'call.manage', { projectId });
	await findCallOrThrow(ctx.db, projectId, callId);
	const [row] = await ctx.db.update(call).set(values).where(eq(call.id, callId)).returning();
	return row;
}

export async function findCallOrThrow(db: Db, projectId: string, callId: string): Promise<Call> {
	const [found] = await db
		.select()
		.from(call)
		.where(and(eq(call.id, callId), eq(call.projectId, projectId)));
	if (!found) throw new NotFoundError('proposal_call_not_found');
	return found;
}

/** A call may use a shared template or one imported into its own project, never another's. */
async function assertTemplateUsable(db: Db, projectId: string, templateId: string): Promise<void> {
	await ensureTemplatesSeeded(db);
	const [found] = await db
		.select({ id: template.id })
		.from(template)
		.where(
			and(
				eq(template.id, templateId),
				or(isNull(template.projectId), eq(template.projectId, projectId))
			)
		);
	if (!found) throw new NotFoundError('proposal_template_not_found');
}
