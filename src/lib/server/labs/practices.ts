import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import {
	caseRecord,
	district,
	goodPractice,
	goodPracticeCase,
	lab,
	labSession,
	labSessionCase,
	labTerritory,
	person,
	type GoodPractice
} from '../db/schema';
import { authorize, decide } from '../access/policy';
import { InvalidError, NotFoundError } from '../errors';
import { record } from '../audit/audit';
import { recordCaseAccess } from '../cases/audit';
import type { PracticeFilter, PracticeInput } from '../../labs/practice-form';
import { labResource } from './labs';
import { findSession } from './sessions';

/**
 * Good practices: what a lab learnt in a session, recorded by its participants (and those who
 * run labs), read by every member of the project as a searchable library. A practice names the
 * cases it was learnt from by pseudonym only, and only to those who may read the session's cases.
 */
export async function recordPractice(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	sessionId: string,
	input: PracticeInput
): Promise<GoodPractice> {
	const found = await findSession(db, projectId, labId, sessionId);
	const grant = await authorize(db, actor, 'lab.write', await labResource(db, found.lab));
	if (input.districtId) {
		const [known] = await db
			.select({ id: district.id })
			.from(district)
			.where(eq(district.id, input.districtId));
		if (!known) throw new InvalidError('invalid', { districtId: [m.labs_territory_unknown()] });
	}
	const caseIds = [...new Set(input['caseIds[]'])];
	if (caseIds.length) {
		const attached = await db
			.select({ id: labSessionCase.caseId })
			.from(labSessionCase)
			.where(and(eq(labSessionCase.sessionId, sessionId), inArray(labSessionCase.caseId, caseIds)));
		if (attached.length !== caseIds.length) {
			throw new InvalidError('invalid', { 'caseIds[]': [m.labs_practice_case_not_attached()] });
		}
	}
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(goodPractice)
			.values({
				projectId,
				labId,
				sessionId,
				title: input.title,
				problem: input.problem,
				whatWorked: input.whatWorked,
				conditions: input.conditions,
				evidence: input.evidence,
				targetCategory: input.targetCategory,
				districtId: input.districtId,
				recordedById: grant.actor.id
			})
			.returning();
		if (caseIds.length) {
			await tx
				.insert(goodPracticeCase)
				.values(caseIds.map((caseId) => ({ practiceId: row.id, caseId })));
		}
		await record(tx, {
			actorId: grant.actor.id,
			action: 'practice.record',
			resourceType: 'good_practice',
			resourceId: row.id,
			projectId,
			detail: { labId, sessionId, cases: caseIds.length }
		});
		return row;
	});
	return created;
}

/** Italian stems for whole words, or'ed with 'simple' prefixes: "tutor" finds "tutoraggio". */
function searchCondition(q: string): SQL | undefined {
	const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
	if (words.length === 0) return undefined;
	const prefixes = words.map((word) => `${word.toLowerCase()}:*`).join(' & ');
	const text = sql`concat_ws(' ', ${goodPractice.title}, ${goodPractice.problem}, ${goodPractice.whatWorked}, ${goodPractice.conditions}, ${goodPractice.evidence})`;
	return sql`(to_tsvector('italian', ${text}) || to_tsvector('simple', ${text})) @@ (websearch_to_tsquery('italian', ${q}) || to_tsquery('simple', ${prefixes}))`;
}

export interface PracticeRow {
	id: string;
	title: string;
	whatWorked: string;
	targetCategory: GoodPractice['targetCategory'];
	districtName: string | null;
	labId: string;
	labTitle: string;
	sessionTitle: string;
	createdAt: Date;
}

