import { describe, expect, it } from 'vitest';
import { annexTable } from '../../../src/lib/server/monitoring/annex';
import type { EsfProfileFacts } from '../../../src/lib/server/monitoring/pathway-facts';
import { person } from './fixtures';

const profile = (fields: Partial<EsfProfileFacts>): EsfProfileFacts => ({
	gender: 'female',
	labourStatus: 'unemployed',
	ageBand: '18_29',
	education: 'isced_3_4',
	disability: null,
	thirdCountryNational: null,
	foreignBackground: null,
	minority: null,
	homeless: null,
	rural: null,
	resultAtExit: null,
	resultSixMonths: null,
	...fields
});

describe('the Annex I aggregate', () => {
	const open = person({ takenInChargeOn: '2025-01-10' });
	const left = person({ takenInChargeOn: '2025-01-10', closedOn: '2025-09-30' });
	const leftToo = person({ takenInChargeOn: '2025-02-10', closedOn: '2025-10-30' });
	const noProfile = person({ takenInChargeOn: '2025-03-01' });
	const referredOnly = person({ takenInChargeOn: null });
	const profiles = new Map([
		[open.key, profile({ labourStatus: 'long_term_unemployed', disability: true })],
		// Recorded at exit while open: not counted until the person leaves.
		[
			left.key,
			profile({
				gender: 'male',
				labourStatus: 'inactive',
				ageBand: '55_plus',
				disability: false,
				resultAtExit: 'employed',
				resultSixMonths: 'employed'
			})
		],
		[
			leftToo.key,
			profile({ gender: 'non_binary', education: 'isced_0_2', resultAtExit: 'job_searching' })
		],
		[referredOnly.key, profile({})]
	]);
	const table = annexTable([open, left, leftToo, noProfile, referredOnly], profiles);
	const line = (row: string) => {
		const found = table.lines.find((l) => l.row === row)!;
		return [
			found.total.value,
			found.byGender.female.value,
			found.byGender.male.value,
			found.byGender.non_binary.value
		];
	};

	it('counts every participant once, by gender where recorded', () => {
		expect(line('total')).toEqual([4, 1, 1, 1]);
		expect(table.withoutProfile.value).toBe(1);
	});

	it('counts labour status at entry, unemployed including the long-term unemployed', () => {
		expect(line('unemployed')).toEqual([2, 1, 0, 1]);
		expect(line('long_term_unemployed')).toEqual([1, 1, 0, 0]);
		expect(line('inactive')).toEqual([1, 0, 1, 0]);
		expect(line('employed')).toEqual([0, 0, 0, 0]);
	});

	it('counts age bands, education and declared conditions (a "no" or no answer is not counted)', () => {
		expect(line('18_29')).toEqual([2, 1, 0, 1]);
		expect(line('55_plus')).toEqual([1, 0, 1, 0]);
		expect(line('isced_0_2')).toEqual([1, 0, 0, 1]);
		expect(line('disability')).toEqual([1, 1, 0, 0]);
		expect(line('rural')).toEqual([0, 0, 0, 0]);
	});

	it('counts the results only of those who left', () => {
		expect(line('exit_employed')).toEqual([1, 0, 1, 0]);
		expect(line('exit_job_searching')).toEqual([1, 0, 0, 1]);
		expect(line('six_months_employed')).toEqual([1, 0, 1, 0]);
		expect(line('six_months_better_situation')).toEqual([0, 0, 0, 0]);
	});
});
