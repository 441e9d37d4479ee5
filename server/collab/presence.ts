import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { guardAwareness } from './awareness-guard';
import { Connection } from './connection';
import { encodeAwareness } from './protocol';
import { ACCEPT, type Verdict } from './verdict';

const FROM_ANOTHER_INSTANCE = Symbol('another instance');

interface AwarenessChange {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * Who is here: the room's awareness. Read-only members take part too (seeing that an observer
 * is reading is the point of presence). Each socket's client ids are remembered so that its
 * states vanish when it closes.
 */
export class Presence {
	readonly awareness: awarenessProtocol.Awareness;

	constructor(
		doc: Y.Doc,
		private readonly connections: ReadonlySet<Connection>,
		private readonly publish: (update: Uint8Array) => void
	) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		// The server itself is nobody: it has no state of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.relay);
	}

	/** Everyone present, for a client that just arrived or asked. */
	greet(connection: Connection): void {
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length === 0) return;
		connection.send(
			encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
		);
	}

	/** Applies what the guard keeps of a client's presence; its refusals go back to the room. */
	apply(connection: Connection, update: Uint8Array): Verdict {
		const guarded = guardAwareness(this.awareness, connection, update);
		if (guarded.kind !== 'accept') return guarded;
		if (guarded.update) {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded.update, connection);
		}
		return ACCEPT;
	}

	applyRemote(update: Uint8Array): void {
		awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_ANOTHER_INSTANCE);
	}

	forget(connection: Connection): void {
		awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
	}

	destroy(): void {
		this.awareness.off('update', this.relay);
		this.awareness.destroy();
	}

	private readonly relay = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
		if (origin instanceof Connection) {
			for (const id of added) origin.awarenessIds.add(id);
			for (const id of removed) origin.awarenessIds.delete(id);
		}
		const changed = [...added, ...updated, ...removed];
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
		const frame = encodeAwareness(update);
		for (const connection of this.connections) connection.send(frame);
		if (origin !== FROM_ANOTHER_INSTANCE) this.publish(update);
		// Someone new on another instance: it may have loaded the room after our clients last
		// announced themselves, so tell it who is here rather than wait for their renewal.
		else if (added.length > 0) this.announceLocal();
	};

	private announceLocal(): void {
		const states = this.awareness.getStates();
		const local = [...this.connections].flatMap((c) => [...c.awarenessIds]);
		const present = local.filter((id) => states.has(id));
		if (present.length > 0) {
			this.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present));
		}
	}
}
