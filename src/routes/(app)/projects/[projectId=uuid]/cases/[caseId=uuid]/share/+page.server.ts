import { excerptForm } from '$lib/labs/excerpt-form';
import * as excerpts from '$lib/server/labs/excerpts';
import * as view from '$lib/server/cases/view';
import { ForbiddenError } from '$lib/server/errors';
import { loadOrError } from '$lib/server/http/run-endpoint';
import { runAction } from '$lib/server/http/run-action';
import { onCase } from '$lib/server/http/url-resources';
import type { Actions, PageServerLoad } from './$types';

/**
 * Sharing an excerpt of one note with a lab session, without the identity: the record's
 * operators only. `?event=<id>` names the note; without it the page lists the notes to pick.
 */
export const load: PageServerLoad = async ({ locals, params, url }) =>
	loadOrError(async () => {
		const record = await view.get(locals.ctx, params.projectId, params.caseId);
		if (!record.canWrite) throw new ForbiddenError();
		const withNotes = record.events.filter((event) => event.note);
		const chosen = withNotes.find((event) => event.id === url.searchParams.get('event')) ?? null;
		return {
			caseId: record.id,
			pseudonym: record.pseudonym,
			notes: withNotes.map((event) => ({
				id: event.id,
				kind: event.kind,
				occurredOn: event.occurredOn
			})),
			chosen: chosen && {
				id: chosen.id,
				kind: chosen.kind,
				occurredOn: chosen.occurredOn,
				note: chosen.note ?? '',
				excerpt: await excerpts.preview(
					locals.ctx.db,
					record.id,
					record.pseudonym,
					chosen.note ?? ''
				)
			},
			targets: await excerpts.targets(locals.ctx.db, record.id)
		};
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, onCase(event, 'case.write'), excerptForm, async (input) => {
			const { projectId, caseId } = event.params;
			const shared = await excerpts.share(event.locals.ctx, projectId, caseId, input);
			return { done: 'shared' as const, text: shared.text };
		})
};
