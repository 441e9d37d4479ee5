import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import * as Y from 'yjs';
import type { AccessInvalidation } from '$lib/server/live/invalidation';
import type { Logger } from '$lib/server/log/logger';
import type { DocumentListener, Fanout } from '../fanout';

export interface RedisFanoutOptions {
	url: string;
	/** The stored document: what an instance re-reads after missing messages (see resync). */
	load(name: string): Promise<Uint8Array[]>;
	log: Logger;
	/** Channel prefix, so several deployments can share one Redis. */
	prefix?: string;
}

const UPDATE = 0;
const AWARENESS = 1;
const ID_BYTES = 16;

/**
 * Fan-out over Redis pub/sub (ADR 0070): one channel per open document plus one for access
 * invalidations. Pub/sub keeps nothing, so it is only a fast path: every update is in the
 * database before it is published (the instance whose client sent it is the one writer), and
 * whenever a subscription becomes live — first subscribe, or after Redis came back — the
 * instance re-reads the stored document and hands it to the room as an update from elsewhere.
 * Yjs ignores what the room already has, so what was missed is filled in and nothing repeats.
 * After an outage every connection is also re-authorised, since invalidations may be lost.
 */
export function createRedisFanout(options: RedisFanoutOptions): Fanout {
	const { log, prefix = 'tavolo:' } = options;
	const self = randomBytes(ID_BYTES);
	const documents = new Map<string, Set<DocumentListener>>();
	const invalidationListeners = new Set<(event: AccessInvalidation) => void>();
	const channel = (name: string) => `${prefix}collab:${name}`;
	const invalidationChannel = `${prefix}invalidation`;
	// Quick reconnects: convergence after an outage waits for this, then one database read.
	const socket = { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500) };
	const publisher = createClient({ url: options.url, socket, disableOfflineQueue: true });
	const subscriber = createClient({ url: options.url, socket, disableOfflineQueue: true });
	let closed = false;
	let everReady = false;

	for (const [role, client] of [
		['publisher', publisher],
		['subscriber', subscriber]
	] as const) {
		client.on('error', (error: unknown) => log.warn({ err: error, role }, 'redis fan-out error'));
	}

	const deliver = (name: string) => (message: Buffer) => {
		if (message.length < ID_BYTES + 1 || message.subarray(1, 1 + ID_BYTES).equals(self)) return;
		const update = new Uint8Array(message.subarray(1 + ID_BYTES));
		const type = message[0] === UPDATE ? 'update' : 'awareness';
		for (const listener of documents.get(name) ?? []) listener({ type, update });
	};
	const listeners = new Map<string, (message: Buffer) => void>();

	/** Subscribes (if not already) and then fills in from the database whatever was missed. */
	async function follow(name: string): Promise<void> {
		if (!subscriber.isReady || !documents.has(name)) return;
		const listener = listeners.get(name) ?? deliver(name);
		listeners.set(name, listener);
		await subscriber.subscribe(channel(name), listener, true);
		const stored = await options.load(name);
		if (stored.length === 0) return;
		const update = Y.mergeUpdates(stored);
		for (const documentListener of documents.get(name) ?? []) {
			documentListener({ type: 'update', update });
		}
	}
	const followLogged = (name: string) =>
		follow(name).catch((error: unknown) =>
			log.warn({ err: error, document: name }, 'redis fan-out resync failed')
		);

	subscriber.on('ready', () => {
		void subscriber
			.subscribe(invalidationChannel, onInvalidationMessage, true)
			.catch((error: unknown) => log.warn({ err: error }, 'redis invalidation subscribe failed'));
		const names = [...documents.keys()];
		for (const name of names) void followLogged(name);
		// After an outage, invalidations published meanwhile are lost: re-check everyone.
		if (everReady) {
			for (const name of names) notifyInvalidation({ documentName: name });
		}
		everReady = true;
	});

	function onInvalidationMessage(message: Buffer): void {
		if (message.length < ID_BYTES || message.subarray(0, ID_BYTES).equals(self)) return;
		try {
			notifyInvalidation(JSON.parse(message.subarray(ID_BYTES).toString()) as AccessInvalidation);
		} catch (error) {
			log.warn({ err: error }, 'redis invalidation unreadable');
		}
	}
	function notifyInvalidation(event: AccessInvalidation): void {
		for (const listener of invalidationListeners) listener(event);
	}

	/** Lost while Redis is away; the resync on its return makes up for it. */
	function publish(target: string, type: number | null, payload: Uint8Array): void {
		if (!publisher.isReady) return;
		const head = type === null ? [self] : [Buffer.from([type]), self];
		publisher
			.publish(target, Buffer.concat([...head, payload]))
			.catch((error: unknown) => log.debug({ err: error }, 'redis publish failed'));
	}

	for (const client of [publisher, subscriber]) {
		client.connect().catch((error: unknown) => {
			if (!closed) log.error({ err: error }, 'redis fan-out cannot connect');
		});
	}

	return {
		publishUpdate: (name, update) => publish(channel(name), UPDATE, update),
		publishAwareness: (name, update) => publish(channel(name), AWARENESS, update),
		subscribeDocument(name, listener) {
			const set = documents.get(name) ?? new Set();
			documents.set(name, set);
			set.add(listener);
			if (set.size === 1) void followLogged(name);
			return () => {
				set.delete(listener);
				if (set.size > 0 || documents.get(name) !== set) return;
				documents.delete(name);
				const redisListener = listeners.get(name);
				listeners.delete(name);
				if (subscriber.isReady && redisListener) {
					subscriber.unsubscribe(channel(name), redisListener, true).catch(() => {});
				}
			};
		},
		publishInvalidation: (event) =>
			publish(invalidationChannel, null, Buffer.from(JSON.stringify(event))),
		subscribeInvalidations(listener) {
			invalidationListeners.add(listener);
			return () => invalidationListeners.delete(listener);
		},
		async close() {
			closed = true;
			documents.clear();
			await Promise.all([publisher, subscriber].map((client) => client.destroy()));
		}
	};
}
