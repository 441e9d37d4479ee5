import {
	ACCESS_CHANGED_CLOSE,
	SUGGESTIONS_ONLY_CLOSE,
	UPDATE_TOO_COSTLY_CLOSE
} from '$lib/collab/refusals';

/**
 * WebSocket close codes the collaboration server uses. Refusals before the upgrade are HTTP
 * statuses instead (see upgrade.ts); these only end a socket that was already open.
 *
 * The stock y-websocket 3 client stops reconnecting on 4400–4499 ("the server decided, retrying
 * cannot help") and reconnects on anything else, so the ranges carry meaning:
 * - 44xx: terminal, the user must sign in again or has lost access;
 * - 4000–4099: "reconnect now", the server wants the client to be authorised again;
 * - 1xxx: standard codes, the client reconnects with backoff.
 */
export const CloseCode = {
	/** Server shutting down: clients reconnect (to this or another instance). */
	GoingAway: 1001,
	/** The message could not be decoded (garbage, truncated varint, unknown type). */
	InvalidMessage: 1007,
	/** A presence flood: too fast, too many entries or client ids, a state too large (awareness-guard.ts). */
	PolicyViolation: 1008,
	/** Larger than COLLAB_MAX_MESSAGE_BYTES; sent by `ws` itself through `maxPayload`. */
	MessageTooBig: 1009,
	/** The update could not be stored (database error): it was not relayed to anyone. */
	StorageFailed: 1011,
	/** Too much unsent data queued for a slow client, or the room is full: try again later. */
	TryAgainLater: 1013,
	/** The person's access to this document changed (e.g. write → read): reconnect, re-authorise. */
	AccessChanged: ACCESS_CHANGED_CLOSE,
	/**
	 * A person who may only suggest sent a change that was not only their own suggestions
	 * (suggest-guard.ts, ADR 0095). Terminal: the same state would be refused again.
	 */
	SuggestionsOnly: SUGGESTIONS_ONLY_CLOSE,
	/**
	 * An update too costly to integrate (over COLLAB_UPDATE_BUDGET_MS in a trial, or waiting for
	 * content the document lacks, found by a trial or the room's check): stored and relayed
	 * nowhere. Terminal, since the client would send the same update again on reconnecting
	 * (ADR 0013, 0014).
	 */
	UpdateTooCostly: UPDATE_TOO_COSTLY_CLOSE,
	/** The session ended (sign-out, password change, expiry). */
	Unauthorized: 4401,
	/** The person no longer has any access to the document. */
	Forbidden: 4403
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
