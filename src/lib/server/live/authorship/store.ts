import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { collabAuthorship, collabUpdate } from '../../db/schema';
import { AuthorshipMap, claimsOfUpdate, foldClaims, type Claim } from './claims';

/**
 * Where attribution lives (ADR 0057): each update row carries who sent it, and compaction,
 * which merges update rows away, first folds their claims into `collab_authorship` in the
 * same transaction. So the attribution of every clock ever stored survives compaction.
 */

/** Rows per INSERT: five parameters a row, well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 5_000;

/** An update row about to be merged by a compaction. */
export interface FoldedUpdate {
	update: Uint8Array;
	authorId: string | null;
}

/**
 * The document's segments once the claims of `updates` (in append order) are folded into the
 * stored `segments`. Pure: a compaction computes it outside its writing transaction.
 */
export function foldedSegments(
	segments: readonly Claim[],
	updates: FoldedUpdate[]
): Claim[] | null {
	const claims = updates.flatMap((row) =>
		row.authorId ? claimsOfUpdate(row.update, row.authorId) : []
	);
	return claims.length === 0 ? null : foldClaims(segments, claims);
}

/** Replaces the document's segments, inside the compaction's writing transaction. */
export async function replaceSegments(db: Db, name: string, segments: Claim[]): Promise<void> {
	await db.delete(collabAuthorship).where(eq(collabAuthorship.documentName, name));
	for (let i = 0; i < segments.length; i += INSERT_CHUNK) {
		await db.insert(collabAuthorship).values(
			segments.slice(i, i + INSERT_CHUNK).map((segment) => ({
				documentName: name,
				client: segment.client,
				clockStart: segment.start,
				clockEnd: segment.end,
				authorId: segment.authorId
			}))
		);
	}
}

/**
 * Who sent what in a document: folded segments, then the claims of updates not compacted yet.
 * One repeatable-read view, so a compaction committing meanwhile is seen wholly or not at all.
 * Read the document first and this after: every struct of the document is then covered.
 */
export async function loadAuthorship(db: Db, name: string): Promise<AuthorshipMap> {
	return db.transaction(
		async (tx) => {
			const segments = await storedSegments(tx, name);
			const rows = await tx
				.select({
					update: collabUpdate.update,
					authorId: collabUpdate.authorId
				})
				.from(collabUpdate)
				.where(and(eq(collabUpdate.documentName, name), isNotNull(collabUpdate.authorId)))
				.orderBy(collabUpdate.id);
			const claims = rows.flatMap((row) => claimsOfUpdate(row.update, row.authorId!));
			return new AuthorshipMap(foldClaims(segments, claims));
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

export async function storedSegments(db: Db, name: string): Promise<Claim[]> {
	return db
		.select({
			client: collabAuthorship.client,
			start: collabAuthorship.clockStart,
			end: collabAuthorship.clockEnd,
			authorId: collabAuthorship.authorId
		})
		.from(collabAuthorship)
		.where(eq(collabAuthorship.documentName, name));
}
