import { referralForm, referralWithdrawForm } from '$lib/cases/referral-form';
import * as referrals from '$lib/server/cases/referrals';
import * as view from '$lib/server/cases/view';
import { caseRecord } from '$lib/server/db/schema';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onCase } from '$lib/server/http/url-resources';
import { ForbiddenError } from '$lib/server/errors';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

/** Referring a person to another organisation: the record's operators, on a page of its own. */
export const load: PageServerLoad = async ({ locals, params }) =>
	loadOrError(async () => {
		const record = await view.get(locals.ctx, params.projectId, params.caseId);
		if (!record.canRefer) throw new ForbiddenError();
		const [owner] = await locals.ctx.db
			.select({ organisationId: caseRecord.organisationId })
			.from(caseRecord)
			.where(eq(caseRecord.id, record.id));
		return {
			caseId: record.id,
			pseudonym: record.pseudonym,
			erased: record.erasedAt !== null,
			targets: await referrals.referralTargets(
				locals.ctx.db,
				params.projectId,
				owner.organisationId
			),
			sent: await referrals.sentFor(locals.ctx.db, record.id)
		};
	});

export const actions: Actions = {
	refer: (event) =>
		runAction(event, onCase(event, 'case.refer'), referralForm, async (input) => {
			const { projectId, caseId } = event.params;
			await referrals.refer(event.locals.ctx, projectId, caseId, input);
			return { done: 'referred' as const };
		}),
	withdraw: (event) =>
		runAction(event, onCase(event, 'case.refer'), referralWithdrawForm, async (input) => {
			const { projectId, caseId } = event.params;
			await referrals.withdraw(event.locals.ctx, projectId, caseId, input);
			return { done: 'withdrawn' as const };
		})
};
