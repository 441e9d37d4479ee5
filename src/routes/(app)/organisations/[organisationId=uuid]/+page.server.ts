import { contactForm, organisationForm, removeContactForm } from '$lib/network/organisation-form';
import * as register from '$lib/server/network/register';
import { requireActor } from '$lib/server/http/require-actor';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onOrganisation } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const { ctx } = event.locals;
	return loadOrError(async () => {
		const card = await register.getCard(ctx, event.params.organisationId);
		return {
			card,
			districts: card.canEdit ? await register.listDistricts(ctx.db) : []
		};
	});
};

export const actions: Actions = {
	update: (event) =>
		runAction(event, onOrganisation(event), organisationForm, async (input) => {
			await register.updateCard(event.locals.ctx, event.params.organisationId, input);
			return { done: 'updated' as const };
		}),
	contact: (event) =>
		runAction(event, onOrganisation(event), contactForm, async (input) => {
			await register.addContact(event.locals.ctx, event.params.organisationId, input);
			return { done: 'contact_added' as const };
		}),
	removeContact: (event) =>
		runAction(event, onOrganisation(event), removeContactForm, async (input) => {
			await register.removeContact(event.locals.ctx, event.params.organisationId, input.contactId);
			return { done: 'contact_removed' as const };
		})
};
