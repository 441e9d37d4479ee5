import type WebSocket from 'ws';
import type { Logger } from '$lib/server/log/logger';
import { CloseCode } from './close-codes';
import { Connection } from './connection';
import type { Fanout } from './fanout';
import type { Persistence } from './persistence';
import { ProtocolError } from './protocol';
import { Room } from './room';
import type { SuggestionsDecided } from './suggestion-watch';
import type { UpdateBudget } from './update-budget';
import { enforce, refuse } from './verdict';

export interface RoomsOptions {
	persistence: Persistence;
	fanout: Fanout;
	log: Logger;
	idleMs: number;
	maxClientsPerDocument: number;
	compactAfter: number;
	updateBudget: UpdateBudget;
	onSuggestionsDecided?: SuggestionsDecided;
}

const HEARTBEAT_MS = 30_000;

/**
 * The rooms of this process: a room is created on the first connection to a document and
 * unloaded `idleMs` after the last one leaves, once its appends are done (then compacted).
 */
export class Rooms {
	private readonly rooms = new Map<string, Room>();
	private readonly reserved = new Map<string, number>();
	private readonly idleTimers = new Map<string, NodeJS.Timeout>();
	private readonly unloading = new Set<Promise<void>>();
	private readonly heartbeat: NodeJS.Timeout;
	private closing = false;

	constructor(private readonly options: RoomsOptions) {
		this.heartbeat = setInterval(() => {
			for (const connection of this.allConnections()) connection.ping();
		}, HEARTBEAT_MS);
		this.heartbeat.unref();
	}

	get(name: string): Room | undefined {
		return this.rooms.get(name);
	}

	get size(): number {
		return this.rooms.size;
	}

	/** Holds a place for a handshake in progress; null when the document is full. */
	reserve(name: string): (() => void) | null {
		const taken = (this.rooms.get(name)?.connections.size ?? 0) + (this.reserved.get(name) ?? 0);
		if (taken >= this.options.maxClientsPerDocument) return null;
		this.reserved.set(name, (this.reserved.get(name) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const left = (this.reserved.get(name) ?? 1) - 1;
			if (left > 0) this.reserved.set(name, left);
			else this.reserved.delete(name);
		};
	}

	connect(socket: WebSocket, connection: Connection): void {
		const { log } = this.options;
		const room = this.open(connection.documentName);
		socket.on('error', (error) =>
			log.warn({ err: error, document: room.name }, 'collab socket error')
		);
		socket.on('close', () => {
			connection.closed = true;
			room.leave(connection);
		});
		socket.on('message', (data, isBinary) => {
			if (connection.closed) return;
			try {
				if (!isBinary) throw new ProtocolError('text frame');
				this.options.updateBudget.admit(room, connection, toBytes(data), (message) =>
					room.receive(connection, message)
				);
			} catch (error) {
				const reason = error instanceof ProtocolError ? error.message : 'unreadable';
				enforce(log, connection, refuse(CloseCode.InvalidMessage, reason, 'invalid message'));
			}
		});
		room.join(connection);
	}

	connectionsTo(name: string): Connection[] {
		return [...(this.rooms.get(name)?.connections ?? [])];
	}

	connectionsOf(personId: string): Connection[] {
		return this.allConnections().filter((connection) => connection.actor.id === personId);
	}

	async close(): Promise<void> {
		this.closing = true;
		clearInterval(this.heartbeat);
		for (const timer of this.idleTimers.values()) clearTimeout(timer);
		this.idleTimers.clear();
		for (const connection of this.allConnections()) {
			connection.close(CloseCode.GoingAway, 'server shutting down');
		}
		const rooms = [...this.rooms.values()];
		this.rooms.clear();
		await Promise.all(rooms.map((room) => room.settled()));
		await Promise.all(this.unloading);
		for (const room of rooms) room.destroy();
	}

	private open(name: string): Room {
		clearTimeout(this.idleTimers.get(name));
		this.idleTimers.delete(name);
		let room = this.rooms.get(name);
		if (!room) {
			room = new Room(name, {
				...this.options,
				onEmpty: (empty) => this.scheduleUnload(empty),
				onFailed: (failed) => this.discard(failed)
			});
			this.rooms.set(name, room);
		}
		return room;
	}

	private scheduleUnload(room: Room): void {
		if (this.closing) return;
		clearTimeout(this.idleTimers.get(room.name));
		const timer = setTimeout(() => {
			this.idleTimers.delete(room.name);
			const unloaded = this.unload(room)
				.catch((error: unknown) => this.options.log.error({ err: error }, 'collab unload failed'))
				.finally(() => this.unloading.delete(unloaded));
			this.unloading.add(unloaded);
		}, this.options.idleMs);
		timer.unref();
		this.idleTimers.set(room.name, timer);
	}

	private async unload(room: Room): Promise<void> {
		await room.settled();
		// Someone may have come back while the last appends were being stored.
		if (room.connections.size > 0 || this.rooms.get(room.name) !== room) return;
		this.rooms.delete(room.name);
		try {
			await room.flush();
		} finally {
			room.destroy();
		}
	}

	private discard(room: Room): void {
		if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
		room.destroy();
	}

	private allConnections(): Connection[] {
		return [...this.rooms.values()].flatMap((room) => [...room.connections]);
	}
}

function toBytes(data: WebSocket.RawData): Uint8Array {
	if (Array.isArray(data)) return Buffer.concat(data);
	return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
