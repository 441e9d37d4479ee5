import WebSocket from 'ws';
import type { Actor } from '$lib/server/access/policy';
import { CloseCode } from './close-codes';

/** Beyond this much unsent data the client is too slow: it reconnects and syncs afresh. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** One open socket of one person on one document. */
export class Connection {
	/** Awareness client ids this socket announced; removed from the room when it closes. */
	readonly awarenessIds = new Set<number>();
	/** Cleared by each ping, set by each pong: a socket that stays silent is dropped. */
	alive = true;
	closed = false;
	/**
	 * Set by its sync step 2, the answer to the server's step 1: from then on, everything the
	 * client sends builds on what the room holds or on what it sent before (ADR 0014).
	 */
	answeredSync = false;

	constructor(
		readonly socket: WebSocket,
		readonly documentName: string,
		readonly actor: Actor,
		readonly sessionToken: string,
		public permission: 'read' | 'suggest' | 'write'
	) {
		socket.on('pong', () => (this.alive = true));
	}

	get canWrite(): boolean {
		return this.permission !== 'read';
	}

	send(frame: Uint8Array): void {
		if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
		if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.close(CloseCode.TryAgainLater, 'too slow');
			return;
		}
		this.socket.send(frame);
	}

	close(code: CloseCode, reason: string): void {
		if (this.closed) return;
		this.closed = true;
		this.socket.close(code, reason);
		// A peer that never answers the close handshake must not hold the socket open.
		setTimeout(() => this.socket.terminate(), 5_000).unref();
	}

	/** Heartbeat: returns false (and terminates) when the previous ping got no answer. */
	ping(): boolean {
		if (!this.alive) {
			this.closed = true;
			this.socket.terminate();
			return false;
		}
		this.alive = false;
		this.socket.ping();
		return true;
	}
}
