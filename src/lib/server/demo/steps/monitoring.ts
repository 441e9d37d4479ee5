import type { Db } from '../../db/client';
import { monitoringTarget } from '../../db/schema';
import { DEMO_DISTRICT_IDS, DEMO_PROJECT_ID } from '../ids';
import type { TargetIndicator } from '../../../monitoring/indicators';

/** The targets of the project sheet 001 §5, as the coordinator would enter them. */
export const DEMO_TARGETS: readonly {
	indicator: TargetIndicator;
	district: keyof typeof DEMO_DISTRICT_IDS | null;
	target: number;
	note: string;
}[] = [
	{
		indicator: 'people_in_charge',
		district: null,
		target: 180,
		note: 'Scheda progetto §5: 100 giovani (target 1) e almeno 80 neogenitori e over 50 (target 2)'
	},
	...(['legnano', 'castanoPrimo', 'magentino', 'abbiatense'] as const).map((district) => ({
		indicator: 'people_in_charge' as const,
		district,
		target: 25,
		note: 'Scheda progetto §5: almeno 25 giovani per sub-ambito'
	})),
	{
		indicator: 'orientation_training',
		district: null,
		target: 120,
		note: 'Scheda progetto §5: percorsi di orientamento e formazione per 120 persone'
	},
	{
		indicator: 'internships_started',
		district: null,
		target: 40,
		note: 'Scheda progetto §5: 40 attivazioni (tirocini e formazione on the job)'
	}
];

/** Demo step `monitoring`: the targets of 001 for the project in progress. */
export async function seedMonitoring(db: Db): Promise<void> {
	await db.insert(monitoringTarget).values(
		DEMO_TARGETS.map((t) => ({
			projectId: DEMO_PROJECT_ID,
			indicator: t.indicator,
			districtId: t.district ? DEMO_DISTRICT_IDS[t.district] : null,
			target: t.target,
			note: t.note
		}))
	);
}
