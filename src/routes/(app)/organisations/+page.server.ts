import * as register from '$lib/server/network/register';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	const params = event.url.searchParams;
	const filter = {
		q: params.get('q') ?? '',
		kind: params.get('kind') ?? '',
		districtId: params.get('districtId') ?? ''
	};
	return loadOrError(async () => ({
		filter,
		rows: await register.listRegister(ctx, filter),
		districts: await register.listDistricts(ctx.db)
	}));
};
