import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { decision, traceLink, traceNode } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { record } from '../audit/audit';
import { InvalidError, NotFoundError } from '../errors';
import { m } from '../../paraglide/messages';
import { INDICATORS, indicatorLabel, type Indicator } from '../../monitoring/indicators';
import {
	traceability,
	type TraceAction,
	type TraceLinkKindValue,
	type Traceability
} from '../../monitoring/traceability';
import type { LinkInput, NodeInput } from '../../monitoring/traceability-form';
import { blocksOfProposal, livedOf, projectStart, proposalsOf } from './cronoprogramma';
import { dashboard } from './dashboard';
import type { Cell } from './compute';

/** An indicator's outcome as the reader may see it: the figure and the whole-project target. */
export interface IndicatorOutcome {
	total: Cell;
	target: number | null;
	progress: number | null;
}

/**
 * The traceability page: titles of needs, objectives, actions and decisions, and indicator
 * figures as the dashboard shows them to this reader (small cells withheld); never a case.
 */
export interface TraceabilityView extends Traceability {
	outcomes: Record<string, IndicatorOutcome>;
	/** What the coordinator's forms offer, in the page's order. */
	options: {
		needs: { id: string; title: string }[];
		objectives: { id: string; title: string }[];
		actions: { ref: string; title: string }[];
		decisions: { id: string; text: string }[];
		indicators: { key: string; label: string }[];
	};
	canManage: boolean;
}

async function projectActions(db: Db, projectId: string): Promise<TraceAction[]> {
	const startsOn = await projectStart(db, projectId);
	const proposals = await proposalsOf(db, projectId);
	const many = proposals.length > 1;
	const actions: TraceAction[] = [];
	for (const p of proposals) {
		const lived = startsOn ? await livedOf(db, projectId, p.id, startsOn) : null;
		const blocks = lived ? null : await blocksOfProposal(db, p.id);
		const rows =
			lived?.rows ??
			(blocks ?? []).map((b) => ({ actionId: b.id, title: b.title, cells: [], delays: 0 }));
		for (const row of rows) {
			actions.push({
				ref: `${p.id}:${row.actionId}`,
				// With several proposals, say whose action it is.
				title: `${row.title || '—'}${many ? ` (${p.title})` : ''}`,
				monthsDone: row.cells.filter((c) => c.state === 'done' || c.state === 'extra').length,
				delays: row.delays
			});
		}
	}
	return actions;
}

async function nodesOf(db: Db, projectId: string) {
	return db
		.select({ id: traceNode.id, kind: traceNode.kind, title: traceNode.title })
		.from(traceNode)
		.where(eq(traceNode.projectId, projectId))
		.orderBy(asc(traceNode.createdAt), asc(traceNode.id));
}

async function decisionsOf(db: Db, projectId: string) {
	return db
		.select({ id: decision.id, text: decision.text, status: decision.status })
		.from(decision)
		.where(eq(decision.projectId, projectId))
		.orderBy(asc(decision.createdAt));
}

export async function traceabilityView(ctx: Ctx, projectId: string): Promise<TraceabilityView> {
	const { db, actor } = ctx;
	const grant = await authorize(db, actor, 'monitoring.read', { projectId });
	const [nodes, actions, decisions, links, figures] = await Promise.all([
		nodesOf(db, projectId),
		projectActions(db, projectId),
		decisionsOf(db, projectId),
		db
			.select({ kind: traceLink.kind, fromId: traceLink.fromId, toId: traceLink.toId })
			.from(traceLink)
			.where(eq(traceLink.projectId, projectId)),
		dashboard(ctx, projectId, 'year')
	]);
	const ofKind = (kind: 'need' | 'objective') =>
		nodes.filter((n) => n.kind === kind).map(({ id, title }) => ({ id, title }));
	const needs = ofKind('need');
	const objectives = ofKind('objective');
	const wholeProject = new Map(
		figures.targets.filter((t) => t.districtId === null).map((t) => [t.indicator as string, t])
	);
	const indicators = INDICATORS.map((key) => ({
		key,
		label: indicatorLabel(key),
		targeted: figures.targets.some((t) => t.indicator === key)
	}));
	const outcomes = Object.fromEntries(
		INDICATORS.map((key) => [
			key,
			{
				total: figures.totals[key],
				target: wholeProject.get(key)?.target ?? null,
				progress: wholeProject.get(key)?.progress ?? null
			}
		])
	);
	return {
		...traceability({ needs, objectives, actions, decisions, indicators, links }),
		outcomes,
		options: {
			needs,
			objectives,
			actions: actions.map(({ ref, title }) => ({ ref, title })),
			decisions: decisions.map(({ id, text }) => ({ id, text })),
			indicators: indicators.map(({ key, label }) => ({ key, label }))
		},
		canManage: decide(grant, 'monitoring.manage', { projectId })
	};
}

