import * as Y from 'yjs';
import type { Logger } from '$lib/server/log/logger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { Presence } from './presence';
import { SuggestGuard } from './suggest-guard';
import {
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	type ClientMessage,
	type SyncUpdate
} from './protocol';
import { MISSING_CONTENT, reachWhenIntegrated, type Reach } from './update-dependencies';

/** Origin of updates that were stored elsewhere (another instance, domain code, the load). */
export const STORED_ELSEWHERE = Symbol('stored elsewhere');

const COMPACT_DELAY_MS = 1_000;

/** A client with nothing new answers the sync with this: no structs, no deletions. */
const isEmptyUpdate = (update: Uint8Array) =>
	update.length === 2 && update[0] === 0 && update[1] === 0;

export interface RoomOptions {
	persistence: Persistence;
	fanout: Fanout;
	log: Logger;
	/** Compact in the background once this many updates were appended since the snapshot. */
	compactAfter: number;
	onEmpty(room: Room): void;
	onFailed(room: Room): void;
}

/**
 * One live document in memory while someone has it open: the Y.Doc, its connections and
 * presence. Until the stored document is loaded, everything that arrives waits in line, so a
 * client hears "synced" only from a complete document.
 */
export class Room {
	readonly doc = new Y.Doc();
	readonly connections = new Set<Connection>();
	readonly presence: Presence;
	private readonly suggestions: SuggestGuard;
	readonly ready: Promise<void>;
	private loaded = false;
	private failed = false;
	private waiting: (() => void)[] = [];
	/**
	 * One entry per append in flight (being stored, not yet integrated): what it will add to the
	 * doc. Its size is the number of appends the room is waiting for.
	 */
	private readonly inFlight = new Set<Reach>();
	private idle: (() => void)[] = [];
	private sinceCompaction = 0;
	private compacting: Promise<void> | null = null;
	private compactTimer: NodeJS.Timeout | undefined;
	private readonly unsubscribe: () => void;

	constructor(
		readonly name: string,
		private readonly options: RoomOptions
	) {
		this.suggestions = new SuggestGuard(this.doc, options.log);
		this.presence = new Presence(this.doc, this.connections, (update) =>
			options.fanout.publishAwareness(name, update)
		);
		this.unsubscribe = options.fanout.subscribeDocument(name, (message) =>
			this.whenLoaded(() =>
				message.type === 'update'
					? this.integrate(message.update, STORED_ELSEWHERE)
					: this.presence.applyRemote(message.update)
			)
		);
		this.ready = this.load();
	}