/** The project's library, newest first, filtered by text, target, lab and territory. */
export async function list(
	{ db, actor }: Ctx,
	projectId: string,
	filter: PracticeFilter
): Promise<PracticeRow[]> {
	await authorize(db, actor, 'lab.read', { projectId });
	const where: (SQL | undefined)[] = [eq(goodPractice.projectId, projectId)];
	if (filter.target) where.push(eq(goodPractice.targetCategory, filter.target));
	if (filter.labId) where.push(eq(goodPractice.labId, filter.labId));
	if (filter.districtId) where.push(eq(goodPractice.districtId, filter.districtId));
	if (filter.q) where.push(searchCondition(filter.q));
	return db
		.select({
			id: goodPractice.id,
			title: goodPractice.title,
			whatWorked: goodPractice.whatWorked,
			targetCategory: goodPractice.targetCategory,
			districtName: district.name,
			labId: lab.id,
			labTitle: lab.title,
			sessionTitle: labSession.title,
			createdAt: goodPractice.createdAt
		})
		.from(goodPractice)
		.innerJoin(lab, eq(lab.id, goodPractice.labId))
		.innerJoin(labSession, eq(labSession.id, goodPractice.sessionId))
		.leftJoin(district, eq(district.id, goodPractice.districtId))
		.where(and(...where))
		.orderBy(desc(goodPractice.createdAt), desc(goodPractice.id))
		.limit(200);
}

/** What the filters offer: the project's labs and the districts its labs work on. */
export async function filterChoices({ db, actor }: Ctx, projectId: string) {
	await authorize(db, actor, 'lab.read', { projectId });
	const labs = await db
		.select({ id: lab.id, title: lab.title })
		.from(lab)
		.where(eq(lab.projectId, projectId))
		.orderBy(lab.title);
	const districts = await districtsOfLabs(
		db,
		labs.map((l) => l.id)
	);
	return { labs, districts };
}

/** The districts the given labs work on: a practice's territory is one of its lab's. */
export async function districtsOfLabs(db: Ctx['db'], labIds: string[]) {
	if (labIds.length === 0) return [];
	return db
		.selectDistinct({ id: district.id, name: district.name })
		.from(labTerritory)
		.innerJoin(district, eq(district.id, labTerritory.districtId))
		.where(inArray(labTerritory.labId, labIds))
		.orderBy(district.name);
}

export interface PracticeView {
	practice: GoodPractice;
	labTitle: string;
	sessionTitle: string;
	districtName: string | null;
	recordedByName: string | null;
	/** Pseudonyms, for those who may read the session's cases; otherwise null (only a count). */
	pseudonyms: string[] | null;
	caseCount: number;
}

export async function get(
	{ db, actor }: Ctx,
	projectId: string,
	practiceId: string
): Promise<PracticeView> {
	const [row] = await db
		.select({
			practice: goodPractice,
			lab,
			sessionTitle: labSession.title,
			districtName: district.name,
			recordedByName: person.name
		})
		.from(goodPractice)
		.innerJoin(lab, eq(lab.id, goodPractice.labId))
		.innerJoin(labSession, eq(labSession.id, goodPractice.sessionId))
		.leftJoin(district, eq(district.id, goodPractice.districtId))
		.leftJoin(person, eq(person.id, goodPractice.recordedById))
		.where(and(eq(goodPractice.id, practiceId), eq(goodPractice.projectId, projectId)));
	// Authorize on the project first: a non-member learns nothing, not even "not found".
	const resource = row ? await labResource(db, row.lab) : { projectId };
	const grant = await authorize(db, actor, 'lab.read', resource);
	if (!row) throw new NotFoundError('labs_practice_not_found');
	const cases = await db
		.select({ id: caseRecord.id, pseudonym: caseRecord.pseudonym })
		.from(goodPracticeCase)
		.innerJoin(caseRecord, eq(caseRecord.id, goodPracticeCase.caseId))
		.where(eq(goodPracticeCase.practiceId, practiceId))
		.orderBy(caseRecord.pseudonym);
	const readsCases = decide(grant, 'lab.write', resource);
	if (readsCases) {
		for (const c of cases) {
			await recordCaseAccess(db, {
				actorId: grant.actor.id,
				action: 'case.practice_read',
				projectId,
				caseId: c.id,
				detail: { practiceId }
			});
		}
	}
	return {
		practice: row.practice,
		labTitle: row.lab.title,
		sessionTitle: row.sessionTitle,
		districtName: row.districtName,
		recordedByName: row.recordedByName,
		pseudonyms: readsCases ? cases.map((c) => c.pseudonym) : null,
		caseCount: cases.length
	};
}
