import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { authorize } from '../access/policy';
import { district, districtPopulation, municipality, projectDistrict } from '../db/schema';
import {
	buildTerritoryTree,
	totalsOf,
	type DistrictView,
	type TerritoryTotals
} from './territory-tree';

export interface ProjectTerritories {
	districts: DistrictView[];
	totals: TerritoryTotals;
}

/** The districts a project works in, with their sub-districts, comuni and population figures. */
export async function listForProject(
	{ db, actor }: Ctx,
	projectId: string
): Promise<ProjectTerritories> {
	await authorize(db, actor, 'project.read', { projectId });
	const linked = await db
		.select({ id: projectDistrict.districtId })
		.from(projectDistrict)
		.where(eq(projectDistrict.projectId, projectId));
	if (linked.length === 0) return { districts: [], totals: { municipalities: 0, population: 0 } };
	// Districts are a few hundred rows at most (Italy has ~600 ambiti): read them all, walk in memory.
	const allDistricts = await db.select().from(district);
	const ids = descendantsOf(
		linked.map((row) => row.id),
		allDistricts
	);
	const [towns, bands] = await Promise.all([
		db.select().from(municipality).where(inArray(municipality.districtId, ids)),
		db.select().from(districtPopulation).where(inArray(districtPopulation.districtId, ids))
	]);
	const districts = buildTerritoryTree(
		linked.map((row) => row.id),
		allDistricts,
		towns,
		bands
	);
	return { districts, totals: totalsOf(districts) };
}

function descendantsOf(
	roots: readonly string[],
	all: readonly { id: string; parentId: string | null }[]
): string[] {
	const found = new Set(roots);
	for (let grew = true; grew;) {
		grew = false;
		for (const row of all) {
			if (row.parentId && found.has(row.parentId) && !found.has(row.id)) {
				found.add(row.id);
				grew = true;
			}
		}
	}
	return [...found];
}
