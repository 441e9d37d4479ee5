import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorize, decide } from '../access/policy';
import { record } from '../audit/audit';
import {
	budgetTerritoryOverride,
	districtPopulation,
	partnership,
	projectBudget
} from '../db/schema';
import { InvalidError, NotFoundError } from '../errors';
import { m } from '$lib/paraglide/messages';
import { planBudget, type BudgetPlan } from '../../network/budget-plan';
import { SplitError, type SplitProblem } from '../../network/budget-split';
import { splitAcrossAreas, type AreaSplit } from '../../network/budget-areas';
import {
	bandKey,
	parseBand,
	type BudgetInput,
	type OverrideInput
} from '../../network/budget-form';
import { partnersOf, projectDistricts, vocabulary, type Term } from './partnership';

/**
 * The budget by territory and partner (001 §10e) from the project's live data: its districts and
 * their population figures, the partnership, the public share and each partner's cofinanziamento.
 * Everyone in the project reads it (`network.read`); the coordinator sets it (`partnership.manage`).
 */

export interface Band {
	key: string;
	ageFrom: number;
	ageTo: number;
	referenceDate: string;
}

export interface BudgetView {
	settings: { publicCents: number; band: string } | null;
	bands: Band[];
	territories: { id: string; name: string }[];
	partners: { organisationId: string; name: string; cofinancingCents: number; role: string }[];
	overrides: { districtId: string; cents: number; reason: string }[];
	plan: BudgetPlan | null;
	/** The partners' public shares across their areas (the plan's last step), with area names. */
	areaSplit: AreaSplit | null;
	areas: Term[];
	/** Why the plan cannot be computed (e.g. no population figure for the band). */
	problem: SplitProblem | null;
	canManage: boolean;
}

/**
 * The territories the budget is split over: the project's top-level districts (001 splits over
 * its ambiti); a sub-district counts in its parent.
 */
async function topTerritories(db: Db, projectId: string) {
	const districts = await projectDistricts(db, projectId);
	const ids = new Set(districts.map((d) => d.id));
	const top = districts.filter((d) => !d.parentId || !ids.has(d.parentId));
	const parentOf = new Map(districts.map((d) => [d.id, d.parentId]));
	const topOf = (id: string): string | null => {
		let at: string | null | undefined = id;
		while (at && parentOf.get(at) && ids.has(parentOf.get(at)!)) at = parentOf.get(at)!;
		return at && ids.has(at) ? at : null;
	};
	return { top, topOf };
}

async function bandsOf(db: Db, districtIds: string[]): Promise<Band[]> {
	if (districtIds.length === 0) return [];
	const rows = await db
		.selectDistinct({
			ageFrom: districtPopulation.ageFrom,
			ageTo: districtPopulation.ageTo,
			referenceDate: districtPopulation.referenceDate
		})
		.from(districtPopulation)
		.where(inArray(districtPopulation.districtId, districtIds));
	return rows
		.map((b) => ({ ...b, key: bandKey(b) }))
		.sort((a, b) => a.ageFrom - b.ageFrom || a.referenceDate.localeCompare(b.referenceDate));
}

export async function budgetOf(ctx: Ctx, projectId: string): Promise<BudgetView> {
	const grant = await authorize(ctx.db, ctx.actor, 'network.read', { projectId });
	return budgetView(ctx.db, projectId, decide(grant, 'partnership.manage', { projectId }));
}

/** The budget without asking the policy: for callers that already did (the proposal exports). */
export async function budgetView(
	db: Db,
	projectId: string,
	canManage = false
): Promise<BudgetView> {
	const [{ top, topOf }, partners, cofinancing, [settings], overrides, vocab] = await Promise.all([
		topTerritories(db, projectId),
		partnersOf(db, projectId),
		db
			.select({ id: partnership.organisationId, cents: partnership.cofinancingCents })
			.from(partnership)
			.where(eq(partnership.projectId, projectId)),
		db.select().from(projectBudget).where(eq(projectBudget.projectId, projectId)),
		db
			.select({
				districtId: budgetTerritoryOverride.districtId,
				cents: budgetTerritoryOverride.cents,
				reason: budgetTerritoryOverride.reason
			})
			.from(budgetTerritoryOverride)
			.where(eq(budgetTerritoryOverride.projectId, projectId)),
		vocabulary(db, projectId)
	]);
	const bands = await bandsOf(
		db,
		top.map((d) => d.id)
	);
	const cofinancingOf = new Map(cofinancing.map((c) => [c.id, c.cents]));
	const planPartners = partners.map((p) => ({
		organisationId: p.organisationId,
		name: p.shortName ?? p.name,
		role: p.role,
		territoryIds: [...new Set(p.districtIds.map(topOf).filter((id): id is string => id !== null))],
		cofinancingCents: cofinancingOf.get(p.organisationId) ?? 0
	}));
	let plan: BudgetPlan | null = null;
	let problem: SplitProblem | null = null;
	if (settings) {
		const band = {
			ageFrom: settings.ageFrom,
			ageTo: settings.ageTo,
			referenceDate: settings.referenceDate
		};
		const figures = await db
			.select({ id: districtPopulation.districtId, total: districtPopulation.total })
			.from(districtPopulation)
			.where(
				and(
					eq(districtPopulation.ageFrom, band.ageFrom),
					eq(districtPopulation.ageTo, band.ageTo),
					eq(districtPopulation.referenceDate, band.referenceDate)
				)
			);
		const population = new Map(figures.map((f) => [f.id, f.total]));
		try {
			plan = planBudget(
				settings.publicCents,
				top.map((d) => ({ id: d.id, name: d.name, population: population.get(d.id) ?? null })),
				planPartners,
				overrides.map((o) => ({ key: o.districtId, cents: o.cents, reason: o.reason }))
			);
		} catch (error) {
			if (!(error instanceof SplitError)) throw error;
			problem = error.problem;
		}
	}
	return {
		settings: settings ? { publicCents: settings.publicCents, band: bandKey(settings) } : null,
		bands,
		territories: top.map((d) => ({ id: d.id, name: d.name })),
		partners: planPartners.map(({ organisationId, name, role, cofinancingCents }) => ({
			organisationId,
			name,
			role,
			cofinancingCents
		})),
		overrides,
		plan,
		areaSplit: plan
			? splitAcrossAreas(
					plan.partners.map((line) => ({
						organisationId: line.organisationId,
						publicCents: line.publicCents,
						areas: partners.find((p) => p.organisationId === line.organisationId)?.areas ?? []
					})),
					vocab.areas.map((a) => a.key)
				)
			: null,
		areas: vocab.areas,
		problem,
		canManage
	};
}

