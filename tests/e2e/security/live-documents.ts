import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** y-websocket's message type for the document sync (awareness messages are ignored). */
const MESSAGE_SYNC = 0;

/**
 * A live document as `cookie`'s holder can read it, or null when the server refuses to open it
 * (the handshake's 403/404). Asks for the whole state with a sync step 1 and answers once the
 * server's sync step 2 has arrived: the same exchange a browser's provider makes, from Node.
 */
export function readLiveDocument(
	collabUrl: string,
	name: string,
	cookie: string,
	origin: string
): Promise<Y.Doc | null> {
	return new Promise((resolve, reject) => {
		const doc = new Y.Doc();
		const socket = new WebSocket(`${collabUrl}/${name}`, { headers: { cookie, origin } });
		socket.binaryType = 'arraybuffer';
		socket.on('unexpected-response', (_request, response) => {
			response.destroy();
			resolve(null);
		});
		socket.on('error', (error) => {
			if (!/Unexpected server response/.test(error.message)) reject(error);
		});
		socket.on('open', () => {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			syncProtocol.writeSyncStep1(encoder, doc);
			socket.send(encoding.toUint8Array(encoder));
		});
		socket.on('message', (data: ArrayBuffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
			const kind = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
			if (kind !== syncProtocol.messageYjsSyncStep2) return;
			socket.close();
			resolve(doc);
		});
		socket.on('close', (code) => {
			// Closed before the state came: the server refused after the upgrade.
			if (code !== 1000 && code !== 1005) resolve(null);
		});
	});
}

/**
 * Everything a document holds, as text: each shared type read by its shape (map, rich text,
 * plain text), and the raw update besides, so a string split across edits or held in a nested
 * type is found either way.
 */
export function documentText(doc: Y.Doc): string {
	const parts: string[] = [];
	for (const [name, type] of [...doc.share.entries()]) {
		if (type._map.size > 0) parts.push(JSON.stringify(doc.getMap(name).toJSON()));
		else if (type._start?.content instanceof Y.ContentType) {
			parts.push(doc.getXmlFragment(name).toString());
		} else parts.push(doc.getText(name).toString());
	}
	parts.push(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8'));
	return parts.join('\n');
}
