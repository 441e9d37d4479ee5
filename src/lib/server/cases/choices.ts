import { asc } from 'drizzle-orm';
import type { Ctx } from '../context';
import { organisation } from '../db/schema';
import { authorize } from '../access/policy';
import { listForProject } from '../territories/territories';
import type { DistrictView } from '../territories/territory-tree';

export interface Choice {
	id: string;
	name: string;
}

export interface CaseChoices {
	/** The organisation register: hosts of internships and employers of hires. */
	organisations: Choice[];
	/** The comuni of the project's districts, sub-districts included. */
	municipalities: Choice[];
}

function townsOf(districts: readonly DistrictView[]): Choice[] {
	return districts.flatMap((d) => [
		...d.municipalities.map(({ id, name }) => ({ id, name })),
		...townsOf(d.subdistricts)
	]);
}

/** What the case forms offer to choose from; only for those who write records. */
export async function forForms(ctx: Ctx, projectId: string): Promise<CaseChoices> {
	await authorize(ctx.db, ctx.actor, 'case.read_pseudonymous', { projectId });
	const [organisations, territories] = await Promise.all([
		ctx.db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.orderBy(asc(organisation.name)),
		listForProject(ctx, projectId)
	]);
	const municipalities = townsOf(territories.districts).sort((a, b) =>
		a.name.localeCompare(b.name, 'it')
	);
	return { organisations, municipalities };
}
