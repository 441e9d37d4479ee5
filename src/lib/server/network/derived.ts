import { and, eq, inArray, isNotNull, max, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseEvent, caseRecord, lab, labParticipant, labSession, membership } from '../db/schema';
import type { NetworkEdge } from '../../network/graph-data';
import { utcToRome } from '../../governance/rome-time';

/**
 * Relations the network derives from the project's cases and labs (issue 10).
 *
 * Cases give one edge per (following organisation, host or employer, kind) with the number of
 * distinct people only: case ids, pseudonyms and notes never leave this module, and the edge id
 * is built from the two organisations alone. Labs give one edge per pair of organisations whose
 * people take part in (or facilitate) the same lab, dated by its sessions.
 */

interface CaseLink {
	source: string;
	target: string;
	kind: 'internship' | 'hire';
	cases: Set<string>;
	fromDate: string | null;
	toDate: string | null;
	/** An internship with no end yet keeps the relation open. */
	open: boolean;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' && value.length > 0 ? value : null;

const earlier = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Internship hosts and employers each following organisation sent people to, counted. */
export async function caseEdges(db: Db, projectId: string): Promise<NetworkEdge[]> {
	const rows = await db
		.select({
			caseId: caseRecord.id,
			organisationId: caseRecord.organisationId,
			kind: caseEvent.kind,
			occurredOn: caseEvent.occurredOn,
			details: caseEvent.details
		})
		.from(caseEvent)
		.innerJoin(caseRecord, eq(caseRecord.id, caseEvent.caseId))
		.where(
			and(eq(caseRecord.projectId, projectId), inArray(caseEvent.kind, ['internship', 'hire']))
		);
	const links = new Map<string, CaseLink>();
	for (const row of rows) {
		const kind = row.kind as CaseLink['kind'];
		const target = text(
			kind === 'internship' ? row.details.hostOrganisationId : row.details.employerOrganisationId
		);
		// A person hosted by the very organisation that follows them is no relation between two.
		if (!target || target === row.organisationId) continue;
		const key = `${kind}:${row.organisationId}:${target}`;
		const link = links.get(key) ?? {
			source: row.organisationId,
			target,
			kind,
			cases: new Set<string>(),
			fromDate: null,
			toDate: null,
			open: false
		};
		link.cases.add(row.caseId);
		const start = text(row.details.startOn) ?? row.occurredOn;
		const end = kind === 'internship' ? text(row.details.endOn) : null;
		link.fromDate = earlier(link.fromDate, start);
		// A hire has no end the log knows; an internship without an end is still running.
		if (end) link.toDate = later(link.toDate, end);
		else link.open = true;
		links.set(key, link);
	}
	return [...links.entries()]
		.map(([key, link]) => ({
			id: `cases:${key}`,
			source: link.source,
			target: link.target,
			kind: link.kind,
			label: '',
			count: link.cases.size,
			fromDate: link.fromDate,
			toDate: link.open ? null : link.toDate
		}))
		.sort((a, b) => a.id.localeCompare(b.id));
}

// The day in Rome, as the rest of the project counts days.
const day = (value: Date | null): string | null => (value ? utcToRome(value).day : null);
// min()/max() of a timestamp may come back as text on one driver and as a Date on another.
const asDate = (v: unknown): Date | null =>
	v == null ? null : v instanceof Date ? v : new Date(String(v));

/** Organisations that meet in a lab: each pair once per lab, from its first to its last session. */
export async function labEdges(db: Db, projectId: string): Promise<NetworkEdge[]> {
	const [labs, participants, facilitators, spans] = await Promise.all([
		db
			.select({ id: lab.id, title: lab.title, createdAt: lab.createdAt })
			.from(lab)
			.where(eq(lab.projectId, projectId)),
		db
			.selectDistinct({ labId: labParticipant.labId, organisationId: membership.organisationId })
			.from(labParticipant)
			.innerJoin(lab, eq(lab.id, labParticipant.labId))
			.innerJoin(
				membership,
				and(eq(membership.personId, labParticipant.personId), eq(membership.projectId, projectId))
			)
			.where(and(eq(lab.projectId, projectId), isNotNull(membership.organisationId))),
		db
			.selectDistinct({ labId: lab.id, organisationId: membership.organisationId })
			.from(lab)
			.innerJoin(
				membership,
				and(eq(membership.personId, lab.facilitatorId), eq(membership.projectId, projectId))
			)
			.where(and(eq(lab.projectId, projectId), isNotNull(membership.organisationId))),
		db
			.select({
				labId: labSession.labId,
				first: min(labSession.startsAt),
				last: max(labSession.endsAt)
			})
			.from(labSession)
			.innerJoin(lab, eq(lab.id, labSession.labId))
			.where(eq(lab.projectId, projectId))
			.groupBy(labSession.labId)
	]);
	const orgsByLab = new Map<string, Set<string>>();
	for (const { labId, organisationId } of [...participants, ...facilitators]) {
		if (!organisationId) continue;
		const set = orgsByLab.get(labId) ?? new Set<string>();
		set.add(organisationId);
		orgsByLab.set(labId, set);
	}
	const spanOf = new Map(spans.map((s) => [s.labId, s]));
	const edges: NetworkEdge[] = [];
	for (const l of labs) {
		const orgs = [...(orgsByLab.get(l.id) ?? [])].sort();
		const span = spanOf.get(l.id);
		// A lab with no session yet runs from its creation, open-ended.
		const fromDate = day(asDate(span?.first)) ?? day(l.createdAt);
		const toDate = day(asDate(span?.last));
		for (let i = 0; i < orgs.length; i++) {
			for (let j = i + 1; j < orgs.length; j++) {
				edges.push({
					id: `lab:${l.id}:${orgs[i]}:${orgs[j]}`,
					source: orgs[i],
					target: orgs[j],
					kind: 'lab',
					label: l.title.slice(0, 200),
					fromDate,
					toDate
				});
			}
		}
	}
	return edges;
}
