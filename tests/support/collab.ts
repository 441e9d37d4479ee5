import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Node's `ws` takes headers in its constructor: the cookie a browser would send by itself. */
export function webSocketWithHeaders(
	headers: Record<string, string>
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

export interface TestClient {
	doc: Y.Doc;
	text: Y.Text;
	provider: WebsocketProvider;
	/** Resolves when the provider says synced (the server sent its sync step 2). */
	synced(): Promise<void>;
	/** Resolves with the close event of the next connection that closes. */
	nextClose(): Promise<{ code: number; reason: string }>;
	destroy(): void;
}

const open = new Set<TestClient>();
afterEach(() => {
	for (const client of open) client.destroy();
});

/**
 * A stock y-websocket 3 provider, connected as a browser would be, with the session cookie
 * (omitted when `cookie` is undefined). Destroyed after each test.
 */
export function connectClient(
	wsUrl: string,
	documentName: string,
	cookie: string | undefined,
	options: { headers?: Record<string, string>; connect?: boolean } = {}
): TestClient {
	const doc = new Y.Doc();
	const headers = { ...(cookie ? { Cookie: cookie } : {}), ...options.headers };
	const provider = new WebsocketProvider(wsUrl, documentName, doc, {
		WebSocketPolyfill: webSocketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		connect: options.connect ?? true
	});
	const client: TestClient = {
		doc,
		text: doc.getText('body'),
		provider,
		synced: () =>
			provider.synced
				? Promise.resolve()
				: new Promise((resolve) => provider.once('sync', (state) => state && resolve())),
		nextClose: () =>
			new Promise((resolve) =>
				provider.once('connection-close', (event) =>
					resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })
				)
			),
		destroy() {
			open.delete(client);
			provider.destroy();
			doc.destroy();
		}
	};
	open.add(client);
	return client;
}

/** Polls until `check` holds; the deadline only turns a hang into a readable failure. */
export async function eventually(
	check: () => boolean,
	what = 'condition',
	ms = 10_000
): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** The HTTP answer to a raw handshake: 101 when upgraded, else the refusal status. */
export function handshakeStatus(
	url: string,
	headers: Record<string, string> = {}
): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers });
		socket.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			res.destroy();
		});
		socket.on('open', () => {
			resolve(101);
			socket.close();
		});
		socket.on('error', (error) => {
			if (!/Unexpected server response/.test(error.message)) reject(error);
		});
	});
}

/** A raw socket for sending bytes no stock client would; resolves once open. */
export function rawSocket(url: string, cookie: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers: { Cookie: cookie } });
		socket.on('open', () => resolve(socket));
		socket.on('error', reject);
	});
}

export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) =>
		socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
}

/**
 * Sends a sync step 1 on the client's socket and waits for the server's answer. The server
 * handles one socket's messages in order, so everything the client sent before has been
 * processed (accepted or dropped) when this resolves.
 */
export function roundTrip(client: TestClient): Promise<void> {
	const socket = client.provider.ws as unknown as WebSocket | null;
	if (!socket) return Promise.reject(new Error('not connected'));
	return new Promise((resolve) => {
		socket.once('message', () => resolve());
		socket.send(Uint8Array.from([0, 0, 1, 0]));
	});
}
