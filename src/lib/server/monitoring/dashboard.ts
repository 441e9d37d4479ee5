import { romeToday } from '../../governance/rome-time';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { query } from '../db/raw-query';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { monitoringTarget, organisation, project } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { record } from '../audit/audit';
import { InvalidError, NotFoundError } from '../errors';
import { m } from '../../paraglide/messages';
import {
	INDICATORS,
	type Indicator,
	type PeriodKind,
	type TargetInput
} from '../../monitoring/indicators';
import { closureReasonLabel, contractKindLabel } from '../../cases/pathway-labels';
import { kindLabel } from '../../network/labels';
import {
	cells,
	periodsBetween,
	suppress,
	targetViewsOf,
	type Cell,
	type Measure,
	type TargetView
} from './compute';
import {
	categoryMeasures,
	loadAggregates,
	scopeMeasures,
	trendOfAggregates,
	type MonitoringAggregates
} from './aggregates';
import { annexOfGroups } from './annex';
import type { AnnexRow } from '../../monitoring/esf-annex';
import type { EsfGender } from '../../monitoring/esf';
import type { DayRange } from '../../monitoring/report-range';

export interface TerritoryOption {
	id: string;
	name: string;
}

export type { TargetView };

export interface DashboardRow {
	label: string;
	cells: Record<Indicator, Cell>;
}

/** One category of a breakdown of people (hires by contract…): a label and its figure. */
export interface CategoryRow {
	label: string;
	cell: Cell;
}

/** The ESF+ Annex I aggregate as a reader may see it (small cells withheld). */
export interface AnnexView {
	lines: { row: AnnexRow; total: Cell; byGender: Record<EsfGender, Cell> }[];
	withoutProfile: Cell;
}

/**
 * Everything the monitoring page shows: counts and medians only, never an identity, a
 * pseudonym or a case id. Figures on 1–2 people are withheld unless the reader is an operator.
 */
export interface Dashboard {
	periodKind: PeriodKind;
	/** The report's days when it has a from–to range (ADR 0202); null: the project's whole life. */
	range: DayRange | null;
	/**
	 * People taken in charge before the range (zero without one): where the report's running
	 * total of people reached starts. Withheld like any figure.
	 */
	reachedBefore: Cell;
	/** Whether small cells were withheld for this reader. */
	suppressing: boolean;
	totals: Record<Indicator, Cell>;
	trend: (DashboardRow & { period: string })[];
	byOrganisation: DashboardRow[];
	byTerritory: DashboardRow[];
	/** People hired, by the register kind of their employer; since the project started. */
	hiresByEmployerKind: CategoryRow[];
	hiresByContract: CategoryRow[];
	closuresByReason: CategoryRow[];
	annex: AnnexView;
	/** Against the figures since the project started (up to the range's end, with one). */
	targets: TargetView[];
	territories: TerritoryOption[];
	canManage: boolean;
	peopleWithoutTerritory: Cell;
}

/** Operators (who follow the people anyway) see small cells; everyone else does not. */
const OPERATOR_ACTION = 'case.read_pseudonymous' as const;

/** The project's territories by name, then their sub-districts by name: one statement. */
function projectTerritories(db: Db, projectId: string): Promise<TerritoryOption[]> {
	return query<{ id: string; name: string }>(
		db,
		sql`select t.id, t.name from (
			select d.id, d.name, 0 as part
			from project_district pd join district d on d.id = pd.district_id
			where pd.project_id = ${projectId}
			union all
			select c.id, c.name, 1 from district c
			where c.parent_id in (
				select pd.district_id from project_district pd where pd.project_id = ${projectId}
			)
		) t
		order by t.part, t.name`
	);
}

function targetRowsOf(db: Db, projectId: string) {
	return db
		.select()
		.from(monitoringTarget)
		.where(eq(monitoringTarget.projectId, projectId))
		.orderBy(asc(monitoringTarget.indicator), asc(monitoringTarget.createdAt));
}

/** Each target against the project's or its territory's figure since the start. */
function targetsOf(
	aggregates: MonitoringAggregates,
	rows: Awaited<ReturnType<typeof targetRowsOf>>,
	territoryNames: ReadonlyMap<string, string>,
	operator: boolean
): TargetView[] {
	return targetViewsOf(
		rows,
		(indicator, districtId) =>
			scopeMeasures(aggregates, districtId ? 'ter' : 'all', districtId ?? '')[indicator],
		territoryNames,
		operator
	);
}

