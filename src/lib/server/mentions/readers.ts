import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { membership, person } from '../db/schema';
import { permissionOf, type DocumentAccess } from '../live/access';

export interface Reader {
	id: string;
	name: string;
}

/**
 * The project's members who may read a document by its access rule — the same answer the
 * collaboration server gives them (any permission but `none`). `among` narrows to some people.
 */
export async function documentReaders(
	db: Db,
	access: DocumentAccess,
	among?: readonly string[]
): Promise<Reader[]> {
	if (among && among.length === 0) return [];
	const rows = await db
		.select({
			id: person.id,
			name: person.name,
			role: membership.role,
			organisationId: membership.organisationId
		})
		.from(membership)
		.innerJoin(person, eq(person.id, membership.personId))
		.where(
			and(
				eq(membership.projectId, access.resource.projectId),
				among ? inArray(membership.personId, [...among]) : undefined
			)
		);
	return rows
		.filter((row) => permissionOf({ ...row, personId: row.id }, access) !== 'none')
		.map(({ id, name }) => ({ id, name }));
}
