import * as records from '$lib/server/cases/records';
import * as referrals from '$lib/server/cases/referrals';
import { referralDecisionForm } from '$lib/cases/referral-form';
import { can } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/**
 * The records the person may read, by pseudonym only, a page at a time; the list never joins
 * identities. Referrals
 * received by the operator's organisation wait above it, by pseudonym and reason.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { ctx } = locals;
	// One page of records at a time, found by part of the pseudonym: the URL holds both.
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const page = Number(url.searchParams.get('page') ?? 0) || 0;
	return loadOrError(async () => ({
		...(await records.listPage(ctx, params.projectId, { search, page })),
		search,
		received: await referrals.received(ctx, params.projectId),
		canCreate: await records.canCreate(ctx, params.projectId),
		canAudit: await can(ctx.db, ctx.actor, 'audit.read', { projectId: params.projectId })
	}));
};

export const actions: Actions = {
	accept: (event) =>
		runAction(
			event,
			inProject(event, 'case.referral_decide'),
			referralDecisionForm,
			async (input) => {
				await referrals.decide(event.locals.ctx, event.params.projectId, input, true);
				return { done: 'accepted' as const };
			}
		),
	decline: (event) =>
		runAction(
			event,
			inProject(event, 'case.referral_decide'),
			referralDecisionForm,
			async (input) => {
				await referrals.decide(event.locals.ctx, event.params.projectId, input, false);
				return { done: 'declined' as const };
			}
		)
};
