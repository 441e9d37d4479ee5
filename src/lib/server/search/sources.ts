import { sql, type SQL } from 'drizzle-orm';
import type { Action } from '../access/actions';
import type { SearchKind } from '../../search/kinds';

/**
 * Where search across everything looks (ADR 0140). Each source is one registration: the kind,
 * the policy's action for reading it (asked per project of the reader), and a query giving its
 * hits in one shape — kind, id, project_id, parent_id (for the link), title, body (for the
 * snippet), at, rank. `query` is the tsquery, `projects` the uuid[] of projects where the reader
 * may do `read`. Every query uses its table's GIN index. Case records have no source: they are
 * never searchable (ADR 0080).
 */
export interface SearchSource {
	kind: SearchKind;
	read: Action;
	hits(query: SQL, projects: SQL): SQL;
}

/**
 * The matching texts of one live-document kind, found through the GIN index. `offset 0` keeps
 * the planner from walking the project's rows and testing every text (seen in EXPLAIN: 100 ms
 * for no match in 5,000 minutes). The kind is tested on an expression of the name that no
 * index serves: under the C collation (PGlite's) a `like 'minutes:%'` is a range of the primary
 * key, and PGlite's planner walked all 5,000 minutes through it, testing each text (47 ms for no
 * match, where the GIN index answers in under 1 ms).
 */
const matchedTexts = (kind: string, q: SQL) => sql`(
	select ref_id, body, search, updated_at from live_document_text
	where search @@ ${q} and left(document_name, ${kind.length + 1}) = ${kind + ':'} offset 0
)`;

export const SEARCH_SOURCES: readonly SearchSource[] = [
	{
		kind: 'section',
		read: 'proposal.read',
		hits: (q, projects) => sql`
			select 'section' as kind, s.id, p.project_id, p.id as parent_id,
				s.number || '. ' || s.title as title, t.body, t.updated_at as at, ts_rank(t.search, ${q}) as rank
			from ${matchedTexts('section', q)} t
			join proposal_section s on s.id = t.ref_id
			join proposal p on p.id = s.proposal_id
			where p.project_id = any(${projects})`
	},
	{
		kind: 'minutes',
		read: 'governance.read',
		hits: (q, projects) => sql`
			select 'minutes' as kind, m.id, m.project_id, m.body_id as parent_id,
				m.title, t.body, m.starts_at as at, ts_rank(t.search, ${q}) as rank
			from ${matchedTexts('minutes', q)} t
			join meeting m on m.id = t.ref_id
			where m.project_id = any(${projects})`
	},
	{
		kind: 'decision',
		read: 'governance.read',
		hits: (q, projects) => sql`
			select 'decision' as kind, d.id, d.project_id, d.body_id as parent_id,
				d.text as title, d.text || ' ' || d.quote as body, d.created_at as at,
				ts_rank(d.search, ${q}) as rank
			from decision d
			where d.search @@ ${q} and d.project_id = any(${projects})`
	},
	{
		kind: 'action_item',
		read: 'governance.read',
		hits: (q, projects) => sql`
			select 'action_item' as kind, a.id, a.project_id, a.decision_id as parent_id,
				a.title, a.title as body, a.created_at as at, ts_rank(a.search, ${q}) as rank
			from action_item a
			where a.search @@ ${q} and a.project_id = any(${projects})`
	},
	{
		kind: 'lab',
		read: 'lab.read',
		hits: (q, projects) => sql`
			select 'lab' as kind, l.id, l.project_id, null::uuid as parent_id,
				l.title, l.title || ' ' || l.theme as body, l.created_at as at, ts_rank(l.search, ${q}) as rank
			from lab l
			where l.search @@ ${q} and l.project_id = any(${projects})`
	},
	{
		// The register's rule (network/register): an organisation of a project the reader may read.
		kind: 'organisation',
		read: 'network.read',
		hits: (q, projects) => sql`
			select 'organisation' as kind, o.id, present.project_id, null::uuid as parent_id,
				o.name as title, o.name || ' ' || coalesce(o.short_name, '') as body, o.created_at as at,
				ts_rank(o.search, ${q}) as rank
			from organisation o
			join lateral (
				select x.project_id from (
					select pr.project_id from partnership pr where pr.organisation_id = o.id
					union all
					select ms.project_id from membership ms where ms.organisation_id = o.id
				) x where x.project_id = any(${projects}) order by x.project_id limit 1
			) present on true
			where o.search @@ ${q}`
	}
];
