import { and, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import {
	caseIdentity,
	caseRecord,
	decision,
	decisionStatusChange,
	meeting,
	membership,
	proposalSection
} from '../../src/lib/server/db/schema';

/**
 * Rows in bulk, straight into the tables of an existing project (the demo's): what
 * `npm run bench:http` loads the pages with, and what the statements-per-page test grows them by.
 */

const WORDS =
	'tirocini sportello orientamento aziende laboratorio monitoraggio gruppo lavoro formazione tutoring voucher indicatori'.split(
		' '
	);
const STATUSES = ['proposed', 'approved', 'in_progress', 'done', 'rejected'] as const;
const BATCH = 500;

/**
 * `count` decisions spread over the project's meetings and members, each with the status change
 * that records its proposal, as the app writes it (the register's timeline reads them).
 */
export async function addDecisions(db: Db, projectId: string, count: number): Promise<void> {
	const meetings = await db
		.select({ id: meeting.id, bodyId: meeting.bodyId, startsAt: meeting.startsAt })
		.from(meeting)
		.where(eq(meeting.projectId, projectId));
	const members = await db
		.select({ personId: membership.personId, organisationId: membership.organisationId })
		.from(membership)
		.where(eq(membership.projectId, projectId));
	for (let start = 0; start < count; start += BATCH) {
		const inserted = await db
			.insert(decision)
			.values(
				Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => {
					const n = start + i;
					const at = meetings[n % meetings.length];
					const owner = members[n % members.length];
					const text = Array.from({ length: 8 }, (_, w) => WORDS[(n + w * 5) % WORDS.length]);
					return {
						projectId,
						bodyId: at.bodyId,
						meetingId: at.id,
						text: `Si decide: ${text.join(' ')}`,
						quote: text.join(' '),
						status: STATUSES[n % STATUSES.length],
						ownerPersonId: owner.personId,
						ownerOrganisationId: owner.organisationId,
						dueOn: new Date(Date.UTC(2026, n % 12, 1 + (n % 27))).toISOString().slice(0, 10),
						createdAt: at.startsAt
					};
				})
			)
			.returning({ id: decision.id, createdAt: decision.createdAt });
		await db.insert(decisionStatusChange).values(
			inserted.map((row) => ({
				decisionId: row.id,
				fromStatus: null,
				toStatus: 'proposed' as const,
				at: row.createdAt
			}))
		);
	}
}

/** `count` case records (with identities) of the organisation the operator works for. */
export async function addCases(
	db: Db,
	projectId: string,
	operatorId: string,
	count: number
): Promise<void> {
	const [operator] = await db
		.select({ organisationId: membership.organisationId })
		.from(membership)
		.where(and(eq(membership.projectId, projectId), eq(membership.personId, operatorId)));
	const organisationId = operator.organisationId!;
	const tag = Date.now().toString(36).toUpperCase();
	for (let start = 0; start < count; start += BATCH) {
		const inserted = await db
			.insert(caseRecord)
			.values(
				Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => ({
					projectId,
					organisationId,
					pseudonym: `B${tag}-${start + i}`,
					status: 'referred' as const,
					createdById: operatorId
				}))
			)
			.returning({ id: caseRecord.id });
		await db
			.insert(caseIdentity)
			.values(inserted.map(({ id }, i) => ({ caseId: id, fullName: `Persona ${start + i}` })));
	}
}

/** `count` more sections at the end of a proposal, copies of its last one (empty text). */
export async function addSections(db: Db, proposalId: string, count: number): Promise<void> {
	const [last] = await db
		.select()
		.from(proposalSection)
		.where(eq(proposalSection.proposalId, proposalId))
		.orderBy(desc(proposalSection.position))
		.limit(1);
	const [{ top }] = await db
		.select({ top: max(proposalSection.position) })
		.from(proposalSection)
		.where(eq(proposalSection.proposalId, proposalId));
	await db.insert(proposalSection).values(
		Array.from({ length: count }, (_, i) => ({
			proposalId,
			templateSectionId: last.templateSectionId,
			position: (top ?? 0) + 1 + i,
			number: `${100 + i}`,
			title: `${last.title} (${i + 1})`
		}))
	);
}
