import { contextFor, type Ctx } from '../../src/lib/server/context';
import type { Actor } from '../../src/lib/server/access/policy';
import type { Db } from '../../src/lib/server/db/client';
import { createInvalidationBus } from '../../src/lib/server/live/invalidation';
import { createDocumentUpdateBus } from '../../src/lib/server/live/update-bus';

/**
 * The request context for a domain call in a test that has a database but no runtime whose
 * buses it watches (tests that check invalidations use `contextFor(runtime, actor)`).
 */
export function testContext<A extends Actor | null>(db: Db, actor: A): Ctx & { actor: A } {
	const buses = { documents: createDocumentUpdateBus(), invalidations: createInvalidationBus() };
	return contextFor({ db, ...buses }, actor);
}
