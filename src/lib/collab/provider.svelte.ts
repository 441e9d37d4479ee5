import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { presentUsers, type LiveUser, type PresentUser } from './presence';
import { SUGGESTIONS_ONLY_CLOSE, UPDATE_TOO_COSTLY_CLOSE } from './refusals';

export type ConnectionStatus = 'connected' | 'connecting' | 'offline';

export interface LiveDocumentOptions {
	/** `<kind>:<uuid>`, e.g. `notes:<projectId>`; the server checks access for it. */
	documentName: string;
	user: LiveUser;
	/** Defaults to `/collab` on this page's origin (the session cookie goes with it). */
	serverUrl?: string;
}

function defaultServerUrl(): string {
	const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
	return `${scheme}://${location.host}/collab`;
}

/**
 * A live Yjs document in the browser: the doc, its y-websocket connection, and reactive state
 * for the UI (connection status, synced, who is here). One instance can serve several editors
 * (one per XmlFragment `field`), so a proposal can hold all its sections in one document.
 */
export class LiveDocument {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly documentName: string;

	status = $state<ConnectionStatus>('connecting');
	/** True while in step with the server: its whole stored state has arrived. */
	synced = $state(false);
	/** True once the first sync completed: the text shown is the document, not an empty page. */
	loaded = $state(false);
	/** The server closed for good (access revoked, session ended): no reconnection. */
	refused = $state(false);
	/** …because a change was not only this person's suggestions (ADR 0095). */
	refusedSuggestionsOnly = $state(false);
	/** The server refused an update too costly to integrate (4413, ADR 0013). */
	refusedTooCostly = $state(false);
	users = $state<PresentUser[]>([]);

	constructor(options: LiveDocumentOptions) {
		this.documentName = options.documentName;
		// BroadcastChannel off: tabs must not exchange edits behind the server's access checks.
		this.provider = new WebsocketProvider(
			options.serverUrl ?? defaultServerUrl(),
			options.documentName,
			this.doc,
			{ disableBc: true, maxBackoffTime: 10_000 }
		);
		this.provider.awareness.setLocalStateField('user', { ...options.user });
		this.provider.on('status', ({ status }) => {
			this.status = status === 'disconnected' ? 'offline' : status;
		});
		this.provider.on('sync', (synced) => {
			this.synced = synced;
			if (synced) this.loaded = true;
		});
		this.provider.on('closed', ({ code }) => {
			this.refused = true;
			this.refusedSuggestionsOnly = code === SUGGESTIONS_ONLY_CLOSE;
			this.refusedTooCostly = code === UPDATE_TOO_COSTLY_CLOSE;
			this.status = 'offline';
		});
		this.provider.awareness.on('change', this.refreshUsers);
		this.refreshUsers();
		window.addEventListener('offline', this.goOffline);
		window.addEventListener('online', this.goOnline);
	}

	// A dead network is only noticed by the socket after y-websocket's 30 s silence timeout; the
	// browser knows at once. Edits made meanwhile stay in the doc and sync on reconnection.
	private goOffline = () => {
		if (this.refused) return;
		this.provider.disconnect();
		this.status = 'offline';
	};

	private goOnline = () => {
		if (!this.refused) this.provider.connect();
	};

	private refreshUsers = () => {
		const awareness = this.provider.awareness;
		this.users = presentUsers(
			awareness.getStates() as Map<number, Record<string, unknown>>,
			awareness.clientID
		);
	};

	/** Change the name or colour others see (e.g. after the person renames themselves). */
	setUser(user: LiveUser) {
		this.provider.awareness.setLocalStateField('user', { ...user });
	}

	destroy() {
		window.removeEventListener('offline', this.goOffline);
		window.removeEventListener('online', this.goOnline);
		this.provider.awareness.off('change', this.refreshUsers);
		this.provider.destroy();
		this.doc.destroy();
	}
}
