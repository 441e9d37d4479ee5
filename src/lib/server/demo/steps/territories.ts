import type { Db } from '../../db/client';
import { district, districtPopulation, municipality } from '../../db/schema';
import {
	DEMO_DISTRICTS,
	DEMO_POPULATION,
	municipalityName,
	type DemoDistrict
} from '../data/territories';
import { DEMO_DISTRICT_IDS } from '../ids';

const districtId = (key: string) => DEMO_DISTRICT_IDS[key as keyof typeof DEMO_DISTRICT_IDS];

/** Districts (parents listed first), their comuni, and the population bands of 001 §5. */
export async function seedTerritories(db: Db): Promise<void> {
	const districts: readonly DemoDistrict[] = DEMO_DISTRICTS;
	await db.insert(district).values(
		districts.map((d) => ({
			id: districtId(d.key),
			name: d.name,
			parentId: d.parentKey ? districtId(d.parentKey) : null
		}))
	);
	await db.insert(municipality).values(
		districts.flatMap((d) =>
			// No comune population is given in the documents: it stays null.
			d.municipalities.map((m) => ({ districtId: districtId(d.key), name: municipalityName(m) }))
		)
	);
	await db.insert(districtPopulation).values(
		DEMO_POPULATION.map(({ district: key, ...band }) => ({
			districtId: districtId(key),
			...band
		}))
	);
}
