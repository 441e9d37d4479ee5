import type { LayoutServerLoad } from './$types';

/** What every page's shell needs: who is signed in (name only) and the body's footer links. */
export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.actor;
	return {
		person: actor ? { id: actor.id, name: actor.name } : null,
		links: locals.runtime.config.links
	};
};
