import { eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { decide, type Grant } from '../access/policy';
import { membership } from '../db/schema';
import { UnauthorizedError } from '../errors';
import { MATCH_END, MATCH_START, type SearchKind } from '../../search/kinds';
import { searchQuery } from './text-query';
import { SEARCH_SOURCES } from './sources';
import { onIndexes } from './on-indexes';

/**
 * Search across everything (ADR 0140): one query over every registered source, limited to the
 * projects where the policy lets the reader read that kind, best matches first, with a
 * highlighted snippet of each.
 */

export const PAGE_SIZE = 20;

/**
 * Matches ranked per kind, at most: ranking reads every match's vector, so a word found in
 * thousands of minutes would cost seconds. Beyond this, the best of the first matches the index
 * yields are shown — a broad word then needs a second word or a filter (ADR 0140).
 */
const CANDIDATES_PER_KIND = 200;

export interface SearchFilter {
	q: string;
	kind?: SearchKind;
	projectId?: string;
	/** 1-based. */
	page?: number;
}

export interface SearchHit {
	kind: SearchKind;
	id: string;
	projectId: string;
	projectTitle: string;
	parentId: string | null;
	title: string;
	/** Plain text with matches between MATCH_START and MATCH_END. */
	snippet: string;
}

export interface SearchResult {
	hits: SearchHit[];
	/** Whether a next page exists. */
	more: boolean;
}

/** Snippets: two fragments of about 20 words, matches marked with control characters. */
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;

async function grantsOf(ctx: Ctx, personId: string): Promise<Map<string, Grant>> {
	const rows = await ctx.db
		.select({
			projectId: membership.projectId,
			role: membership.role,
			organisationId: membership.organisationId,
			personId: membership.personId
		})
		.from(membership)
		.where(eq(membership.personId, personId));
	return new Map(rows.map(({ projectId, ...grant }) => [projectId, grant]));
}

/** uuid[] literal of ids, sent as one parameter. */
const uuidArray = (ids: string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The one statement a search runs, or null when nothing can match (nothing searchable typed, no
 * readable project): apart so the benchmark can EXPLAIN exactly what the page runs.
 */
export async function searchStatement(ctx: Ctx, filter: SearchFilter): Promise<SQL | null> {
	if (!ctx.actor) throw new UnauthorizedError();
	const tsquery = searchQuery(filter.q);
	if (!tsquery) return null;
	const grants = await grantsOf(ctx, ctx.actor.id);
	const projectIds = [...grants.keys()].filter(
		(id) => !filter.projectId || id === filter.projectId
	);
	const parts: SQL[] = [];
	for (const source of SEARCH_SOURCES) {
		if (filter.kind && source.kind !== filter.kind) continue;
		// The policy decides per project; reading these kinds depends on the role alone.
		const readable = projectIds.filter((id) =>
			decide(grants.get(id)!, source.read, { projectId: id })
		);
		if (readable.length === 0) continue;
		const hits = source.hits(tsquery, uuidArray(readable));
		parts.push(sql`(select * from (${hits}) candidates limit ${CANDIDATES_PER_KIND})`);
	}
	if (parts.length === 0) return null;
	const page = Math.max(1, Math.min(filter.page ?? 1, 50));
	return sql`select hits.kind, hits.id, hits.project_id, project.title as project_title, hits.parent_id,
				hits.title, ts_headline('tavolo_it', hits.body, ${tsquery}, ${HEADLINE}) as snippet
			from (
				select * from (${sql.join(parts, sql` union all `)}) found
				order by rank desc, at desc, id
				limit ${PAGE_SIZE + 1} offset ${(page - 1) * PAGE_SIZE}
			) hits
			join project on project.id = hits.project_id
			order by hits.rank desc, hits.at desc, hits.id`;
}

export async function search(ctx: Ctx, filter: SearchFilter): Promise<SearchResult> {
	const statement = await searchStatement(ctx, filter);
	if (!statement) return { hits: [], more: false };
	const rows = await onIndexes<{
		kind: SearchKind;
		id: string;
		project_id: string;
		project_title: string;
		parent_id: string | null;
		title: string;
		snippet: string;
	}>(ctx.db, statement);
	return {
		hits: rows.slice(0, PAGE_SIZE).map((row) => ({
			kind: row.kind,
			id: row.id,
			projectId: row.project_id,
			projectTitle: row.project_title,
			parentId: row.parent_id,
			title: row.title,
			snippet: row.snippet
		})),
		more: rows.length > PAGE_SIZE
	};
}
