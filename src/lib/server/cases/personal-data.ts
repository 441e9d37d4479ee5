import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { caseEsfProfile } from '../db/schema';
import { authorize } from '../access/policy';
import { UnauthorizedError } from '../errors';
import { recordCaseAccess } from './audit';
import { erasedAt } from './erasure';
import { followUpsOf, type FollowUpRecord } from './follow-ups';
import { caseResource, findCase } from './records';
import * as view from './view';

/**
 * GDPR art. 15 and 20: everything the project holds about one person, for the person. Only the
 * operators of the record's organisation may take it (they hold the identity already); the
 * export is logged with its format, beside the read it implies.
 */
export interface PersonalData {
	exportedAt: string;
	record: {
		pseudonym: string;
		organisation: string;
		status: string;
		targetCategory: string | null;
		municipality: string | null;
		referralSource: string | null;
		erasedAt: string | null;
	};
	identity: {
		fullName: string;
		fiscalCode: string | null;
		phone: string | null;
		email: string | null;
	} | null;
	events: {
		kind: string;
		occurredOn: string;
		status: string | null;
		note: string;
		details: Record<string, unknown>;
	}[];
	/** The six-month follow-ups scheduled for the person, and their answers. */
	followUps: FollowUpRecord[];
	/** Names of the organisations the events' details name by id (hosts, employers). */
	organisations: Record<string, string>;
	esf: Record<string, unknown> | null;
}

export async function personalData(
	ctx: Ctx,
	projectId: string,
	caseId: string,
	format: 'json' | 'pdf'
): Promise<PersonalData> {
	const { db, actor } = ctx;
	if (!actor) throw new UnauthorizedError();
	const found = await findCase(db, projectId, caseId);
	await authorize(db, actor, 'case.read_identity', caseResource(found));
	const seen = await view.get(ctx, projectId, caseId);
	const [esfRow] = await db.select().from(caseEsfProfile).where(eq(caseEsfProfile.caseId, caseId));
	const erased = await erasedAt(db, projectId, caseId);
	const followUps = await followUpsOf(db, caseId);
	await recordCaseAccess(db, {
		actorId: actor.id,
		action: 'case.export',
		projectId,
		caseId,
		detail: { format }
	});
	const esf = esfRow ? (({ caseId: _c, updatedById: _u, ...rest }) => rest)(esfRow) : null;
	return {
		exportedAt: new Date().toISOString(),
		record: {
			pseudonym: seen.pseudonym,
			organisation: seen.organisationName,
			status: seen.status,
			targetCategory: seen.targetCategory,
			municipality: seen.municipalityName,
			referralSource: seen.referralSource,
			erasedAt: erased?.toISOString() ?? null
		},
		identity: seen.identity,
		events: seen.events.map((event) => ({
			kind: event.kind,
			occurredOn: event.occurredOn,
			status: event.status,
			note: event.note ?? '',
			details: event.details as Record<string, unknown>
		})),
		followUps,
		organisations: seen.organisationNames,
		esf
	};
}
