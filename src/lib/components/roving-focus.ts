import type { Attachment } from 'svelte/attachments';

/**
 * The ARIA toolbar keyboard pattern for any container of buttons, as an attachment:
 * `<div role="toolbar" {@attach rovingFocus()}>`. One button is in the tab order (the last one
 * used, the first at start); ArrowLeft/ArrowRight move between buttons (wrapping), Home/End
 * jump to the ends. Buttons added later join the pattern.
 */
export function rovingFocus(selector = 'button'): Attachment<HTMLElement> {
	return (container) => {
		let current: HTMLElement | null = null;
		const items = () => [...container.querySelectorAll<HTMLElement>(selector)];

		const normalise = () => {
			const all = items();
			if (!current || !all.includes(current)) current = all[0] ?? null;
			for (const item of all) item.tabIndex = item === current ? 0 : -1;
		};

		const onFocusIn = (event: FocusEvent) => {
			const target = (event.target as HTMLElement).closest<HTMLElement>(selector);
			if (target && container.contains(target)) {
				current = target;
				normalise();
			}
		};

		const onKeyDown = (event: KeyboardEvent) => {
			const all = items();
			if (all.length === 0) return;
			const index = current ? all.indexOf(current) : 0;
			const moves: Record<string, number> = {
				ArrowRight: index + 1,
				ArrowLeft: index - 1,
				Home: 0,
				End: all.length - 1
			};
			if (!(event.key in moves)) return;
			event.preventDefault();
			all[(moves[event.key] + all.length) % all.length].focus();
		};

		normalise();
		const observer = new MutationObserver(normalise);
		observer.observe(container, { childList: true, subtree: true });
		container.addEventListener('focusin', onFocusIn);
		container.addEventListener('keydown', onKeyDown);
		return () => {
			observer.disconnect();
			container.removeEventListener('focusin', onFocusIn);
			container.removeEventListener('keydown', onKeyDown);
		};
	};
}
