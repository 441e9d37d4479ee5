import type { District, DistrictPopulation, Municipality } from '../db/schema';

export interface MunicipalityView {
	id: string;
	name: string;
	population: number | null;
}

export interface PopulationBand {
	ageFrom: number;
	ageTo: number;
	referenceDate: string;
	males: number | null;
	females: number | null;
	total: number | null;
	source: string;
}

export interface TerritoryTotals {
	municipalities: number;
	/** Sum of the comuni's populations; null unless every one is known (a partial sum misleads). */
	population: number | null;
}

export interface DistrictView {
	id: string;
	name: string;
	municipalities: MunicipalityView[];
	subdistricts: DistrictView[];
	populationBands: PopulationBand[];
	totals: TerritoryTotals;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'it');

/**
 * Builds the tree under the given districts: each with its comuni, its sub-districts (the
 * Ambito Alto Milanese → Castano Primo, Legnano) and totals that include the sub-districts.
 */
export function buildTerritoryTree(
	rootIds: readonly string[],
	districts: readonly District[],
	municipalities: readonly Municipality[],
	bands: readonly DistrictPopulation[]
): DistrictView[] {
	const build = (row: District, seen: ReadonlySet<string>): DistrictView => {
		const path = new Set(seen).add(row.id); // guards against a parent cycle in bad data
		const subdistricts = districts
			.filter((d) => d.parentId === row.id && !path.has(d.id))
			.sort(byName)
			.map((d) => build(d, path));
		const own = municipalities
			.filter((m) => m.districtId === row.id)
			.map(({ id, name, population }) => ({ id, name, population }))
			.sort(byName);
		return {
			id: row.id,
			name: row.name,
			municipalities: own,
			subdistricts,
			populationBands: bands
				.filter((b) => b.districtId === row.id)
				.map(({ districtId: _, ...band }) => band)
				.sort((a, b) => a.ageFrom - b.ageFrom || a.referenceDate.localeCompare(b.referenceDate)),
			totals: sumTotals(own, subdistricts)
		};
	};
	return districts
		.filter((d) => rootIds.includes(d.id))
		.sort(byName)
		.map((d) => build(d, new Set()));
}

function sumTotals(own: MunicipalityView[], children: DistrictView[]): TerritoryTotals {
	const parts = [
		{
			municipalities: own.length,
			population: own.every((m) => m.population !== null)
				? own.reduce((sum, m) => sum + (m.population ?? 0), 0)
				: null
		},
		...children.map((c) => c.totals)
	];
	return {
		municipalities: parts.reduce((sum, p) => sum + p.municipalities, 0),
		population: parts.every((p) => p.population !== null)
			? parts.reduce((sum, p) => sum + (p.population ?? 0), 0)
			: null
	};
}

/** The totals of several districts together. */
export function totalsOf(districts: readonly DistrictView[]): TerritoryTotals {
	return sumTotals([], [...districts]);
}
