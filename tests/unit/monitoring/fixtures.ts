import type {
	PathwayPerson,
	PathwayEventFact
} from '../../../src/lib/server/monitoring/pathway-facts';

let counter = 0;

/** A person of a hand-made fixture: every field spelled out by the test that makes it. */
export function person(
	fields: Partial<Omit<PathwayPerson, 'key'>> & { events?: PathwayEventFact[] } = {}
): PathwayPerson {
	counter += 1;
	return {
		key: `p${counter}`,
		organisationId: fields.organisationId ?? 'org-a',
		districtId: fields.districtId ?? null,
		parentDistrictId: fields.parentDistrictId ?? null,
		takenInChargeOn: fields.takenInChargeOn ?? null,
		closedOn: fields.closedOn ?? null,
		events: fields.events ?? []
	};
}

/**
 * The SIL figures of 003 (Sercop, 2015 – May 2019), rebuilt as people: each year's active
 * pathways are people taken in charge on 1 June and closed on 31 December of that year, the
 * first "tirocini: n. utenti" of them start an internship on 1 July, and 2018 has its 57 hires.
 */
export const SIL_003 = {
	active: { 2015: 162, 2016: 258, 2017: 274, 2018: 455, 2019: 412 },
	internships: { 2015: 91, 2016: 94, 2017: 123, 2018: 156, 2019: 119 },
	hires2018: 57
} as const;

export function sil003People(): PathwayPerson[] {
	const people: PathwayPerson[] = [];
	for (const [yearText, active] of Object.entries(SIL_003.active)) {
		const year = Number(yearText);
		const interns = SIL_003.internships[year as keyof typeof SIL_003.internships];
		for (let i = 0; i < active; i += 1) {
			const events: PathwayEventFact[] = [{ kind: 'intake', on: `${year}-06-01` }];
			if (i < interns) events.push({ kind: 'internship', on: `${year}-07-01` });
			if (year === 2018 && i < SIL_003.hires2018) events.push({ kind: 'hire', on: '2018-10-01' });
			// 2019 was counted at the end of May: those paths are still open.
			const closedOn = year === 2019 ? null : `${year}-12-31`;
			if (closedOn) events.push({ kind: 'closure', on: closedOn });
			people.push(
				person({
					organisationId: i % 2 === 0 ? 'org-a' : 'org-b',
					districtId: i % 3 === 0 ? 'rho' : 'garbagnate',
					takenInChargeOn: `${year}-06-01`,
					closedOn,
					events
				})
			);
		}
	}
	return people;
}
