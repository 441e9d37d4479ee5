import type { Db } from '../../db/client';
import { organisation } from '../../db/schema';
import { DEMO_ORGANISATIONS, type DemoOrganisation } from '../data/organisations';
import { DEMO_ORGANISATION_IDS } from '../ids';

export async function seedOrganisations(db: Db): Promise<void> {
	const rows: readonly DemoOrganisation[] = DEMO_ORGANISATIONS;
	await db.insert(organisation).values(
		rows.map((o) => ({
			id: DEMO_ORGANISATION_IDS[o.key as keyof typeof DEMO_ORGANISATION_IDS],
			name: o.name,
			shortName: o.shortName ?? null,
			kind: o.kind,
			taxCode: o.taxCode ?? null,
			accreditations: [...(o.accreditations ?? [])]
		}))
	);
}