	join(connection: Connection): void {
		this.connections.add(connection);
		this.whenLoaded(() => {
			connection.send(encodeSyncStep1(this.doc));
			this.presence.greet(connection);
		});
	}

	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		this.presence.forget(connection);
		if (this.connections.size === 0) this.options.onEmpty(this);
	}

	receive(connection: Connection, message: ClientMessage): void {
		this.whenLoaded(() => {
			if (connection.closed) return;
			try {
				this.handle(connection, message);
			} catch (error) {
				this.options.log.warn({ err: error, document: this.name }, 'collab message failed');
				connection.close(CloseCode.InvalidMessage, 'invalid message');
			}
		});
	}

	private handle(connection: Connection, message: ClientMessage): void {
		switch (message.type) {
			case 'sync-step-1':
				return connection.send(encodeSyncStep2(this.doc, message.stateVector));
			case 'sync-step-2':
			case 'update': {
				if (message.type === 'sync-step-2') connection.answeredSync = true;
				// Read-only: dropped here, so never applied, stored or relayed.
				if (!connection.canWrite || isEmptyUpdate(message.update)) return;
				const reach = message.reach ?? this.reachOf(message);
				if (!reach) return this.refuseIncomplete(connection);
				// Suggest-only: their own suggestions or nothing (ADR 0095).
				if (connection.permission === 'suggest') {
					if (!this.suggestions.allows(connection, message.update)) return;
				}
				return this.accept(connection, message.update, reach);
			}
			case 'awareness':
				return this.presence.apply(connection, message.update);
			case 'query-awareness':
				return this.presence.greet(connection);
		}
	}

	/** An update already stored by domain code in this process. */
	applyStored(update: Uint8Array): void {
		this.whenLoaded(() => this.integrate(update, STORED_ELSEWHERE));
	}

	/** Small updates are checked here; large ones were tried in a worker and carry their reach. */
	private reachOf({ update, decoded }: SyncUpdate): Reach | null {
		return reachWhenIntegrated(update, decoded ?? Y.decodeUpdate(update), this.held);
	}

	/** The clock below which the room has all of a client's content, or will once appended. */
	private readonly held = (client: number): number => {
		let clock = Y.getState(this.doc.store, client);
		for (const reach of this.inFlight) clock = Math.max(clock, reach.get(client) ?? 0);
		return clock;
	};

	/**
	 * An update depending on content the room lacks and will not receive (ADR 0014). Before its
	 * sync step 2, a client may send one that builds on its offline edits: that step 2 carries
	 * it again with them, so it is only dropped. After it, the update is refused like a trial's.
	 */
	private refuseIncomplete(connection: Connection): void {
		const context = { document: this.name, person: connection.actor.id, reason: MISSING_CONTENT };
		if (!connection.answeredSync) {
			this.options.log.debug(context, 'collab update dropped before the sync');
			return;
		}
		this.options.log.warn(context, 'collab message refused');
		connection.close(CloseCode.UpdateTooCostly, MISSING_CONTENT);
	}

	/** Stored first, relayed after: a client never holds what a crash could lose. */
	private accept(connection: Connection, update: Uint8Array, reach: Reach): void {
		this.inFlight.add(reach);
		void this.options.persistence
			.append(this.name, update, connection.actor.id)
			.then(
				() => {
					this.integrate(update, connection);
					this.options.fanout.publishUpdate(this.name, update);
					this.sinceCompaction++;
					this.compactIfDue();
				},
				(error: unknown) => {
					this.options.log.error({ err: error, document: this.name }, 'collab append failed');
					connection.close(CloseCode.StorageFailed, 'storage failed');
				}
			)
			.finally(() => {
				this.inFlight.delete(reach);
				if (this.inFlight.size === 0) for (const resolve of this.idle.splice(0)) resolve();
			});
	}

	private integrate(update: Uint8Array, origin: unknown): void {
		try {
			Y.applyUpdate(this.doc, update, origin);
		} catch (error) {
			this.options.log.error({ err: error, document: this.name }, 'collab update not applicable');
		}
	}

	private readonly relay = (update: Uint8Array, origin: unknown) => {
		const frame = encodeUpdate(update);
		for (const connection of this.connections) {
			if (connection !== origin) connection.send(frame);
		}
	};

	private async load(): Promise<void> {
		try {
			const updates = await this.options.persistence.load(this.name);
			this.doc.transact(() => {
				for (const update of updates) this.integrate(update, STORED_ELSEWHERE);
			}, STORED_ELSEWHERE);
			this.forgetPending();
			this.sinceCompaction = updates.length;
		} catch (error) {
			this.options.log.error({ err: error, document: this.name }, 'collab load failed');
			this.failed = true;
			this.waiting = [];
			for (const connection of this.connections) {
				connection.close(CloseCode.StorageFailed, 'document could not be loaded');
			}
			this.options.onFailed(this);
			return;
		}
		this.doc.on('update', this.relay);
		this.loaded = true;
		for (const run of this.waiting.splice(0)) run();
		this.compactIfDue();
	}

	/**
	 * A document stored before ADR 0014 may hold content depending on content never stored. It
	 * can never be integrated (what is stored since is complete), Yjs would retry it at every
	 * update, and every client would get it in its sync step 2 and send it back in its own step 2
	 * after a reconnection, to be refused. So the room leaves it out.
	 */
	private forgetPending(): void {
		const { store } = this.doc;
		if (!store.pendingStructs && !store.pendingDs) return;
		this.options.log.warn(
			{ document: this.name },
			'collab stored content depends on missing content: left out'
		);
		store.pendingStructs = null;
		store.pendingDs = null;
	}

	private whenLoaded(run: () => void): void {
		if (this.loaded) run();
		else if (!this.failed) this.waiting.push(run);
	}

	/**
	 * Due compactions wait a moment on a timer: PGlite runs in this thread and answers through
	 * microtasks only, so a compaction started right after a load would keep the freshly
	 * upgraded sockets from even being flushed until it is done.
	 */
	private compactIfDue(): void {
		if (this.sinceCompaction < this.options.compactAfter || this.compactTimer) return;
		this.compactTimer = setTimeout(() => {
			this.compactTimer = undefined;
			void this.compact();
		}, COMPACT_DELAY_MS);
		this.compactTimer.unref();
	}

	/** Background compaction, one at a time per room; a failure only delays it. */
	private compact(): Promise<void> {
		this.compacting ??= (async () => {
			const counted = this.sinceCompaction;
			try {
				await this.options.persistence.compact(this.name);
				this.sinceCompaction -= counted;
			} catch (error) {
				this.options.log.warn({ err: error, document: this.name }, 'collab compaction failed');
			} finally {
				this.compacting = null;
			}
		})();
		return this.compacting;
	}

	/** Resolves once no append of this room is in flight. */
	settled(): Promise<void> {
		if (this.inFlight.size === 0) return Promise.resolve();
		return new Promise((resolve) => this.idle.push(resolve));
	}

	/** After the last client left: every append done, then compacted if anything changed. */
	async flush(): Promise<void> {
		clearTimeout(this.compactTimer);
		this.compactTimer = undefined;
		await this.settled();
		await this.compacting;
		if (this.loaded && this.sinceCompaction > 0) await this.compact();
	}

	destroy(): void {
		clearTimeout(this.compactTimer);
		this.unsubscribe();
		this.presence.destroy();
		this.doc.destroy();
	}
}
