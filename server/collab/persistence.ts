/**
 * Where live documents are stored. The room appends every accepted update and waits for the
 * promise before relaying it to anyone, so whatever a client has received survives a crash.
 */
export interface Persistence {
	/** Every stored update of the document (compacted snapshot first); empty for a new one. */
	load(name: string): Promise<Uint8Array[]>;
	/**
	 * Resolves once the update is durable. Rejects when it could not be stored. `authorId` is
	 * the signed-in person who sent it: the only source of "who wrote what" (ADR 0056).
	 */
	append(name: string, update: Uint8Array, authorId: string): Promise<void>;
	/**
	 * Merges the stored updates into one snapshot, atomically: a crash half-way leaves the
	 * updates as they were. Safe to run while clients append.
	 */
	compact(name: string): Promise<void>;
	/** Waits for appends already accepted, then releases resources. */
	close(): Promise<void>;
}
