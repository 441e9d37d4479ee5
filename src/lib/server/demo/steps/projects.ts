import type { Db } from '../../db/client';
import { programme, project, projectDistrict } from '../../db/schema';
import { DEMO_PROGRAMME, DEMO_PROJECTS } from '../data/projects';
import {
	DEMO_DISTRICT_IDS,
	DEMO_ORGANISATION_IDS,
	DEMO_PROGRAMME_ID,
	DEMO_PROJECT_IDS
} from '../ids';

/** The programme of 002, the two demo projects, and the districts each works in. */
export async function seedProjects(db: Db): Promise<void> {
	await db.insert(programme).values({
		id: DEMO_PROGRAMME_ID,
		title: DEMO_PROGRAMME.title,
		description: DEMO_PROGRAMME.description
	});
	await db.insert(project).values(
		DEMO_PROJECTS.map((p) => ({
			id: DEMO_PROJECT_IDS[p.key],
			programmeId: p.inProgramme ? DEMO_PROGRAMME_ID : null,
			title: p.title,
			acronym: p.acronym,
			description: p.description,
			leadOrganisationId: DEMO_ORGANISATION_IDS[p.lead],
			startsOn: p.startsOn,
			endsOn: p.endsOn
		}))
	);
	await db.insert(projectDistrict).values(
		DEMO_PROJECTS.flatMap((p) =>
			p.districts.map((key) => ({
				projectId: DEMO_PROJECT_IDS[p.key],
				districtId: DEMO_DISTRICT_IDS[key]
			}))
		)
	);
}