/** The coordinator names a need or an objective of the project. */
export async function addNode({ db, actor }: Ctx, projectId: string, input: NodeInput) {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	const [created] = await db
		.insert(traceNode)
		.values({ projectId, kind: input.kind, title: input.title, createdById: signedIn.id })
		.returning({ id: traceNode.id });
	await record(db, {
		actorId: signedIn.id,
		action: 'monitoring.trace.node.add',
		resourceType: 'trace_node',
		resourceId: created.id,
		projectId
	});
	return created;
}

/** Removes a need or objective and every link to or from it. */
export async function removeNode({ db, actor }: Ctx, projectId: string, nodeId: string) {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	await db.transaction(async (tx) => {
		const removed = await tx
			.delete(traceNode)
			.where(and(eq(traceNode.id, nodeId), eq(traceNode.projectId, projectId)))
			.returning({ id: traceNode.id });
		if (removed.length === 0) throw new NotFoundError('trace_node_not_found');
		for (const end of [traceLink.fromId, traceLink.toId]) {
			await tx.delete(traceLink).where(and(eq(traceLink.projectId, projectId), eq(end, nodeId)));
		}
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'monitoring.trace.node.remove',
		resourceType: 'trace_node',
		resourceId: nodeId,
		projectId
	});
}

/** Whether `id` is, in this project, a thing of the kind the link's end needs. */
async function ends(db: Db, projectId: string, kind: TraceLinkKindValue) {
	const nodes = await nodesOf(db, projectId);
	const ids = (k: 'need' | 'objective') =>
		new Set(nodes.filter((n) => n.kind === k).map((n) => n.id));
	const actions = async () => new Set((await projectActions(db, projectId)).map((a) => a.ref));
	const decisions = async () => new Set((await decisionsOf(db, projectId)).map((d) => d.id));
	const indicators = new Set<string>(INDICATORS as readonly Indicator[]);
	switch (kind) {
		case 'need_objective':
			return [ids('need'), ids('objective')];
		case 'objective_action':
			return [ids('objective'), await actions()];
		case 'decision_action':
			return [await decisions(), await actions()];
		case 'indicator_objective':
			return [indicators, ids('objective')];
	}
}

/** Links two ends of the thread (`done`) or unlinks them; both ends must be of this project. */
export async function setLink({ db, actor }: Ctx, projectId: string, input: LinkInput) {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	const [from, to] = await ends(db, projectId, input.kind);
	if (!from.has(input.fromId)) {
		throw new InvalidError('invalid', { fromId: [m.monitoring_trace_end_unknown()] });
	}
	if (!to.has(input.toId)) {
		throw new InvalidError('invalid', { toId: [m.monitoring_trace_end_unknown()] });
	}
	const link = { projectId, kind: input.kind, fromId: input.fromId, toId: input.toId };
	if (input.done) {
		await db
			.insert(traceLink)
			.values({ ...link, createdById: signedIn.id })
			.onConflictDoNothing();
	} else {
		await db
			.delete(traceLink)
			.where(
				and(
					eq(traceLink.projectId, projectId),
					eq(traceLink.kind, input.kind),
					eq(traceLink.fromId, input.fromId),
					eq(traceLink.toId, input.toId)
				)
			);
	}
	await record(db, {
		actorId: signedIn.id,
		action: input.done ? 'monitoring.trace.link' : 'monitoring.trace.unlink',
		resourceType: 'trace_link',
		resourceId: `${input.kind}:${input.fromId}>${input.toId}`,
		projectId
	});
}
