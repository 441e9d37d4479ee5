/**
 * The close code of a change refused because its author may only suggest (ADR 0095). Shared by
 * the server (server/collab/close-codes.ts) and the browser, which tells the person and drops
 * its offline copy: the same state would be refused again.
 */
export const SUGGESTIONS_ONLY_CLOSE = 4422;
