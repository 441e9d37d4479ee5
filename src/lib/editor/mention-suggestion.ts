import type { AnyExtension } from '@tiptap/core';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import { m } from '$lib/paraglide/messages';
import { MentionNode } from './mention-node';

interface Person {
	id: string;
	name: string;
}
type Chosen = { id: string; label: string };

/** The people the server lets this document mention, by the start of a name (ADR 0180). */
async function whoMayBeMentioned(documentName: string, query: string, signal: AbortSignal) {
	const url = `/api/mentions?document=${encodeURIComponent(documentName)}&q=${encodeURIComponent(query)}`;
	const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
	if (!response.ok) return [];
	const body = (await response.json()) as { people?: Person[] };
	return body.people ?? [];
}

/**
 * The "@" list: a listbox under the caret, moved with the arrow keys, chosen with Enter or
 * Tab, closed with Escape. Plain DOM: it lives inside the editor's plugin, not in a component.
 */
function renderList() {
	let list: HTMLUListElement | null = null;
	let status: HTMLParagraphElement | null = null;
	let props: SuggestionProps<Person, Chosen> | null = null;
	let active = 0;

	function choose(index: number) {
		const person = props?.items[index];
		if (person && props) props.command({ id: person.id, label: person.name });
	}

	function draw() {
		if (!list || !props || !status) return;
		list.replaceChildren(
			...props.items.map((person, index) => {
				const item = document.createElement('li');
				item.id = `mention-option-${person.id}`;
				item.setAttribute('role', 'option');
				item.setAttribute('aria-selected', String(index === active));
				item.textContent = person.name;
				item.addEventListener('mousedown', (event) => {
					event.preventDefault();
					choose(index);
				});
				return item;
			})
		);
		status.textContent =
			props.items.length === 0 ? m.mention_none() : m.mention_count({ count: props.items.length });
		const rect = props.clientRect?.();
		if (rect) {
			list.style.left = `${Math.max(0, Math.min(rect.left, window.innerWidth - 240))}px`;
			list.style.top = `${rect.bottom + window.scrollY + 4}px`;
		}
		list.hidden = props.items.length === 0;
	}

	return {
		onStart(next: SuggestionProps<Person, Chosen>) {
			props = next;
			active = 0;
			list = document.createElement('ul');
			list.className = 'mention-list';
			list.setAttribute('role', 'listbox');
			list.setAttribute('aria-label', m.mention_list_label());
			status = document.createElement('p');
			status.className = 'visually-hidden';
			status.setAttribute('role', 'status');
			document.body.append(list, status);
			draw();
		},
		onUpdate(next: SuggestionProps<Person, Chosen>) {
			props = next;
			active = Math.min(active, Math.max(0, next.items.length - 1));
			draw();
		},
		onKeyDown({ event }: SuggestionKeyDownProps) {
			const count = props?.items.length ?? 0;
			if (event.key === 'Escape') {
				list?.remove();
				list = null;
				return true;
			}
			if (count === 0) return false;
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				active = (active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
				draw();
				return true;
			}
			if (event.key === 'Enter' || event.key === 'Tab') {
				choose(active);
				return true;
			}
			return false;
		},
		onExit() {
			list?.remove();
			status?.remove();
			list = null;
			status = null;
			props = null;
		}
	};
}

/** The mention node with its "@" list, for an editor on `documentName`. */
export function mentionExtension(documentName: string): AnyExtension {
	return MentionNode.configure({
		suggestion: {
			char: '@',
			items: ({ query, signal }) =>
				whoMayBeMentioned(documentName, query, signal).catch(() => [] as Person[]),
			render: renderList
		}
	});
}
