import { unreadCount } from '$lib/server/notifications/inbox';
import type { LayoutServerLoad } from './$types';

/**
 * What every page's shell needs: who is signed in (name, and whether an administrator), their unread notifications
 * for the bell, and the body's footer links.
 */
export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return {
		person: actor
			? {
					id: actor.id,
					name: actor.name,
					isAdmin: actor.isAdmin,
					unread: await unreadCount(locals.ctx.db, actor.id)
				}
			: null,
		links: locals.runtime.config.links
	};
};
