import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { comment, commentThread, person, type CommentThread } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { ForbiddenError, InvalidError, NotFoundError } from '../errors';
import * as Y from 'yjs';
import { m } from '../../paraglide/messages';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';
import { isActionField } from '../../proposals/section-kinds';
import { findSectionOrThrow, sectionResource } from './section-lookup';
import { notifyCommentOnText } from '../notifications/comment-on-text';
import { notifyCommentMentions } from '../notifications/mention-in-comment';

/**
 * Comment threads on a section. The anchor is a pair of Yjs relative positions (encoded by the
 * editor with Y.encodeRelativePosition), so it follows the text however it is edited around.
 */
export interface ThreadView {
	id: string;
	sectionId: string;
	/** The fragment commented on: the section's text (`default`) or one action's (ADR 0207). */
	field: string;
	anchorFrom: string;
	anchorTo: string;
	quotedText: string;
	resolved: boolean;
	comments: {
		id: string;
		authorId: string | null;
		authorName: string | null;
		body: string;
		createdAt: Date;
	}[];
}

export async function create(
	ctx: Ctx,
	input: {
		sectionId: string;
		/** Default: the section's text; `action:<id>` one action's text (ADR 0207). */
		field?: string;
		anchorFrom: string;
		anchorTo: string;
		quotedText: string;
		body: string;
	}
): Promise<CommentThread> {
	const field = input.field ?? TEXT_FIELD;
	if (field !== TEXT_FIELD && !isActionField(field)) {
		throw new InvalidError('invalid', { field: [m.proposal_comment_bad_anchor()] });
	}
	const section = await findSectionOrThrow(ctx.db, input.sectionId);
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.comment', {
		projectId: section.projectId
	});
	return ctx.db.transaction(async (tx) => {
		const [thread] = await tx
			.insert(commentThread)
			.values({
				sectionId: section.id,
				field,
				anchorFrom: relativePosition(input.anchorFrom),
				anchorTo: relativePosition(input.anchorTo),
				quotedText: input.quotedText,
				createdById: signedIn.id
			})
			.returning();
		await notifyCommentOnText(tx, section, thread.id, signedIn.id);
		await notifyCommentMentions(tx, section, thread.id, input.body, signedIn.id);
		await tx
			.insert(comment)
			.values({ threadId: thread.id, authorId: signedIn.id, body: input.body });
		return thread;
	});
}

export async function reply(ctx: Ctx, input: { threadId: string; body: string }): Promise<void> {
	const { section } = await findThread(ctx.db, input.threadId);
	const { actor: signedIn } = await authorize(ctx.db, ctx.actor, 'proposal.comment', {
		projectId: section.projectId
	});
	await ctx.db.transaction(async (tx) => {
		await notifyCommentOnText(tx, section, input.threadId, signedIn.id);
		await notifyCommentMentions(tx, section, input.threadId, input.body, signedIn.id);
		await tx
			.insert(comment)
			.values({ threadId: input.threadId, authorId: signedIn.id, body: input.body });
	});
}

/** Resolved by who opened the thread, the section's owners or the coordinator; reopened alike. */
export async function setResolved(
	ctx: Ctx,
	input: { threadId: string; resolved: boolean }
): Promise<void> {
	const { thread, section } = await findThread(ctx.db, input.threadId);
	const grant = await authorize(ctx.db, ctx.actor, 'proposal.comment', {
		projectId: section.projectId
	});
	const resource = { ...sectionResource(section), locked: false };
	const allowed =
		thread.createdById === grant.actor.id ||
		decide(grant, 'proposal.edit', resource) ||
		decide(grant, 'proposal.review', resource);
	if (!allowed) throw new ForbiddenError();
	await ctx.db
		.update(commentThread)
		.set(
			input.resolved
				? { resolved: true, resolvedById: grant.actor.id, resolvedAt: new Date() }
				: { resolved: false, resolvedById: null, resolvedAt: null }
		)
		.where(eq(commentThread.id, thread.id));
}

export async function listForSection(ctx: Ctx, sectionId: string): Promise<ThreadView[]> {
	const section = await findSectionOrThrow(ctx.db, sectionId);
	await authorize(ctx.db, ctx.actor, 'proposal.read', { projectId: section.projectId });
	return threadsOf(ctx.db, [sectionId]);
}

/** Threads with their comments, oldest first; also used by the export "with comments". */
export async function threadsOf(db: Db, sectionIds: string[]): Promise<ThreadView[]> {
	if (sectionIds.length === 0) return [];
	const threads = await db
		.select()
		.from(commentThread)
		.where(inArray(commentThread.sectionId, sectionIds))
		.orderBy(asc(commentThread.createdAt));
	if (threads.length === 0) return [];
	const comments = await db
		.select({
			id: comment.id,
			threadId: comment.threadId,
			authorId: comment.authorId,
			authorName: person.name,
			body: comment.body,
			createdAt: comment.createdAt
		})
		.from(comment)
		.leftJoin(person, eq(person.id, comment.authorId))
		.where(
			inArray(
				comment.threadId,
				threads.map((t) => t.id)
			)
		)
		.orderBy(asc(comment.createdAt), asc(comment.id));
	return threads.map((thread) => ({
		id: thread.id,
		sectionId: thread.sectionId,
		field: thread.field,
		anchorFrom: Buffer.from(thread.anchorFrom).toString('base64'),
		anchorTo: Buffer.from(thread.anchorTo).toString('base64'),
		quotedText: thread.quotedText,
		resolved: thread.resolved,
		comments: comments
			.filter((c) => c.threadId === thread.id)
			.map(({ threadId: _threadId, ...rest }) => rest)
	}));
}

async function findThread(db: Db, threadId: string) {
	const [thread] = await db
		.select()
		.from(commentThread)
		.where(and(eq(commentThread.id, threadId)));
	if (!thread) throw new NotFoundError('proposal_comment_not_found');
	return { thread, section: await findSectionOrThrow(db, thread.sectionId) };
}

/** An anchor must decode as a Yjs relative position, or it could never be placed again. */
function relativePosition(base64: string): Uint8Array {
	const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
	try {
		Y.decodeRelativePosition(bytes);
	} catch {
		throw new InvalidError('invalid', { anchorFrom: [m.proposal_comment_bad_anchor()] });
	}
	return bytes;
}
