import type { Logger } from '$lib/server/log/logger';
import type { CloseCode } from './close-codes';
import type { Connection } from './connection';

/**
 * What one admission check decides about one client message: let it through, drop it quietly
 * (it changes nothing, or the client will send it again), or refuse it and close the socket.
 */
export type Verdict =
	| { kind: 'accept' }
	| { kind: 'drop'; reason: string }
	| {
			kind: 'refuse';
			code: CloseCode;
			/** Logged: what was wrong, for the operator. */
			reason: string;
			/** Sent in the close frame; the reason itself unless told otherwise. */
			closeReason: string;
	  };

export type Objection = Exclude<Verdict, { kind: 'accept' }>;

export const ACCEPT: Verdict = { kind: 'accept' };

export const drop = (reason: string): Objection => ({ kind: 'drop', reason });

export const refuse = (code: CloseCode, reason: string, closeReason = reason): Objection => ({
	kind: 'refuse',
	code,
	reason,
	closeReason
});

/**
 * The one place where the collaboration server carries a verdict out: a refusal is logged
 * with who and why and its socket is closed with the verdict's code; a drop is only noted.
 * True when the message goes on.
 */
export function enforce(log: Logger, connection: Connection, verdict: Verdict): boolean {
	if (verdict.kind === 'accept') return true;
	const context = {
		document: connection.documentName,
		person: connection.actor.id,
		reason: verdict.reason
	};
	if (verdict.kind === 'drop') {
		log.debug(context, 'collab message dropped');
		return false;
	}
	log.warn(context, 'collab message refused');
	connection.close(verdict.code, verdict.closeReason);
	return false;
}
