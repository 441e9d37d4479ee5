/**
 * `npm run bench:search`: search across everything (ADR 0140) over 2,000 proposal sections,
 * 5,000 minutes pages and 20,000 decisions, on the embedded database (PGlite) — or on
 * PostgreSQL when DATABASE_URL is set (a fresh database there, dropped afterwards). Each query
 * runs through `search()` as the page calls it: grants, policy, the union of every source,
 * ranking and snippets of the first page. p50/p95 go in docs/benchmarks.md. Not a test.
 */
import { readConfig } from '../src/lib/server/config';
import { startRuntime, stopRuntime } from '../src/lib/server/runtime';
import { contextFor } from '../src/lib/server/context';
import {
	body,
	call,
	decision,
	liveDocumentText,
	meeting,
	proposal,
	proposalSection
} from '../src/lib/server/db/schema';
import { seedTemplates } from '../src/lib/server/proposals/template-seed';
import { findTemplate } from '../src/lib/server/proposals/template-store';
import { search, searchStatement, type SearchFilter } from '../src/lib/server/search/search';
import { onIndexes } from '../src/lib/server/search/on-indexes';
import { sql } from 'drizzle-orm';
import { buildMember, buildProject } from '../tests/support/factories';
import { createTestDatabase } from '../tests/support/database';

const SECTIONS = 2_000;
const MINUTES = 5_000;
const DECISIONS = 20_000;
/** Characters of a minutes page and of a section: the template's unit of a page (3,000). */
const PAGE_CHARS = 3_000;
const SECTION_CHARS = 2_000;
const RUNS = 60;
const WORDS = [
	'tirocini',
	'sportello',
	'orientamento',
	'aziende',
	'laboratorio',
	'monitoraggio',
	'attività',
	'comunità',
	'città',
	'università',
	'lavoro',
	'ambito',
	'Magentino',
	'Legnanese',
	'formazione',
	'tutoring',
	'voucher',
	'indicatori',
	'convenzione',
	'inclusione',
	'persone',
	'fragilità',
	'servizi',
	'territorio',
	'rete',
	'imprese',
	'cooperativa',
	'accompagnamento',
	'competenze',
	'valutazione',
	'il',
	'di',
	'per',
	'con',
	'delle',
	'nel'
];

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
function prose(chars: number): string {
	const words: string[] = [];
	let length = 0;
	while (length < chars) {
		const word = pick(WORDS);
		words.push(word);
		length += word.length + 1;
	}
	return words.join(' ') + '.';
}

