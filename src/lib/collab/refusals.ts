/**
 * The close code of a change refused because its author may only suggest (ADR 0095). Shared by
 * the server (server/collab/close-codes.ts) and the browser, which tells the person and drops
 * its offline copy: the same state would be refused again.
 */
export const SUGGESTIONS_ONLY_CLOSE = 4422;

/**
 * The close code of an update too costly for the server to integrate (ADR 0013): a huge paste
 * or a crafted update. Terminal, like 4422: the client would send the same update again.
 */
export const UPDATE_TOO_COSTLY_CLOSE = 4413;

/**
 * The close code telling a client its access to the document changed (write → suggest, a new
 * owner, a lock): it reconnects at once and is authorised again. The canvas also reloads what it
 * shows then (owners, mode), since whatever changed its access changed those too.
 */
export const ACCESS_CHANGED_CLOSE = 4001;
