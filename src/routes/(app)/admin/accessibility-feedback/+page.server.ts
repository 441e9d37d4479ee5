import { listAccessibilityFeedback } from '$lib/server/legal/accessibility-feedback';
import { loadOrError } from '$lib/server/http/run-endpoint';
import type { PageServerLoad } from './$types';

/** The reports from the accessibility statement's form: the admins' alone. */
export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => ({
		reports: await listAccessibilityFeedback(locals.ctx.db, locals.actor)
	}));
