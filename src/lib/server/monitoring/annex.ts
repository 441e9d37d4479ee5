import { ANNEX_GENDERS, ANNEX_I_ROWS, type AnnexRow } from '../../monitoring/esf-annex';
import type { EsfGender } from '../../monitoring/esf';
import type { Measure } from './compute';
import type { EsfProfileFacts, PathwayPerson } from './pathway-facts';

/**
 * The Annex I aggregate (Reg. (EU) 2021/1057) from the pathway facts and the ESF+ profiles:
 * pure, so the tests check it by hand. A participant is a person taken in charge, once (one
 * record per person per project, so a person who re-enters is counted once). Profile rows count
 * those whose profile says so; results count only those who left (their pathway is closed).
 */

export interface AnnexLine {
	row: AnnexRow;
	total: Measure;
	byGender: Record<EsfGender, Measure>;
}

export interface AnnexTable {
	lines: AnnexLine[];
	/** Participants whose operators have not recorded the ESF+ data yet. */
	withoutProfile: Measure;
}

const FLAG_ROWS = [
	'disability',
	'thirdCountryNational',
	'foreignBackground',
	'minority',
	'homeless',
	'rural'
] as const satisfies readonly AnnexRow[];

/** Whether a participant counts in a row of the Annex. */
export function inAnnexRow(
	row: AnnexRow,
	person: PathwayPerson,
	profile: EsfProfileFacts | undefined
): boolean {
	if (row === 'total') return true;
	const left = person.closedOn !== null;
	// The six-month follow-up recorded as a case event wins over the profile's answer.
	const followUp = person.events.findLast(
		(e) => e.kind === 'follow_up' && e.employed !== undefined
	);
	if (row === 'six_months_employed' && followUp) return left && followUp.employed === true;
	if (!profile) return false;
	switch (row) {
		case 'unemployed':
			return (
				profile.labourStatus === 'unemployed' || profile.labourStatus === 'long_term_unemployed'
			);
		case 'long_term_unemployed':
		case 'inactive':
		case 'employed':
			return profile.labourStatus === row;
		case 'under_18':
		case '18_29':
		case '55_plus':
			return profile.ageBand === row;
		case 'isced_0_2':
		case 'isced_3_4':
		case 'isced_5_8':
			return profile.education === row;
		case 'exit_job_searching':
		case 'exit_education_training':
		case 'exit_qualification':
		case 'exit_employed':
			return left && profile.resultAtExit === row.slice('exit_'.length);
		case 'six_months_employed':
		case 'six_months_better_situation':
			return left && profile.resultSixMonths === row.slice('six_months_'.length);
		default:
			return (FLAG_ROWS as readonly string[]).includes(row) && profile[row] === true;
	}
}

const count = (n: number): Measure => ({ value: n, people: n });

export function annexTable(
	people: readonly PathwayPerson[],
	profiles: ReadonlyMap<string, EsfProfileFacts>
): AnnexTable {
	const participants = people.filter((p) => p.takenInChargeOn !== null);
	const lines = ANNEX_I_ROWS.map((row) => {
		let total = 0;
		const byGender = Object.fromEntries(ANNEX_GENDERS.map((g) => [g, 0])) as Record<
			EsfGender,
			number
		>;
		for (const person of participants) {
			const profile = profiles.get(person.key);
			if (!inAnnexRow(row, person, profile)) continue;
			total += 1;
			const gender = profile?.gender as EsfGender | undefined;
			if (gender && gender in byGender) byGender[gender] += 1;
		}
		return {
			row,
			total: count(total),
			byGender: Object.fromEntries(ANNEX_GENDERS.map((g) => [g, count(byGender[g])])) as Record<
				EsfGender,
				Measure
			>
		};
	});
	return {
		lines,
		withoutProfile: count(participants.filter((p) => !profiles.has(p.key)).length)
	};
}
