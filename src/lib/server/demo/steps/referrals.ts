import type { Db } from '../../db/client';
import { caseReferral } from '../../db/schema';
import { demoUuid, DEMO_ORGANISATION_IDS, DEMO_PERSON_IDS } from '../ids';

/**
 * Demo step `referrals`: Atticus refers Simone (T2G-6YC) to Solidarietà e Servizi for the OSS
 * course, without his identity; it waits for Luca's answer on the cases page. Pending, so
 * nobody's list of people changes until someone accepts it.
 */
export async function seedReferrals(db: Db): Promise<void> {
	await db.insert(caseReferral).values({
		id: demoUuid('referral:parini-oss'),
		caseId: demoUuid('case:parini'),
		fromOrganisationId: DEMO_ORGANISATION_IDS.atticus,
		toOrganisationId: DEMO_ORGANISATION_IDS.solidarietaServizi,
		reason:
			'Interesse per il corso OSS che partirà nel vostro ambito a gennaio; da noi nessun corso simile prima dell’estate.',
		sharesIdentity: false,
		referredById: DEMO_PERSON_IDS.caseOperatorAtticus,
		createdAt: new Date('2026-10-26T10:00:00Z')
	});
}
