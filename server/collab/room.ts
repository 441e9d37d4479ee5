import * as Y from 'yjs';
import type { Logger } from '$lib/server/log/logger';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { suggestionRulesFor } from '$lib/server/live-kinds';
import { AppendLedger } from './append-ledger';
import { Presence } from './presence';
import { SuggestGuard } from './suggest-guard';
import { SuggestionWatch, type SuggestionsDecided } from './suggestion-watch';
import { encodeUpdate, type ClientMessage } from './protocol';
import { SyncFrames } from './sync-frames';
import { admitUpdate } from './update-checks';
import type { Reach } from './update-dependencies';
import { ACCEPT, enforce, refuse, type Verdict } from './verdict';

/** Origin of updates that were stored elsewhere (another instance, domain code, the load). */
export const STORED_ELSEWHERE = Symbol('stored elsewhere');

const COMPACT_DELAY_MS = 1_000;

export interface RoomOptions {
	persistence: Persistence;
	fanout: Fanout;
	log: Logger;
	/** Compact in the background once this many updates were appended since the snapshot. */
	compactAfter: number;
	/** Told when a direct edit accepted or rejected other people's suggestions (notifications). */
	onSuggestionsDecided?: SuggestionsDecided;
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
	/** The appends in flight, which every check that looks ahead shares. */
	readonly ledger = new AppendLedger(this.doc);
	readonly suggestions: SuggestGuard;
	private readonly frames = new SyncFrames(this.doc);
	private readonly watch: SuggestionWatch | null;
	/** Set while the watch applies an editor's update itself, so it does not forget its reading. */
	private watching = false;
	readonly ready: Promise<void>;
	private loaded = false;
	private failed = false;
	private waiting: (() => void)[] = [];
	private sinceCompaction = 0;
	private compacting: Promise<void> | null = null;
	private compactTimer: NodeJS.Timeout | undefined;
	private readonly unsubscribe: () => void;

	/**
	 * The document as stored, once loaded: every update reaches `doc` only after it was stored
	 * (here or by another instance), so readers of the stored text may read it here.
	 */
	get storedDocument(): Y.Doc | undefined {
		return this.loaded ? this.doc : undefined;
	}

	constructor(
		readonly name: string,
		private readonly options: RoomOptions
	) {
		const rules = suggestionRulesFor(name);
		this.suggestions = new SuggestGuard(this.doc, this.ledger, rules);
		this.watch =
			rules && options.onSuggestionsDecided
				? new SuggestionWatch(name, this.doc, rules, options.onSuggestionsDecided)
				: null;
		if (this.watch) this.doc.on('update', this.forgetUnwatched);
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
			connection.send(this.frames.step1());
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
			let verdict: Verdict;
			try {
				verdict = this.handle(connection, message);
			} catch (error) {
				this.options.log.warn({ err: error, document: this.name }, 'collab message failed');
				verdict = refuse(CloseCode.InvalidMessage, 'message failed', 'invalid message');
			}
			enforce(this.options.log, connection, verdict);
		});
	}

	/** Acts on a message its checks admit; what they object to is carried out by receive(). */
	private handle(connection: Connection, message: ClientMessage): Verdict {
		switch (message.type) {
			case 'sync-step-1':
				connection.send(this.frames.step2(message.stateVector));
				return ACCEPT;
			case 'sync-step-2':
			case 'update': {
				if (message.type === 'sync-step-2') connection.answeredSync = true;
				const verdict = admitUpdate(connection, message, this);
				if (verdict.kind !== 'accept') return verdict;
				this.accept(connection, message.update, verdict.reach);
				return ACCEPT;
			}
			case 'awareness':
				return this.presence.apply(connection, message.update);
			case 'query-awareness':
				this.presence.greet(connection);
				return ACCEPT;
		}
	}

	/** An update already stored by domain code in this process. */
	applyStored(update: Uint8Array): void {
		this.whenLoaded(() => this.integrate(update, STORED_ELSEWHERE));
	}

	/** Stored first, relayed after: a client never holds what a crash could lose. */
	private accept(connection: Connection, update: Uint8Array, reach: Reach): void {
		const append = { update, reach };
		this.ledger.add(append);
		void this.options.persistence
			.append(this.name, update, connection.actor.id)
			.then(
				() => {
					this.integrateFrom(connection, update);
					this.options.fanout.publishUpdate(this.name, update);
					this.sinceCompaction++;
					this.compactIfDue();
				},
				(error: unknown) => {
					this.options.log.error({ err: error, document: this.name }, 'collab append failed');
					enforce(this.options.log, connection, refuse(CloseCode.StorageFailed, 'storage failed'));
				}
			)
			.finally(() => this.ledger.settle(append));
	}

	/** A writer's update goes through the suggestion watch; anyone else's straight in. */
	private integrateFrom(connection: Connection, update: Uint8Array): void {
		if (!this.watch || connection.permission !== 'write') {
			this.integrate(update, connection);
			return;
		}
		let applied = false;
		const apply = () => {
			applied = true;
			this.integrate(update, connection);
		};
		try {
			this.watching = true;
			this.watch.editorUpdate(update, connection.actor.id, apply);
		} catch (error) {
			// Notifications never cost an edit: the update goes in whatever the watch did.
			this.watch.forget();
			this.options.log.warn({ err: error, document: this.name }, 'suggestion watch failed');
		} finally {
			this.watching = false;
		}
		if (!applied) this.integrate(update, connection);
	}

	private readonly forgetUnwatched = () => {
		if (!this.watching) this.watch?.forget();
	};

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
	 * Due compactions wait a moment on a timer: a compaction started right after a load would
	 * keep the freshly upgraded sockets from even being flushed until it is done — with
	 * PGLITE_WORKER=false PGlite runs in this thread and answers through microtasks only, and in
	 * its worker (ADR 0212) the merge and the parsing of its rows still run here.
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
		return this.ledger.settled();
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
		this.suggestions.destroy();
		this.doc.off('update', this.forgetUnwatched);
		this.presence.destroy();
		this.frames.destroy();
		this.doc.destroy();
	}
}
