import { utcToRome } from '../../governance/rome-time';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorize } from '../access/policy';
import { readDocument } from '../live/store';
import {
	decision,
	decisionLink,
	membership,
	networkRelation,
	organisation,
	project,
	proposal
} from '../db/schema';
import { blocksOf } from '../proposals/action-blocks';
import { actionsDocumentName } from '../proposals/section-content';
import type { NetworkData, NetworkEdge, NetworkNode } from '../../network/graph-data';
import { partnersOf, projectDistricts, vocabulary, type Term } from './partnership';
import { caseEdges, labEdges } from './derived';

/**
 * The network of a project, built from its live data each time it is asked for (issue 10):
 * the partnership (each partner to the lead, with the partnership's dates), the proposals'
 * action blocks (the responsible organisation and the partners of an action work together),
 * decisions that name partners (owner to each named partner), the cases' internships and hires
 * (following organisation to host or employer, as counts of people: derived.ts), the labs
 * (organisations whose people meet in the same lab), and relations kept as data (entered or
 * imported: agreements, referrals, internships, labs).
 */

export interface NetworkView extends NetworkData {
	areas: Term[];
	targets: Term[];
	districts: { id: string; name: string }[];
	project: { startsOn: string | null; endsOn: string | null };
}

const day = (value: Date | string | null | undefined): string | null =>
	value == null ? null : typeof value === 'string' ? value.slice(0, 10) : utcToRome(value).day;

export async function networkOf(ctx: Ctx, projectId: string): Promise<NetworkView> {
	await authorize(ctx.db, ctx.actor, 'network.read', { projectId });
	return buildNetwork(ctx.db, projectId);
}

/** The network without asking the policy: for callers that already did (exports, benchmarks). */
export async function buildNetwork(db: Db, projectId: string): Promise<NetworkView> {
	const [
		partners,
		vocab,
		districts,
		[dates],
		stored,
		proposals,
		decisions,
		memberOrgs,
		fromCases,
		fromLabs
	] = await Promise.all([
		partnersOf(db, projectId),
		vocabulary(db, projectId),
		projectDistricts(db, projectId),
		db
			.select({ startsOn: project.startsOn, endsOn: project.endsOn })
			.from(project)
			.where(eq(project.id, projectId)),
		db.select().from(networkRelation).where(eq(networkRelation.projectId, projectId)),
		db
			.select({ id: proposal.id, title: proposal.title })
			.from(proposal)
			.where(eq(proposal.projectId, projectId)),
		db
			.select({
				id: decision.id,
				text: decision.text,
				owner: decision.ownerOrganisationId,
				createdAt: decision.createdAt,
				partner: decisionLink.targetId
			})
			.from(decision)
			.innerJoin(decisionLink, eq(decisionLink.decisionId, decision.id))
			.where(
				and(
					eq(decision.projectId, projectId),
					eq(decisionLink.targetType, 'partner'),
					isNotNull(decision.ownerOrganisationId)
				)
			),
		db
			.selectDistinct({ id: membership.organisationId })
			.from(membership)
			.where(and(eq(membership.projectId, projectId), isNotNull(membership.organisationId))),
		caseEdges(db, projectId),
		labEdges(db, projectId)
	]);

	const edges: NetworkEdge[] = [];
	const lead = partners.find((p) => p.role === 'lead');
	for (const p of partners) {
		if (!lead || p.organisationId === lead.organisationId) continue;
		edges.push({
			id: `partnership:${p.organisationId}`,
			source: p.organisationId,
			target: lead.organisationId,
			kind: 'partnership',
			label: p.description.slice(0, 200),
			fromDate: p.fromDate,
			toDate: p.toDate
		});
	}
	for (const r of stored) {
		edges.push({
			id: `relation:${r.id}`,
			source: r.sourceId,
			target: r.targetId,
			kind: r.kind,
			label: r.label,
			fromDate: r.fromDate,
			toDate: r.toDate
		});
	}
	for (const p of proposals) {
		const doc = await readDocument(db, actionsDocumentName(p.id));
		try {
			for (const block of blocksOf(doc)) {
				const who = [
					...new Set([block.responsibleId, ...block.partnerIds].filter((x): x is string => !!x))
				];
				for (let i = 0; i < who.length; i++) {
					for (let j = i + 1; j < who.length; j++) {
						edges.push({
							id: `action:${p.id}:${block.id}:${who[i]}:${who[j]}`,
							source: who[i],
							target: who[j],
							kind: 'co_action',
							label: block.title || p.title,
							fromDate: dates?.startsOn ?? null,
							toDate: dates?.endsOn ?? null
						});
					}
				}
			}
		} finally {
			doc.destroy();
		}
	}
	for (const d of decisions) {
		if (!d.owner || d.owner === d.partner) continue;
		edges.push({
			id: `decision:${d.id}:${d.partner}`,
			source: d.owner,
			target: d.partner,
			kind: 'decision',
			label: d.text.slice(0, 200),
			fromDate: day(d.createdAt),
			toDate: null
		});
	}

	edges.push(...fromCases, ...fromLabs);

	const ids = new Set<string>([
		...partners.map((p) => p.organisationId),
		...memberOrgs.map((m) => m.id).filter((id): id is string => id !== null),
		...edges.flatMap((e) => [e.source, e.target])
	]);
	const orgs =
		ids.size === 0
			? []
			: await db
					.select()
					.from(organisation)
					.where(inArray(organisation.id, [...ids]));
	const byPartner = new Map(partners.map((p) => [p.organisationId, p]));
	const nodes: NetworkNode[] = orgs
		.map((o) => {
			const p = byPartner.get(o.id);
			return {
				id: o.id,
				label: o.shortName ?? o.name,
				name: o.name,
				kind: o.kind,
				role: p?.role ?? null,
				areas: p?.areas ?? [],
				targets: p?.targets ?? [],
				districtIds: p && p.districtIds.length > 0 ? p.districtIds : o.districtIds
			};
		})
		.sort((a, b) => a.label.localeCompare(b.label, 'it'));
	const known = new Set(nodes.map((n) => n.id));
	return {
		nodes,
		// An action block may still name an organisation that was since deleted: drop those ends.
		edges: edges.filter((e) => known.has(e.source) && known.has(e.target)),
		...vocab,
		districts: districts.map(({ id, name }) => ({ id, name })),
		project: { startsOn: dates?.startsOn ?? null, endsOn: dates?.endsOn ?? null }
	};
}
