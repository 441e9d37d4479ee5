import { describe, expect, it } from 'vitest';
import {
	ALL_TIME,
	measure,
	measureAll,
	median,
	periodOf,
	periodsBetween,
	peopleBy,
	progress,
	suppress,
	targetViews,
	trendOf
} from '../../../src/lib/server/monitoring/compute';
import { SIL_003, person, sil003People } from './fixtures';

describe('periods', () => {
	it('puts the last day of a quarter in it and the next day in the next one', () => {
		expect(periodOf('2025-03-31', 'quarter')).toEqual({
			key: '2025-Q1',
			start: '2025-01-01',
			end: '2025-03-31'
		});
		expect(periodOf('2025-04-01', 'quarter').key).toBe('2025-Q2');
		expect(periodOf('2025-12-31', 'quarter')).toEqual({
			key: '2025-Q4',
			start: '2025-10-01',
			end: '2025-12-31'
		});
	});

	it('knows leap years and month ends', () => {
		expect(periodOf('2024-02-10', 'month').end).toBe('2024-02-29');
		expect(periodOf('2025-02-10', 'month').end).toBe('2025-02-28');
		expect(periodOf('2025-12-31', 'year')).toEqual({
			key: '2025',
			start: '2025-01-01',
			end: '2025-12-31'
		});
	});

	it('lists consecutive periods across a year end', () => {
		expect(periodsBetween('2024-11-15', '2025-02-01', 'month').map((p) => p.key)).toEqual([
			'2024-11',
			'2024-12',
			'2025-01',
			'2025-02'
		]);
		expect(periodsBetween('2024-12-31', '2025-01-01', 'quarter').map((p) => p.key)).toEqual([
			'2024-Q4',
			'2025-Q1'
		]);
		expect(periodsBetween('2025-02-01', '2024-01-01', 'year')).toEqual([]);
	});

	it('counts an event on the boundary day in its own period only', () => {
		const people = [
			person({ takenInChargeOn: '2025-03-01', events: [{ kind: 'hire', on: '2025-03-31' }] })
		];
		expect(measure(people, 'hires', periodOf('2025-03-31', 'quarter')).value).toBe(1);
		expect(measure(people, 'hires', periodOf('2025-04-01', 'quarter')).value).toBe(0);
	});
});

describe('the yearly figures of 003, recomputed', () => {
	const people = sil003People();

	it.each(Object.entries(SIL_003.active))('active pathways in %s: %i', (year, expected) => {
		expect(measure(people, 'active_pathways', periodOf(`${year}-01-01`, 'year')).value).toBe(
			expected
		);
	});

	it.each(Object.entries(SIL_003.internships))('internship users in %s: %i', (year, expected) => {
		expect(measure(people, 'internships_started', periodOf(`${year}-01-01`, 'year')).value).toBe(
			expected
		);
	});

	it('has the 57 hires of 2018, 30 days to a first internship, 122 to a hire', () => {
		const y2018 = measureAll(people, periodOf('2018-05-05', 'year'));
		expect(y2018.hires.value).toBe(57);
		expect(y2018.days_to_internship).toEqual({ value: 30, people: 156 });
		expect(y2018.days_to_hire).toEqual({ value: 122, people: 57 });
		expect(y2018.closures.value).toBe(455);
	});

	it('counts everyone once over the whole project', () => {
		const all = measureAll(people, ALL_TIME);
		expect(all.people_in_charge.value).toBe(162 + 258 + 274 + 455 + 412);
		expect(all.internships_started.value).toBe(91 + 94 + 123 + 156 + 119);
	});

	it('counts a person with two internships in a year once', () => {
		const twice = [
			person({
				takenInChargeOn: '2025-01-10',
				events: [
					{ kind: 'internship', on: '2025-02-01' },
					{ kind: 'internship', on: '2025-09-01' }
				]
			})
		];
		expect(measure(twice, 'internships_started', periodOf('2025-01-01', 'year')).value).toBe(1);
		expect(measure(twice, 'internships_started', periodOf('2025-09-01', 'quarter')).value).toBe(1);
	});
});

describe('active pathways', () => {
	it('include people closed during the period, not those closed before it', () => {
		const people = [
			person({ takenInChargeOn: '2024-05-01', closedOn: '2025-01-15' }),
			person({ takenInChargeOn: '2024-05-01', closedOn: '2024-12-31' }),
			person({ takenInChargeOn: '2025-02-01' }),
			person({ takenInChargeOn: '2026-01-01' }),
			person({ takenInChargeOn: null })
		];
		expect(measure(people, 'active_pathways', periodOf('2025-06-01', 'year')).value).toBe(2);
	});
});

describe('medians', () => {
	it('takes the middle, or the rounded mean of the two middles', () => {
		expect(median([])).toBeNull();
		expect(median([5, 1, 3])).toBe(3);
		expect(median([1, 2, 3, 10])).toBe(3);
	});
});

describe('small-cell suppression', () => {
	it('withholds 1 and 2 from non-operators, shows 0 and 3', () => {
		expect(suppress({ value: 1, people: 1 }, false)).toEqual({ value: null, suppressed: true });
		expect(suppress({ value: 2, people: 2 }, false)).toEqual({ value: null, suppressed: true });
		expect(suppress({ value: 0, people: 0 }, false)).toEqual({ value: 0, suppressed: false });
		expect(suppress({ value: 3, people: 3 }, false)).toEqual({ value: 3, suppressed: false });
	});

	it('withholds a median resting on two people, whatever its value', () => {
		expect(suppress({ value: 40, people: 2 }, false)).toEqual({ value: null, suppressed: true });
	});

	it('shows operators everything', () => {
		expect(suppress({ value: 1, people: 1 }, true)).toEqual({ value: 1, suppressed: false });
	});
});

