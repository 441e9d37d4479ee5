/**
 * `npm run bench:decisions`: the decision register with 20,000 decisions and their status
 * history on the embedded database (PGlite) — or on PostgreSQL when DATABASE_URL is set. Each
 * query runs through the domain function (policy check included), as the page calls it;
 * p50/p95 go in docs/benchmarks.md. Not a test: numbers depend on the machine.
 */
import { readConfig } from '../src/lib/server/config';
import { startRuntime, stopRuntime } from '../src/lib/server/runtime';
import { body, decision, decisionStatusChange, meeting } from '../src/lib/server/db/schema';
import * as register from '../src/lib/server/governance/decision-register';
import type { RegisterFilter } from '../src/lib/governance/decision-form';
import { buildMember, buildOrganisation, buildProject } from '../tests/support/factories';
import { createTestDatabase } from '../tests/support/database';
import { contextFor } from '../src/lib/server/context';

const DECISIONS = 20_000;
const RUNS = 60;
const WORDS = [
	'tirocini',
	'sportello',
	'orientamento',
	'aziende',
	'laboratorio',
	'monitoraggio',
	'gruppo',
	'lavoro',
	'ambito',
	'Magentino',
	'Legnanese',
	'Abbiatense',
	'formazione',
	'tutoring',
	'voucher',
	'indicatori',
	'calendario',
	'partner',
	'convenzione',
	'budget'
];
const STATUSES = ['proposed', 'approved', 'in_progress', 'done', 'rejected', 'superseded'] as const;
const PATHS: Record<(typeof STATUSES)[number], (typeof STATUSES)[number][]> = {
	proposed: ['proposed'],
	approved: ['proposed', 'approved'],
	in_progress: ['proposed', 'approved', 'in_progress'],
	done: ['proposed', 'approved', 'in_progress', 'done'],
	rejected: ['proposed', 'rejected'],
	superseded: ['proposed', 'approved', 'superseded']
};

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

// A fresh database, dropped afterwards: PGlite in a temporary folder, or a new PostgreSQL
// database on the server of DATABASE_URL.
const database = await createTestDatabase();
const runtime = await startRuntime({
	config: readConfig({ ...database.env, SEED_DEMO: 'false', LOG_LEVEL: 'warn' })
});
const { db } = runtime;
try {
	const project = await buildProject(db);
	const observer = await buildMember(db, { projectId: project.id, role: 'observer' });
	const owners = await Promise.all(
		Array.from({ length: 20 }, () =>
			buildMember(db, { projectId: project.id, role: 'steering_member' })
		)
	);
	const organisations = await Promise.all(Array.from({ length: 10 }, () => buildOrganisation(db)));
	const bodies = await db
		.insert(body)
		.values(
			Array.from({ length: 8 }, (_, i) => ({
				projectId: project.id,
				kind: 'working_group' as const,
				name: `Gruppo ${i}`
			}))
		)
		.returning();
	const meetings = await db
		.insert(meeting)
		.values(
			bodies.flatMap((b) =>
				Array.from({ length: 25 }, (_, i) => ({
					bodyId: b.id,
					projectId: project.id,
					title: `Riunione ${i}`,
					startsAt: new Date(Date.UTC(2025, 0, 1 + i * 14)),
					endsAt: new Date(Date.UTC(2025, 0, 1 + i * 14, 2))
				}))
			)
		)
		.returning();

	console.log(`seeding ${DECISIONS} decisions with history…`);
	const started = Date.now();
	let changes = 0;
	for (let batch = 0; batch < DECISIONS / 500; batch++) {
		const rows = Array.from({ length: 500 }, () => {
			const m = pick(meetings);
			const status = pick(STATUSES);
			const text = Array.from({ length: 8 }, () => pick(WORDS)).join(' ');
			const due = new Date(
				Date.UTC(2025, Math.floor(random() * 30), 1 + Math.floor(random() * 27))
			);
			return {
				projectId: project.id,
				bodyId: m.bodyId,
				meetingId: m.id,
				text: `Si decide: ${text}`,
				quote: text,
				status,
				ownerPersonId: pick(owners).person.id,
				ownerOrganisationId: pick(organisations).id,
				dueOn: due.toISOString().slice(0, 10),
				createdAt: m.startsAt
			};
		});
		const inserted = await db
			.insert(decision)
			.values(rows)
			.returning({ id: decision.id, status: decision.status, createdAt: decision.createdAt });
		const history = inserted.flatMap((d) =>
			PATHS[d.status].map((to, i, path) => ({
				decisionId: d.id,
				fromStatus: i === 0 ? null : path[i - 1],
				toStatus: to,
				actorId: pick(owners).person.id,
				at: new Date(d.createdAt.getTime() + i * 86_400_000)
			}))
		);
		changes += history.length;
		await db.insert(decisionStatusChange).values(history);
	}
	console.log(
		`seeded ${DECISIONS} decisions, ${changes} status changes in ${((Date.now() - started) / 1000).toFixed(1)} s`
	);

	const ctx = contextFor(runtime, observer.actor);
	const none: RegisterFilter = { bodyId: null, status: null, ownerId: null, overdue: false, q: '' };
	const scenarios: [string, RegisterFilter][] = [
		['no filter (first page + total)', none],
		['status = in_progress', { ...none, status: 'in_progress' }],
		['body', { ...none, bodyId: bodies[3].id }],
		['owner (person)', { ...none, ownerId: owners[7].person.id }],
		['overdue', { ...none, overdue: true }],
		['text: whole word "tirocini"', { ...none, q: 'tirocini' }],
		['text: prefix "monit"', { ...none, q: 'monit' }],
		['text: two words "sportello magentino"', { ...none, q: 'sportello magentino' }],
		[
			'combined: body + status + text',
			{ ...none, bodyId: bodies[1].id, status: 'approved', q: 'aziende' }
		]
	];
	const results: { name: string; p50: number; p95: number; total: number }[] = [];
	for (const [name, filter] of scenarios) {
		const times: number[] = [];
		let total = 0;
		for (let i = 0; i < RUNS + 5; i++) {
			const t = performance.now();
			total = (await register.list(ctx, project.id, filter)).total;
			if (i >= 5) times.push(performance.now() - t); // the first runs warm caches and plans
		}
		times.sort((a, b) => a - b);
		results.push({
			name,
			total,
			p50: times[Math.floor(times.length * 0.5)],
			p95: times[Math.ceil(times.length * 0.95) - 1]
		});
	}
	const timelineTimes: number[] = [];
	for (let i = 0; i < RUNS + 5; i++) {
		const t = performance.now();
		await register.timeline(ctx, project.id, none, 50);
		if (i >= 5) timelineTimes.push(performance.now() - t);
	}
	timelineTimes.sort((a, b) => a - b);
	results.push({
		name: 'timeline (50 latest changes)',
		total: 50,
		p50: timelineTimes[Math.floor(timelineTimes.length * 0.5)],
		p95: timelineTimes[Math.ceil(timelineTimes.length * 0.95) - 1]
	});

	console.log(`\n| query | matches | p50 ms | p95 ms |\n|---|---:|---:|---:|`);
	for (const r of results) {
		console.log(`| ${r.name} | ${r.total} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
	}
	const worst = Math.max(...results.map((r) => r.p95));
	console.log(`\nworst p95: ${worst.toFixed(1)} ms (${runtime.database.kind}) — target < 100 ms`);
} finally {
	await stopRuntime();
	await database.drop();
}
