import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseDocumentName } from '$lib/server/live/name';

/**
 * What is checked before anything else, from the request line and headers alone. Refusals are
 * plain HTTP responses: nothing of the document is ever sent to a refused client.
 */
export type UpgradeTarget =
	{ ok: true; name: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const PATH = /^\/collab\/([^/?#]+)(?:\?.*)?$/;

export function readTarget(
	req: IncomingMessage,
	configuredOrigin: string | undefined
): UpgradeTarget {
	const match = PATH.exec(req.url ?? '');
	if (!match) return { ok: false, status: 404, reason: 'not a collaboration path' };
	let name: string;
	try {
		name = decodeURIComponent(match[1]);
	} catch {
		return { ok: false, status: 400, reason: 'bad document name' };
	}
	if (!parseDocumentName(name)) return { ok: false, status: 400, reason: 'bad document name' };
	if (!originAllowed(req, configuredOrigin)) {
		return { ok: false, status: 403, reason: 'origin not allowed' };
	}
	return { ok: true, name };
}

/**
 * Browsers always send Origin on WebSocket handshakes, so a page of another site cannot ride
 * the user's cookie; scripts and servers send none and are let through to the cookie check.
 */
function originAllowed(req: IncomingMessage, configuredOrigin: string | undefined): boolean {
	const origin = req.headers.origin;
	if (origin === undefined) return true;
	if (configuredOrigin) return origin === new URL(configuredOrigin).origin;
	const host = req.headers.host;
	return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** Answers the handshake with a status instead of switching protocols, then hangs up. */
export function refuse(socket: Duplex, status: number, reason: string): void {
	if (socket.destroyed) return;
	const body = `${status} ${STATUS_CODES[status] ?? ''}: ${reason}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
			'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}
