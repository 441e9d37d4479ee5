import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Signed-in people go straight to their projects; everyone else sees the landing page. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, '/projects');
};
