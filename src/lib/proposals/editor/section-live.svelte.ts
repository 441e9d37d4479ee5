import { LiveDocument } from '$lib/collab/provider.svelte';
import { OfflineDocument } from '$lib/collab/offline.svelte';
import { presentUsers, type LiveUser, type PresentUser } from '$lib/collab/presence';
import { ACCESS_CHANGED_CLOSE } from '$lib/collab/refusals';

type States = Map<number, Record<string, unknown>>;

/**
 * One live document of the canvas (a section's text, or the action blocks) with what the
 * canvas adds to the plain LiveDocument: offline copy, who is writing in it now (awareness
 * field `section`), and a "something changed, reload" ping (awareness field `changedAt`) that
 * tells every open canvas to reload comments, statuses and locks at once (ADR 0092).
 */
export class CanvasDocument {
	readonly live: LiveDocument;
	readonly offline: OfflineDocument;
	/** People whose cursor is in this document now. */
	here = $state<PresentUser[]>([]);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
	private seen = new Map<number, number>();
	/** The server closed for an access change: reload once the document is in step again. */
	private accessChanged = false;

	constructor(
		readonly id: string,
		documentName: string,
		user: LiveUser,
		private onRemoteChange: () => void
	) {
		this.live = new LiveDocument({ documentName, user });
		this.offline = new OfflineDocument(this.live);
		this.live.provider.awareness.on('change', this.onAwareness);
		this.live.provider.on('connection-close', this.onClose);
		this.live.provider.on('sync', this.onSync);
	}

	/*
	 * An owners change (or a lock) changes the access of some open canvases: the server closes
	 * their socket (4001) and they reconnect. The awareness ping announcing the change may reach
	 * them during that gap, or be taken for the state they already had (y-protocols keeps the
	 * clock of a state it dropped on disconnect). Their own closing is the surer sign: it says
	 * their owners or mode changed, so they reload as soon as they are in step again (issue 14).
	 */
	private onClose = (event: CloseEvent | null) => {
		if (event?.code === ACCESS_CHANGED_CLOSE) this.accessChanged = true;
	};

	private onSync = (synced: boolean) => {
		if (!synced || !this.accessChanged) return;
		this.accessChanged = false;
		this.onRemoteChange();
	};

	private onAwareness = () => {
		const awareness = this.live.provider.awareness;
		const states = awareness.getStates() as States;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throwaway filter
		const focused: States = new Map([...states].filter(([, state]) => state.section === this.id));
		this.here = presentUsers(focused, awareness.clientID);
		let changed = false;
		for (const [clientId, state] of states) {
			if (clientId === awareness.clientID) continue;
			// A person seen for the first time sets the baseline: only later pings reload.
			const at = typeof state.changedAt === 'number' ? state.changedAt : 0;
			const before = this.seen.get(clientId);
			if (before !== undefined && at > before) changed = true;
			this.seen.set(clientId, at);
		}
		if (changed) this.onRemoteChange();
	};

	/** The person's cursor entered (or left) this document. */
	setFocused(focused: boolean) {
		this.live.provider.awareness.setLocalStateField('section', focused ? this.id : null);
	}

	/** After a comment, status or lock change: others reload what they show. */
	announceChange() {
		this.live.provider.awareness.setLocalStateField('changedAt', Date.now());
	}

	destroy() {
		this.live.provider.awareness.off('change', this.onAwareness);
		this.live.provider.off('connection-close', this.onClose);
		this.live.provider.off('sync', this.onSync);
		this.offline.destroy();
		this.live.destroy();
	}
}
