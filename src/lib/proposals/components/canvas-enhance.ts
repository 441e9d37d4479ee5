import { enhance } from '$app/forms';
import type { CanvasDocument } from '$lib/proposals/editor/section-live.svelte';

export interface CanvasEnhanceOptions {
	/** The live document whose readers are told to reload after a success. */
	document?: CanvasDocument | null;
	onDone?: () => void;
}

/**
 * Canvas forms submit without a page reload; after a success the page data reloads and the
 * other open canvases are pinged, so a comment or status change shows for everyone at once.
 * A failure keeps the form as typed and shows the translated message (the page's `form`).
 */
export function canvasEnhance(form: HTMLFormElement, options: CanvasEnhanceOptions = {}) {
	return enhance(form, () => async ({ result, update }) => {
		await update({ reset: result.type === 'success' });
		if (result.type === 'success') {
			options.document?.announceChange();
			options.onDone?.();
		}
	});
}
