import { search } from '$lib/server/search/search';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { listMine } from '$lib/server/projects/projects';
import { isSearchKind } from '$lib/search/kinds';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Search across everything (ADR 0140): `?q=`, optional `kind`, `projectId` and `page`. */
export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const params = event.url.searchParams;
	const kind = params.get('kind') ?? '';
	const projectId = params.get('projectId') ?? '';
	const filter = {
		q: (params.get('q') ?? '').slice(0, 200),
		kind: isSearchKind(kind) ? kind : undefined,
		projectId: UUID.test(projectId) ? projectId : undefined,
		page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
	};
	return loadOrError(async () => ({
		filter: { ...filter, kind: filter.kind ?? '', projectId: filter.projectId ?? '' },
		projects: (await listMine(ctx)).map((p) => ({ id: p.id, title: p.title })),
		result: filter.q.trim() ? await search(ctx, filter) : null
	}));
};
