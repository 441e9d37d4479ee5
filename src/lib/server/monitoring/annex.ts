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

/**
 * What the Annex reads of a participant's path: whether they left, and the last six-month
 * follow-up recorded as an event. People who share these and their profile count alike, so the
 * SQL path (aggregates.ts) sends groups of them with their number.
 */
export interface AnnexGroup {
	people: number;
	left: boolean;
	/** Employed at the last follow-up event that says; null when no event says. */
	followUpEmployed: boolean | null;
	profile: EsfProfileFacts | null;
}

/** Whether a participant counts in a row of the Annex. */
export function inAnnexRow(
	row: AnnexRow,
	group: Pick<AnnexGroup, 'left' | 'followUpEmployed'>,
	profile: EsfProfileFacts | null | undefined
): boolean {
	if (row === 'total') return true;
	const { left, followUpEmployed } = group;
	// The six-month follow-up recorded as a case event wins over the profile's answer.
	if (row === 'six_months_employed' && followUpEmployed !== null) {
		return left && followUpEmployed;
	}
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

/** One participant as an Annex group of one. */
export function annexGroupOf(
	person: PathwayPerson,
	profile: EsfProfileFacts | undefined
): AnnexGroup {
	const followUp = person.events.findLast(
		(e) => e.kind === 'follow_up' && e.employed !== undefined
	);
	return {
		people: 1,
		left: person.closedOn !== null,
		followUpEmployed: followUp ? followUp.employed === true : null,
		profile: profile ?? null
	};
}

/** The Annex from the people's facts: the reference the SQL path is tested against. */
export function annexTable(
	people: readonly PathwayPerson[],
	profiles: ReadonlyMap<string, EsfProfileFacts>
): AnnexTable {
	return annexOfGroups(
		people
			.filter((p) => p.takenInChargeOn !== null)
			.map((p) => annexGroupOf(p, profiles.get(p.key)))
	);
}

/** The Annex from groups of participants (taken in charge) who count alike. */
export function annexOfGroups(groups: readonly AnnexGroup[]): AnnexTable {
	const lines = ANNEX_I_ROWS.map((row) => {
		let total = 0;
		const byGender = Object.fromEntries(ANNEX_GENDERS.map((g) => [g, 0])) as Record<
			EsfGender,
			number
		>;
		for (const group of groups) {
			if (!inAnnexRow(row, group, group.profile)) continue;
			total += group.people;
			const gender = group.profile?.gender as EsfGender | undefined;
			if (gender && gender in byGender) byGender[gender] += group.people;
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
	let withoutProfile = 0;
	for (const group of groups) if (!group.profile) withoutProfile += group.people;
	return { lines, withoutProfile: count(withoutProfile) };
}
