import * as records from '$lib/server/cases/records';
import { can } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** The records the person may read, by pseudonym only; the list never joins identities. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { ctx } = locals;
	return loadOrError(async () => ({
		cases: await records.list(ctx, params.projectId),
		canCreate: await records.canCreate(ctx, params.projectId),
		canAudit: await can(ctx.db, ctx.actor, 'audit.read', { projectId: params.projectId })
	}));
};
