import { scheduleFromLog } from '../../cases/follow-ups';
import { refreshCaseSummary } from '../../monitoring/case-summary';
import type { Db } from '../../db/client';
import { caseEvent, caseIdentity, caseRecord, membership, person } from '../../db/schema';
import { DEMO_PEOPLE } from '../data/people';
import {
	demoUuid,
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID,
	DEMO_PROJECT_IDS
} from '../ids';
import type { SeedContext } from '../step';
import { DEMO_CASES, type DemoCase } from '../data/cases';

/** The two case operators, on databases whose people step ran before the second one existed. */
async function ensureOperators(db: Db, seed: SeedContext): Promise<void> {
	const operators = DEMO_PEOPLE.filter((p) => DEMO_CASES.some((c) => c.operator === p.key));
	const passwordHash = await seed.passwordHash();
	for (const p of operators) {
		await db
			.insert(person)
			.values({ id: DEMO_PERSON_IDS[p.key], name: p.name, email: p.email, passwordHash })
			.onConflictDoNothing();
		for (const m of p.memberships) {
			await db
				.insert(membership)
				.values({
					projectId: DEMO_PROJECT_IDS[m.project],
					personId: DEMO_PERSON_IDS[p.key],
					organisationId: m.organisation ? DEMO_ORGANISATION_IDS[m.organisation] : null,
					role: m.role
				})
				.onConflictDoNothing();
		}
	}
}

/** One invented person: the record, the identity and the diary, as its operator wrote them. */
export async function insertDemoCase(db: Db, demo: DemoCase): Promise<void> {
	const caseId = demoUuid(`case:${demo.key}`);
	const operatorId = DEMO_PERSON_IDS[demo.operator];
	await db.insert(caseRecord).values({
		id: caseId,
		projectId: DEMO_PROJECT_ID,
		organisationId: DEMO_ORGANISATION_IDS[demo.organisation],
		pseudonym: demo.pseudonym,
		status: demo.status,
		createdById: operatorId,
		updatedAt: new Date(`${demo.events.at(-1)!.on}T12:00:00Z`)
	});
	await db.insert(caseIdentity).values({ caseId, ...demo.identity });
	await db.insert(caseEvent).values(
		demo.events.map((event) => ({
			caseId,
			kind: event.kind,
			occurredOn: event.on,
			note: event.note,
			status: event.status ?? null,
			...(event.details ? { details: event.details } : {}),
			authorId: operatorId
		}))
	);
	// The diary is inserted as written: its outcomes schedule the follow-up, and its summary is
	// derived, as events.add would.
	await scheduleFromLog(db, caseId);
	await refreshCaseSummary(db, caseId);
}

/** Demo step `cases`: invented people followed by Solidarietà e Servizi and Atticus. */
export async function seedCases(db: Db, seed: SeedContext): Promise<void> {
	await ensureOperators(db, seed);
	for (const demo of DEMO_CASES) await insertDemoCase(db, demo);
}