describe('targets', () => {
	const people = [
		...Array.from({ length: 5 }, () =>
			person({ districtId: 'legnano', takenInChargeOn: '2025-01-01' })
		),
		...Array.from({ length: 2 }, () =>
			person({
				districtId: 'magenta',
				takenInChargeOn: '2025-01-01',
				events: [{ kind: 'internship', on: '2025-03-01' }]
			})
		)
	];
	const names = new Map([
		['legnano', 'Ambito Legnano'],
		['magenta', 'Ambito Magenta']
	]);
	const rows = [
		{ id: 't1', indicator: 'people_in_charge', districtId: null, target: 100, note: '' },
		{ id: 't2', indicator: 'people_in_charge', districtId: 'legnano', target: 25, note: '' },
		{ id: 't3', indicator: 'internships_started', districtId: 'magenta', target: 10, note: '' },
		{ id: 't4', indicator: 'no_longer_computed', districtId: null, target: 5, note: '' }
	];

	it('measures each target on its own territory', () => {
		const views = targetViews(people, rows, names, true);
		expect(views.map((v) => [v.id, v.districtName, v.actual.value, v.progress])).toEqual([
			['t1', null, 7, 7],
			['t2', 'Ambito Legnano', 5, 20],
			['t3', 'Ambito Magenta', 2, 20]
		]);
	});

	it('withholds a small territory figure, and its progress, from non-operators', () => {
		const t3 = targetViews(people, rows, names, false).find((v) => v.id === 't3')!;
		expect(t3.actual).toEqual({ value: null, suppressed: true });
		expect(t3.progress).toBeNull();
	});

	it('computes progress in whole percent', () => {
		expect(progress({ value: 40, suppressed: false }, 120)).toBe(33);
		expect(progress({ value: 130, suppressed: false }, 100)).toBe(130);
	});
});

describe('trendOf, the one-pass trend', () => {
	const people = [
		...sil003People(),
		person({
			takenInChargeOn: '2014-11-03',
			closedOn: null,
			events: [
				{ kind: 'intake', on: '2014-11-03' },
				{ kind: 'course', on: '2015-02-01' },
				{ kind: 'hire', on: '2015-02-10' },
				{ kind: 'hire', on: '2016-03-10' }
			]
		}),
		person({ takenInChargeOn: '2017-03-31', closedOn: '2017-04-01' }),
		person({
			takenInChargeOn: '2016-01-04',
			events: [
				{ kind: 'intake', on: '2016-01-04' },
				{ kind: 'orientation', on: '2016-01-04', hours: 2 },
				{ kind: 'orientation', on: '2016-03-31', hours: 1.5 },
				{ kind: 'orientation', on: '2016-04-01' },
				{ kind: 'internship', on: '2016-05-02', months: 6 },
				{ kind: 'internship', on: '2016-05-20', months: 0.5 }
			]
		})
	];

	it.each(['year', 'quarter', 'month'] as const)('agrees with measureAll by %s', (kind) => {
		const periods = periodsBetween('2015-01-01', '2019-05-31', kind);
		const fast = trendOf(people, periods, kind);
		expect(fast).toHaveLength(periods.length);
		periods.forEach((period, i) => expect(fast[i]).toEqual(measureAll(people, period)));
	});
});

describe('sums and categories of the structured fields', () => {
	const people = [
		person({
			events: [
				{ kind: 'orientation', on: '2025-01-10', hours: 2 },
				{ kind: 'orientation', on: '2025-04-10', hours: 3.5 },
				{ kind: 'internship', on: '2025-05-01', months: 6 },
				{ kind: 'hire', on: '2025-12-01', contract: 'fixed_term' },
				{ kind: 'hire', on: '2026-02-01', contract: 'permanent' }
			]
		}),
		person({
			events: [
				{ kind: 'orientation', on: '2025-03-31' },
				{ kind: 'internship', on: '2025-06-01', months: 2.5 },
				{ kind: 'hire', on: '2025-11-01', contract: 'fixed_term' },
				{ kind: 'hire', on: '2025-11-20', contract: 'fixed_term' }
			]
		}),
		person({ events: [{ kind: 'hire', on: '2025-10-01' }] })
	];

	it('add up hours and months, resting on the people who have them', () => {
		const q1 = periodOf('2025-02-01', 'quarter');
		expect(measure(people, 'orientation_hours', q1)).toEqual({ value: 2, people: 1 });
		expect(measure(people, 'orientation_hours', ALL_TIME)).toEqual({ value: 5.5, people: 1 });
		expect(measure(people, 'internship_months', ALL_TIME)).toEqual({ value: 8.5, people: 2 });
		expect(suppress(measure(people, 'internship_months', ALL_TIME), false)).toEqual({
			value: null,
			suppressed: true
		});
	});

	it('count each person once per category, under every category they have', () => {
		const byContract = peopleBy(people, 'hire', (e) => e.contract);
		expect(Object.fromEntries(byContract)).toEqual({
			fixed_term: { value: 2, people: 2 },
			permanent: { value: 1, people: 1 },
			'': { value: 1, people: 1 }
		});
		const in2025 = peopleBy(people, 'hire', (e) => e.contract, periodOf('2025-01-01', 'year'));
		expect(in2025.get('permanent')).toBeUndefined();
	});
});
