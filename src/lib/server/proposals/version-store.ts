import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { TIME_ZONE } from '../../format/locale';
import {
	proposalSection,
	proposalVersion,
	proposalVersionDocument,
	type ProposalVersion
} from '../db/schema';
import { readDocuments } from '../live/store';
import { NotFoundError } from '../errors';
import { actionsDocumentName, sectionDocumentName } from './section-content';

/** Every live document of a proposal: one per section, plus the action blocks. */
/** `current` compares with the live text as stored now. */
export type VersionRef = string | 'current';

export async function proposalDocumentNames(db: Db, proposalId: string): Promise<string[]> {
	const sections = await db
		.select({ id: proposalSection.id })
		.from(proposalSection)
		.where(eq(proposalSection.proposalId, proposalId));
	return [...sections.map((s) => sectionDocumentName(s.id)), actionsDocumentName(proposalId)];
}

/** The calendar day in Rome: what "today" means for the daily version. */
export function romeDay(at: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);
}

/**
 * Stores the full state of every document of the proposal as a version. A daily version that
 * already exists for the day is not duplicated (unique index): returns null then.
 */
export async function saveVersion(
	db: Db,
	input: {
		proposalId: string;
		kind: ProposalVersion['kind'];
		name: string | null;
		createdById: string | null;
	}
): Promise<ProposalVersion | null> {
	const names = await proposalDocumentNames(db, input.proposalId);
	const states = (await readDocuments(db, names)).map((doc, index) => {
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		return { documentName: names[index], state };
	});
	return db.transaction(async (tx) => {
		const [version] = await tx
			.insert(proposalVersion)
			.values({ ...input, day: romeDay() })
			.onConflictDoNothing()
			.returning();
		if (!version) return null;
		await tx
			.insert(proposalVersionDocument)
			.values(states.map((s) => ({ ...s, versionId: version.id })));
		return version;
	});
}

/** Whether the proposal already has its automatic version of `day`. */
export async function hasDailyVersion(db: Db, proposalId: string, day: string): Promise<boolean> {
	const [found] = await db
		.select({ id: proposalVersion.id })
		.from(proposalVersion)
		.where(
			and(
				eq(proposalVersion.proposalId, proposalId),
				eq(proposalVersion.kind, 'daily'),
				eq(proposalVersion.day, day)
			)
		)
		.limit(1);
	return found !== undefined;
}

export async function findVersionOrThrow(db: Db, versionId: string): Promise<ProposalVersion> {
	const [found] = await db.select().from(proposalVersion).where(eq(proposalVersion.id, versionId));
	if (!found) throw new NotFoundError('proposal_version_not_found');
	return found;
}

/** The version's document, rebuilt from its stored state (an empty one if it had none). */
export async function versionDocument(db: Db, versionId: string, name: string): Promise<Y.Doc> {
	const [row] = await db
		.select({ state: proposalVersionDocument.state })
		.from(proposalVersionDocument)
		.where(
			and(
				eq(proposalVersionDocument.versionId, versionId),
				eq(proposalVersionDocument.documentName, name)
			)
		);
	const doc = new Y.Doc();
	if (row) Y.applyUpdate(doc, row.state);
	return doc;
}
