import type { DecorationAttrs } from '@tiptap/pm/view';

interface CaretUser {
	name?: unknown;
	color?: unknown;
}

/** Awareness comes from other clients: only a plain hex colour may reach a style attribute. */
function safeColour(value: unknown): string {
	return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : '#2f475e';
}

/**
 * Another person's caret: a coloured bar with their name. Hidden from screen readers, which
 * would otherwise read the name as part of the text; the presence bar says who is here.
 */
export function renderCaret(user: CaretUser): HTMLElement {
	const colour = safeColour(user.color);
	const caret = document.createElement('span');
	caret.className = 'collab-caret';
	caret.setAttribute('aria-hidden', 'true');
	caret.style.borderColor = colour;
	const label = document.createElement('span');
	label.className = 'collab-caret-label';
	label.style.backgroundColor = colour;
	label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : '';
	caret.append(document.createTextNode('\u2060'), label, document.createTextNode('\u2060'));
	return caret;
}

/** Another person's selection: their colour, translucent so the text stays readable. */
export function renderSelection(user: CaretUser): DecorationAttrs {
	return {
		nodeName: 'span',
		class: 'collab-selection',
		style: `background-color: ${safeColour(user.color)}33`
	};
}