/**
 * The dashboard's totals and targets alone (the home summary), as `dashboard` computes them:
 * the statement skips the trend, the breakdowns and the Annex.
 */
export async function totalsAndTargets(
	{ db, actor }: Ctx,
	projectId: string
): Promise<Pick<Dashboard, 'totals' | 'targets'>> {
	const grant = await authorize(db, actor, 'monitoring.read', { projectId });
	const operator = decide(grant, OPERATOR_ACTION, { projectId });
	const [aggregates, territories, targetRows] = await Promise.all([
		loadAggregates(db, projectId, 'year', { totalsOnly: true }),
		projectTerritories(db, projectId),
		targetRowsOf(db, projectId)
	]);
	const territoryNames = new Map(territories.map((t) => [t.id, t.name]));
	return {
		totals: cells(scopeMeasures(aggregates, 'all', ''), operator),
		targets: targetsOf(aggregates, targetRows, territoryNames, operator)
	};
}

/**
 * The dashboard of a project, or of a from–to range of its days (the report's, ADR 0202): then
 * every figure counts those days only, the trend's periods are cut to them, and the targets are
 * compared with the figures from the project's start to the range's end.
 */
export async function dashboard(
	{ db, actor }: Ctx,
	projectId: string,
	periodKind: PeriodKind,
	now: string = romeToday(),
	range: DayRange | null = null
): Promise<Dashboard> {
	const grant = await authorize(db, actor, 'monitoring.read', { projectId });
	const operator = decide(grant, OPERATOR_ACTION, { projectId });
	const canManage = decide(grant, 'monitoring.manage', { projectId });
	const [[sheet], aggregates, territories, organisations, targetRows] = await Promise.all([
		db
			.select({ startsOn: project.startsOn, endsOn: project.endsOn })
			.from(project)
			.where(eq(project.id, projectId)),
		loadAggregates(db, projectId, periodKind, { range: range ?? undefined }),
		projectTerritories(db, projectId),
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.orderBy(asc(organisation.name)),
		targetRowsOf(db, projectId)
	]);
	if (!sheet) throw new NotFoundError('project_not_found');
	// One statement at a time: each runs in its own transaction (withWorkMemory).
	const cumulative = range
		? await loadAggregates(db, projectId, periodKind, {
				totalsOnly: true,
				range: { from: '0001-01-01', to: range.to }
			})
		: null;

	// From the project start (or the first fact, if earlier) to today, or to the project end
	// unless facts were recorded after it (pathways outlive the funding).
	const first = aggregates.firstDate;
	const start = [sheet.startsOn, first].filter((d): d is string => !!d).sort()[0];
	const lastFact = aggregates.lastDate;
	const latest = [sheet.endsOn ?? now, lastFact ?? ''].sort()[1];
	const endCandidate = latest < now ? latest : now;
	const periods = range
		? periodsBetween(range.from, range.to, periodKind)
		: start
			? periodsBetween(start, endCandidate, periodKind)
			: [];
	const trend = trendOfAggregates(aggregates, periods).map((measures, i) => ({
		period: periods[i].key,
		label: periods[i].key,
		cells: cells(measures, operator)
	}));

	const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
	const byOrganisation = aggregates.scopes
		.filter((s) => s.dim === 'org')
		.map((s) => ({ label: orgNames.get(s.key) ?? '—', cells: cells(s.measures, operator) }))
		.sort((a, b) => a.label.localeCompare(b.label, 'it'));

	const territoryNames = new Map(territories.map((t) => [t.id, t.name]));
	const byTerritory = territories.map((t) => ({
		label: t.name,
		cells: cells(scopeMeasures(aggregates, 'ter', t.id), operator)
	}));

	const targets = targetsOf(cumulative ?? aggregates, targetRows, territoryNames, operator);
	const inCharge = (of: MonitoringAggregates) => scopeMeasures(of, 'all', '').people_in_charge;
	const before = cumulative
		? (inCharge(cumulative).value ?? 0) - (inCharge(aggregates).value ?? 0)
		: 0;

	const annex = annexOfGroups(aggregates.annex);
	const categories = (counted: Map<string, Cell>, label: (code: string) => string) =>
		[...counted]
			.map(([code, cell]) => ({ label: code ? label(code) : m.monitoring_not_stated(), cell }))
			.sort((a, b) => a.label.localeCompare(b.label, 'it'));
	const suppressed = (counted: Map<string, Measure>) =>
		new Map([...counted].map(([code, measure]) => [code, suppress(measure, operator)]));
	const withoutTerritory = aggregates.peopleWithoutTerritory;

	return {
		periodKind,
		range,
		reachedBefore: suppress({ value: before, people: before }, operator),
		suppressing: !operator,
		totals: cells(scopeMeasures(aggregates, 'all', ''), operator),
		trend,
		byOrganisation,
		byTerritory,
		hiresByEmployerKind: categories(
			suppressed(categoryMeasures(aggregates, 'employer')),
			kindLabel
		),
		hiresByContract: categories(
			suppressed(categoryMeasures(aggregates, 'contract')),
			contractKindLabel
		),
		closuresByReason: categories(
			suppressed(categoryMeasures(aggregates, 'reason')),
			closureReasonLabel
		),
		annex: {
			lines: annex.lines.map((line) => ({
				row: line.row,
				total: suppress(line.total, operator),
				byGender: Object.fromEntries(
					Object.entries(line.byGender).map(([g, measure]) => [g, suppress(measure, operator)])
				) as Record<EsfGender, Cell>
			})),
			withoutProfile: suppress(annex.withoutProfile, operator)
		},
		targets,
		territories,
		canManage,
		peopleWithoutTerritory: suppress(
			{ value: withoutTerritory, people: withoutTerritory },
			operator
		)
	};
}