export async function setBudget(ctx: Ctx, projectId: string, input: BudgetInput): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const { top } = await topTerritories(ctx.db, projectId);
	const bands = await bandsOf(
		ctx.db,
		top.map((d) => d.id)
	);
	if (!bands.some((b) => b.key === input.band)) {
		throw new InvalidError('invalid', { band: [m.network_budget_band_invalid()] });
	}
	const values = { publicCents: input.publicCents, ...parseBand(input.band) };
	await ctx.db.transaction(async (tx) => {
		await tx
			.insert(projectBudget)
			.values({ projectId, ...values })
			.onConflictDoUpdate({ target: projectBudget.projectId, set: values });
		await record(tx, {
			actorId: ctx.actor?.id ?? null,
			action: 'partnership.manage',
			resourceType: 'project_budget',
			resourceId: projectId,
			projectId,
			detail: { publicCents: input.publicCents, band: input.band }
		});
	});
}

export async function setCofinancing(
	ctx: Ctx,
	projectId: string,
	input: { organisationId: string; cents: number }
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	await ctx.db.transaction(async (tx) => {
		const updated = await tx
			.update(partnership)
			.set({ cofinancingCents: input.cents })
			.where(
				and(
					eq(partnership.projectId, projectId),
					eq(partnership.organisationId, input.organisationId)
				)
			)
			.returning({ id: partnership.organisationId });
		if (updated.length === 0) throw new NotFoundError('partnership_not_found');
		await record(tx, {
			actorId: ctx.actor?.id ?? null,
			action: 'partnership.manage',
			resourceType: 'partnership',
			resourceId: input.organisationId,
			projectId,
			detail: { cofinancingCents: input.cents }
		});
	});
}

/** Fixes a territory's share with a reason; refused when the fixed shares pass the total. */
export async function setOverride(
	ctx: Ctx,
	projectId: string,
	input: OverrideInput
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const [{ top }, [settings], others] = await Promise.all([
		topTerritories(ctx.db, projectId),
		ctx.db.select().from(projectBudget).where(eq(projectBudget.projectId, projectId)),
		ctx.db
			.select({
				districtId: budgetTerritoryOverride.districtId,
				cents: budgetTerritoryOverride.cents
			})
			.from(budgetTerritoryOverride)
			.where(eq(budgetTerritoryOverride.projectId, projectId))
	]);
	if (!settings) throw new InvalidError('network_budget_not_set');
	if (!top.some((d) => d.id === input.districtId)) {
		throw new InvalidError('invalid', { districtId: [m.partnership_district_outside()] });
	}
	const fixed = others
		.filter((o) => o.districtId !== input.districtId)
		.reduce((sum, o) => sum + o.cents, input.cents);
	if (fixed > settings.publicCents) {
		throw new InvalidError('invalid', { cents: [m.network_budget_overrides_exceed()] });
	}
	await ctx.db.transaction(async (tx) => {
		await tx
			.insert(budgetTerritoryOverride)
			.values({ projectId, ...input })
			.onConflictDoUpdate({
				target: [budgetTerritoryOverride.projectId, budgetTerritoryOverride.districtId],
				set: { cents: input.cents, reason: input.reason }
			});
		await record(tx, {
			actorId: ctx.actor?.id ?? null,
			action: 'partnership.manage',
			resourceType: 'budget_territory_override',
			resourceId: input.districtId,
			projectId,
			detail: { cents: input.cents }
		});
	});
}

export async function removeOverride(
	ctx: Ctx,
	projectId: string,
	districtId: string
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	await ctx.db.transaction(async (tx) => {
		const removed = await tx
			.delete(budgetTerritoryOverride)
			.where(
				and(
					eq(budgetTerritoryOverride.projectId, projectId),
					eq(budgetTerritoryOverride.districtId, districtId)
				)
			)
			.returning({ id: budgetTerritoryOverride.districtId });
		if (removed.length === 0) throw new NotFoundError('not_found');
		await record(tx, {
			actorId: ctx.actor?.id ?? null,
			action: 'partnership.manage',
			resourceType: 'budget_territory_override',
			resourceId: districtId,
			projectId,
			detail: { removed: true }
		});
	});
}
