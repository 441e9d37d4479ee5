import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

/**
 * Default legal pages, used when the body has not configured its own links (LINK_* variables).
 * Texts live in messages so they follow the language switch.
 */
const PAGES = {
	accessibility: () => ({
		title: m.legal_accessibility_title(),
		paragraphs: [
			m.legal_accessibility_p1(),
			m.legal_accessibility_p2(),
			m.legal_accessibility_p3()
		],
		note: m.legal_accessibility_note()
	}),
	privacy: () => ({
		title: m.legal_privacy_title(),
		paragraphs: [m.legal_privacy_p1(), m.legal_privacy_p2(), m.legal_privacy_p3()],
		note: m.legal_privacy_note()
	}),
	notes: () => ({
		title: m.legal_notes_title(),
		paragraphs: [m.legal_notes_p1(), m.legal_notes_p2()],
		note: m.legal_notes_note()
	})
};

export const load: PageLoad = ({ params }) => {
	const page = Object.hasOwn(PAGES, params.page)
		? PAGES[params.page as keyof typeof PAGES]
		: undefined;
	if (!page) error(404, { message: m.ui_error_not_found() });
	return page();
};
