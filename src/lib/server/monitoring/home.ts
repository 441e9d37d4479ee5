import type { Ctx } from '../context';
import { findGrant } from '../access/policy';
import type { ProjectRole } from '../db/schema';
import { totalsAndTargets, type TargetView } from './dashboard';
import type { Cell } from './compute';

/** The roles whose first screen is the dashboard: evaluators and cabina di regia members. */
const SUMMARY_ROLES: ReadonlySet<ProjectRole> = new Set(['observer', 'steering_member']);

export interface MonitoringSummary {
	totals: Record<string, Cell>;
	targets: TargetView[];
}

/** The dashboard's totals and targets for the project home, or null for other roles. */
export async function monitoringSummary(
	ctx: Ctx,
	projectId: string
): Promise<MonitoringSummary | null> {
	if (!ctx.actor) return null;
	const grant = await findGrant(ctx.db, ctx.actor.id, projectId);
	if (!grant || !SUMMARY_ROLES.has(grant.role)) return null;
	return totalsAndTargets(ctx, projectId);
}
