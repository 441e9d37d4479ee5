import {
	agreementForm,
	partnerForm,
	removePartnerForm,
	removeTermForm,
	termForm
} from '$lib/network/partnership-form';
import * as partnership from '$lib/server/network/partnership';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { inProject } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	return loadOrError(() => partnership.view(event.locals.ctx, event.params.projectId));
};

export const actions: Actions = {
	agreement: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), agreementForm, async (input) => {
			await partnership.setAgreement(event.locals.ctx, event.params.projectId, input);
			return { done: 'agreement_saved' as const };
		}),
	partner: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), partnerForm, async (input) => {
			await partnership.setPartner(event.locals.ctx, event.params.projectId, input);
			return { done: 'partner_saved' as const };
		}),
	removePartner: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), removePartnerForm, async (input) => {
			await partnership.removePartner(
				event.locals.ctx,
				event.params.projectId,
				input.organisationId
			);
			return { done: 'partner_removed' as const };
		}),
	term: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), termForm, async (input) => {
			await partnership.addTerm(event.locals.ctx, event.params.projectId, input);
			return { done: 'term_added' as const };
		}),
	removeTerm: (event) =>
		runAction(event, inProject(event, 'partnership.manage'), removeTermForm, async (input) => {
			await partnership.removeTerm(event.locals.ctx, event.params.projectId, input);
			return { done: 'term_removed' as const };
		})
};