const database = await createTestDatabase();
const runtime = await startRuntime({
	config: readConfig({ ...database.env, SEED_DEMO: 'false', LOG_LEVEL: 'warn' })
});
const { db } = runtime;
try {
	const project = await buildProject(db);
	const observer = await buildMember(db, { projectId: project.id, role: 'observer' });
	// A second project the reader is not in: its rows must be skipped, not just absent.
	const elsewhere = await buildProject(db);
	const templateIds = await seedTemplates(db);
	const templateSections = (await findTemplate(db, templateIds['ten-point'])).sections;
	const started = Date.now();

	console.log(`seeding ${SECTIONS} proposal sections…`);
	for (const projectId of [project.id, elsewhere.id]) {
		const [theCall] = await db
			.insert(call)
			.values({ projectId, title: 'Avviso', templateId: templateIds['ten-point'] })
			.returning();
		const perProject = projectId === project.id ? SECTIONS : SECTIONS / 4;
		const proposals = await db
			.insert(proposal)
			.values(
				Array.from({ length: perProject / templateSections.length }, (_, i) => ({
					projectId,
					callId: theCall.id,
					title: `Proposta ${i}`
				}))
			)
			.returning({ id: proposal.id });
		for (const p of proposals) {
			const sections = await db
				.insert(proposalSection)
				.values(
					templateSections.map((t) => ({
						proposalId: p.id,
						templateSectionId: t.id,
						position: t.position,
						number: t.number,
						title: t.title
					}))
				)
				.returning({ id: proposalSection.id });
			await db.insert(liveDocumentText).values(
				sections.map((s) => ({
					documentName: `section:${s.id}`,
					kind: 'section',
					refId: s.id,
					body: prose(SECTION_CHARS)
				}))
			);
		}
	}

	console.log(`seeding ${MINUTES} minutes pages…`);
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
	for (let batch = 0; batch < MINUTES / 250; batch++) {
		const meetings = await db
			.insert(meeting)
			.values(
				Array.from({ length: 250 }, (_, i) => ({
					bodyId: pick(bodies).id,
					projectId: project.id,
					title: `Riunione ${batch * 250 + i}`,
					startsAt: new Date(Date.UTC(2024, 0, 1 + ((batch * 250 + i) % 900))),
					endsAt: new Date(Date.UTC(2024, 0, 1 + ((batch * 250 + i) % 900), 2))
				}))
			)
			.returning({ id: meeting.id });
		await db.insert(liveDocumentText).values(
			meetings.map((m) => ({
				documentName: `minutes:${m.id}`,
				kind: 'minutes',
				refId: m.id,
				body: prose(PAGE_CHARS)
			}))
		);
	}

	console.log(`seeding ${DECISIONS} decisions…`);
	for (let batch = 0; batch < DECISIONS / 500; batch++) {
		await db.insert(decision).values(
			Array.from({ length: 500 }, () => {
				const text = prose(80);
				return {
					projectId: project.id,
					bodyId: pick(bodies).id,
					text: `Si decide: ${text}`,
					quote: text
				};
			})
		);
	}
	// Statistics as autovacuum would have them in production: planning on a bulk load's stale
	// estimates is what EXPLAIN showed first (docs/benchmarks.md).
	await db.execute(sql`analyze`);
	console.log(`seeded and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	const ctx = contextFor(runtime, observer.actor);
	// BENCH_EXPLAIN="<query>": the plan of exactly what the page runs, timed, before the runs.
	if (process.env.BENCH_EXPLAIN) {
		const statement = await searchStatement(ctx, { q: process.env.BENCH_EXPLAIN });
		if (statement) {
			const plan = await onIndexes(db, sql`explain (analyze, buffers) ${statement}`);
			console.log(plan.map((row) => Object.values(row)[0]).join('\n'));
		}
	}
	const scenarios: [string, SearchFilter][] = [
		['whole word "tirocini" (everywhere)', { q: 'tirocini' }],
		['prefix "monit"', { q: 'monit' }],
		['without accents "attivita comunita"', { q: 'attivita comunita' }],
		['two words "sportello magentino"', { q: 'sportello magentino' }],
		['rare word "Abbiatense" (no match)', { q: 'Abbiatense' }],
		['kind = minutes, "fragilita"', { q: 'fragilita', kind: 'minutes' }],
		['kind = section, "voucher"', { q: 'voucher', kind: 'section' }],
		['project filter, "imprese"', { q: 'imprese', projectId: project.id }],
		['page 3 of "rete"', { q: 'rete', page: 3 }]
	];
	const results: { name: string; shown: number; p50: number; p95: number }[] = [];
	for (const [name, filter] of scenarios) {
		const times: number[] = [];
		let shown = 0;
		for (let i = 0; i < RUNS + 5; i++) {
			const t = performance.now();
			shown = (await search(ctx, filter)).hits.length;
			if (i >= 5) times.push(performance.now() - t); // the first runs warm caches and plans
		}
		times.sort((a, b) => a - b);
		results.push({
			name,
			shown,
			p50: times[Math.floor(times.length * 0.5)],
			p95: times[Math.ceil(times.length * 0.95) - 1]
		});
	}
	console.log(`\n| query | shown | p50 ms | p95 ms |\n|---|---:|---:|---:|`);
	for (const r of results) {
		console.log(`| ${r.name} | ${r.shown} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
	}
	const worst = Math.max(...results.map((r) => r.p95));
	console.log(`\nworst p95: ${worst.toFixed(1)} ms (${runtime.database.kind}) — target < 100 ms`);
} finally {
	await stopRuntime();
	await database.drop();
}
