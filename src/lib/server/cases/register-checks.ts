import { eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db/client';
import { municipality, organisation } from '../db/schema';
import { InvalidError } from '../errors';
import { organisationsNamed } from '../../cases/event-form';

/** A comune must be one of the register's, not any id a form carries. */
export async function assertMunicipality(db: Db, municipalityId: string | null): Promise<void> {
	if (!municipalityId) return;
	const [found] = await db
		.select({ id: municipality.id })
		.from(municipality)
		.where(eq(municipality.id, municipalityId));
	if (!found) {
		throw new InvalidError('invalid', { municipalityId: [m.cases_municipality_unknown()] });
	}
}

/** A host or employer must be an organisation of the register, not any id a form carries. */
export async function assertInRegister(db: Db, details: Record<string, unknown>): Promise<void> {
	const named = organisationsNamed(details);
	if (named.length === 0) return;
	const found = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(
			inArray(
				organisation.id,
				named.map(([, id]) => id)
			)
		);
	const known = new Set(found.map((row) => row.id));
	const issues = Object.fromEntries(
		named
			.filter(([, id]) => !known.has(id))
			.map(([field]) => [field, [m.cases_organisation_unknown()]])
	);
	if (Object.keys(issues).length > 0) throw new InvalidError('invalid', issues);
}
