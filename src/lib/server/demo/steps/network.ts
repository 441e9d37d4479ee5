import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
	networkRelation,
	organisation,
	partnership,
	partnershipAgreement,
	projectVocabulary,
	type Organisation
} from '../../db/schema';
import {
	DEMO_AGREEMENT,
	DEMO_AREAS,
	DEMO_KIND_UPDATES,
	DEMO_ORGANISATION_DISTRICTS,
	DEMO_PROGRAMME_ORGANISATIONS,
	DEMO_TARGETS,
	DEMO_VAT_NUMBERS
} from '../data/network';
import type { DemoOrganisationKey } from '../data/organisations';
import { DEMO_DISTRICT_IDS, DEMO_ORGANISATION_IDS, DEMO_PROJECT_IDS, demoUuid } from '../ids';

export const DEMO_PROGRAMME_ORGANISATION_IDS = Object.fromEntries(
	DEMO_PROGRAMME_ORGANISATIONS.map((o) => [o.key, demoUuid(`organisation:${o.key}`)])
) as Record<(typeof DEMO_PROGRAMME_ORGANISATIONS)[number]['key'], string>;

/** The register and the partnership as data, on top of the earlier demo steps (issue 10). */
export async function seedNetwork(db: Db): Promise<void> {
	const projectId = DEMO_PROJECT_IDS.workInProgress;
	const keys = Object.keys(DEMO_ORGANISATION_IDS) as DemoOrganisationKey[];
	for (const key of keys) {
		const kind = DEMO_KIND_UPDATES[key] as Organisation['kind'] | undefined;
		const districts = DEMO_ORGANISATION_DISTRICTS[key]?.map((d) => DEMO_DISTRICT_IDS[d]);
		const vatNumber = DEMO_VAT_NUMBERS[key];
		if (!kind && !districts && !vatNumber) continue;
		await db
			.update(organisation)
			.set({
				...(kind ? { kind } : {}),
				...(districts ? { districtIds: districts } : {}),
				...(vatNumber ? { vatNumber } : {})
			})
			.where(eq(organisation.id, DEMO_ORGANISATION_IDS[key]));
	}
	// The institutional partners act on their own territory in the project too.
	for (const [key, districts] of Object.entries(DEMO_ORGANISATION_DISTRICTS)) {
		await db
			.update(partnership)
			.set({
				districtIds: districts.filter((d) => d !== 'altoMilanese').map((d) => DEMO_DISTRICT_IDS[d])
			})
			.where(eq(partnership.organisationId, DEMO_ORGANISATION_IDS[key as DemoOrganisationKey]));
	}
	await db
		.update(partnership)
		.set({ fromDate: '2020-07-14', toDate: '2021-12-31' })
		.where(eq(partnership.projectId, projectId));

	await db.insert(organisation).values(
		DEMO_PROGRAMME_ORGANISATIONS.map((o) => ({
			id: DEMO_PROGRAMME_ORGANISATION_IDS[o.key],
			name: o.name,
			shortName: o.shortName,
			kind: o.kind
		}))
	);
	// 002: the leads of the programme's projects meet in its Cabina di Regia with Città Metropolitana.
	await db.insert(networkRelation).values(
		DEMO_PROGRAMME_ORGANISATIONS.map((o) => ({
			projectId,
			sourceId: DEMO_ORGANISATION_IDS.cittaMetropolitana,
			targetId: DEMO_PROGRAMME_ORGANISATION_IDS[o.key],
			kind: 'agreement' as const,
			label: o.project
				? `Cabina di regia del Programma (002): capofila del progetto ${o.project}`
				: 'Programma (002): partecipa alla co-progettazione dalle prime fasi',
			fromDate: '2020-07-20'
		}))
	);
	await db.insert(partnershipAgreement).values({
		projectId,
		form: DEMO_AGREEMENT.form,
		signedOn: DEMO_AGREEMENT.signedOn,
		act: DEMO_AGREEMENT.act,
		mandateOrganisationId: DEMO_ORGANISATION_IDS[DEMO_AGREEMENT.mandate]
	});
	await db.insert(projectVocabulary).values([
		...DEMO_AREAS.map(([key, label], position) => ({
			projectId,
			list: 'area' as const,
			key,
			label,
			position
		})),
		...DEMO_TARGETS.map(([key, label], position) => ({
			projectId,
			list: 'target' as const,
			key,
			label,
			position
		}))
	]);
}
