import type { Db } from '../db/client';
import type { ActionRegister } from '../../proposals/action-register';
import { projectDistricts, vocabulary } from '../network/partnership';

/**
 * The register's lists an action block chooses from: the partnership's areas and targets and the
 * project's districts. Read by whoever may read the proposal (the caller has asked the policy):
 * they are the project's configuration, no personal data.
 */
export async function actionRegister(db: Db, projectId: string): Promise<ActionRegister> {
	const [vocab, districts] = await Promise.all([
		vocabulary(db, projectId),
		projectDistricts(db, projectId)
	]);
	return {
		areas: vocab.areas,
		targets: vocab.targets,
		territories: districts.map((d) => ({ key: d.id, label: d.name }))
	};
}
