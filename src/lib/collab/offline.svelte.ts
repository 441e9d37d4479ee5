import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import type { LiveDocument } from './provider.svelte';
import { SUGGESTIONS_ONLY_CLOSE, UPDATE_TOO_COSTLY_CLOSE } from './refusals';

export type SyncState = 'connected' | 'offline' | 'syncing';

/**
 * Keeps a live document in this browser's IndexedDB (y-indexeddb), so a person who loses the
 * connection goes on writing and nothing is lost if the tab closes; on reconnect y-websocket
 * exchanges state vectors and the edits merge. Counts the local changes made while offline, for
 * "offline, N local changes". Only for proposal text: never for case records (personal data
 * must not stay on shared computers).
 */
export class OfflineDocument {
	readonly store: IndexeddbPersistence;
	/** Local changes not yet confirmed by a sync with the server. */
	pending = $state(0);
	// Counted outside the rune: updates arrive inside editor effects, which must not read it.
	private count = 0;
	state = $state<SyncState>('syncing');

	constructor(private live: LiveDocument) {
		this.store = new IndexeddbPersistence(live.documentName, live.doc);
		this.store.on('synced', this.onStored);
		live.doc.on('update', this.onUpdate);
		live.provider.on('sync', this.onSync);
		live.provider.on('status', this.onStatus);
		live.provider.on('closed', this.onClosed);
		this.refresh();
	}

	private onUpdate = (_update: Uint8Array, origin: unknown) => {
		// Updates from the provider or IndexedDB are not this person's new work.
		if (origin === this.live.provider || origin === this.store) return;
		if (!this.live.provider.wsconnected || !this.live.provider.synced) this.pending = ++this.count;
	};

	// A copy kept in this browser is the document as this person last had it: shown as loaded, so
	// a page reopened without a connection (service worker, ADR 0193) is not stuck on "loading".
	private onStored = () => {
		if (this.live.doc.store.clients.size > 0) this.live.loaded = true;
	};

	private onSync = (synced: boolean) => {
		if (synced) this.pending = this.count = 0;
		this.refresh();
	};

	private onStatus = () => this.refresh();

	// The server refused a change this person may not make, or one too costly to integrate: the
	// local copy holds it, and would send it again after a reload. Dropped, so the reload starts
	// from the server's text.
	private onClosed = ({ code }: { code: number }) => {
		if (code === SUGGESTIONS_ONLY_CLOSE || code === UPDATE_TOO_COSTLY_CLOSE) {
			void this.store.clearData();
		}
	};

	private refresh() {
		const provider = this.live.provider;
		this.state = !provider.wsconnected ? 'offline' : provider.synced ? 'connected' : 'syncing';
	}

	destroy() {
		this.live.doc.off('update', this.onUpdate);
		this.store.off('synced', this.onStored);
		this.live.provider.off('sync', this.onSync);
		this.live.provider.off('status', this.onStatus);
		this.live.provider.off('closed', this.onClosed);
		void this.store.destroy();
	}
}

/**
 * Deletes this browser's copy of a document, for a text that became final on the server (approved
 * minutes): an old copy could still hold changes the server will never take, and would show them.
 */
export function forgetOfflineCopy(documentName: string): Promise<void> {
	return clearDocument(documentName);
}
