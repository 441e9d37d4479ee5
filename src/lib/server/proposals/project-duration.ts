import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { project } from '../db/schema';

/** Months from the project's start to its end, inclusive of both months; null when unknown. */
export async function projectDurationMonths(db: Db, projectId: string): Promise<number | null> {
	const [found] = await db
		.select({ startsOn: project.startsOn, endsOn: project.endsOn })
		.from(project)
		.where(eq(project.id, projectId));
	if (!found?.startsOn || !found.endsOn) return null;
	const [y1, m1] = found.startsOn.split('-').map(Number);
	const [y2, m2] = found.endsOn.split('-').map(Number);
	const months = (y2 - y1) * 12 + (m2 - m1) + 1;
	return months > 0 ? months : null;
}
