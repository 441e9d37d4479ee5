import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lab, labSession } from '../db/schema';
import type { DocumentAccess } from '../live/access';
import { labResource } from './labs';

/**
 * `labboard:<sessionId>`: a session's board (cards, clusters) and its live notes, one Yjs
 * document. Everyone who may read the lab reads it; its participants and those who run labs
 * write (ADR 0110). Cases never enter it: they are rows behind the policy, shown beside it.
 */
export async function resolveLabBoardDocument(db: Db, id: string): Promise<DocumentAccess | null> {
	const [found] = await db
		.select({ lab })
		.from(labSession)
		.innerJoin(lab, eq(lab.id, labSession.labId))
		.where(eq(labSession.id, id));
	if (!found) return null;
	return { resource: await labResource(db, found.lab), read: 'lab.read', write: 'lab.write' };
}