export { INDICATORS };

/**
 * Sets a target (coordinator): one per indicator and scope; setting it again replaces it.
 * A district must be one of the project's territories.
 */
export async function setTarget(
	{ db, actor }: Ctx,
	projectId: string,
	input: TargetInput
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	if (input.districtId) {
		const territories = await projectTerritories(db, projectId);
		if (!territories.some((t) => t.id === input.districtId)) {
			throw new InvalidError('invalid', { districtId: [m.monitoring_target_district_invalid()] });
		}
	}
	const [existing] = await db
		.select({ id: monitoringTarget.id })
		.from(monitoringTarget)
		.where(
			and(
				eq(monitoringTarget.projectId, projectId),
				eq(monitoringTarget.indicator, input.indicator),
				input.districtId ? eq(monitoringTarget.districtId, input.districtId) : isNullDistrict()
			)
		);
	let targetId: string;
	if (existing) {
		await db
			.update(monitoringTarget)
			.set({
				target: input.target,
				note: input.note,
				updatedById: signedIn.id,
				updatedAt: new Date()
			})
			.where(eq(monitoringTarget.id, existing.id));
		targetId = existing.id;
	} else {
		const [created] = await db
			.insert(monitoringTarget)
			.values({
				projectId,
				indicator: input.indicator,
				districtId: input.districtId,
				target: input.target,
				note: input.note,
				updatedById: signedIn.id
			})
			.returning({ id: monitoringTarget.id });
		targetId = created.id;
	}
	await record(db, {
		actorId: signedIn.id,
		action: 'monitoring.target.set',
		resourceType: 'monitoring_target',
		resourceId: targetId,
		projectId,
		detail: { indicator: input.indicator, districtId: input.districtId, target: input.target }
	});
}

export async function removeTarget(
	{ db, actor }: Ctx,
	projectId: string,
	targetId: string
): Promise<void> {
	const { actor: signedIn } = await authorize(db, actor, 'monitoring.manage', { projectId });
	const removed = await db
		.delete(monitoringTarget)
		.where(and(eq(monitoringTarget.id, targetId), eq(monitoringTarget.projectId, projectId)))
		.returning({ id: monitoringTarget.id });
	if (removed.length === 0) throw new NotFoundError('monitoring_target_not_found');
	await record(db, {
		actorId: signedIn.id,
		action: 'monitoring.target.remove',
		resourceType: 'monitoring_target',
		resourceId: targetId,
		projectId
	});
}

function isNullDistrict() {
	return isNull(monitoringTarget.districtId);
}
