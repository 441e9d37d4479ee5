import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { accessibilityFeedbackForm } from '$lib/legal/feedback-form';
import { submitAccessibilityFeedback } from '$lib/server/legal/accessibility-feedback';
import { runAction } from '$lib/server/http/run-action';
import { anyone } from '$lib/server/http/url-resources';
import type { Actions } from './$types';

export const actions: Actions = {
	/** The accessibility statement's feedback form; no other legal page takes posts. */
	feedback: (event) => {
		if (event.params.page !== 'accessibility') error(404, { message: m.ui_error_not_found() });
		// Anyone may write to the administration about accessibility, signed in or not (AgID).
		return runAction(event, anyone, accessibilityFeedbackForm, async (input) => {
			await submitAccessibilityFeedback(
				event.locals.ctx.db,
				{ ...input, locale: getLocale() },
				event.getClientAddress()
			);
			return { sent: true as const };
		});
	}
};
