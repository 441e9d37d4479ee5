import * as Y from 'yjs';
import type { Db } from '../../db/client';
import {
	actionItem,
	agendaItem,
	attendance,
	body,
	bodyMember,
	decision,
	decisionLink,
	decisionStatusChange,
	meeting,
	meetingGuest,
	minutesApproval
} from '../../db/schema';
import { appendStoredUpdates } from '../../live/store';
import { refreshDocumentText } from '../../live/live';
import {
	demoUuid,
	DEMO_DISTRICT_IDS,
	DEMO_ORGANISATION_IDS,
	DEMO_PERSON_IDS,
	DEMO_PROJECT_ID
} from '../ids';
import type { DemoPersonKey } from '../data/people';
import {
	approvalRecord,
	buildMinutesDoc,
	minutesDocumentName
} from '../../governance/minutes-document';
import { DEMO_BODIES, DEMO_DECISIONS, DEMO_MEETINGS } from '../data/governance';

const person = (key: DemoPersonKey) => DEMO_PERSON_IDS[key];

/**
 * Demo step `governance`: the cabina di regia allargata and ristretta, a working group per
 * district and the technical group of WORK IN PROGRESS (001 §10c); two past meetings with
 * minutes (the first approved and frozen, the second circulated), an upcoming one, decisions
 * in every state with their history, and action items, some overdue.
 */
export async function seedGovernance(db: Db): Promise<void> {
	for (const b of DEMO_BODIES) {
		await db.insert(body).values({
			id: demoUuid(`body:${b.key}`),
			projectId: DEMO_PROJECT_ID,
			kind: b.kind,
			name: b.name,
			description: b.description,
			districtId: b.district ? DEMO_DISTRICT_IDS[b.district] : null,
			quorumRule: b.quorumFixed ? 'fixed' : 'majority',
			quorumFixed: b.quorumFixed ?? null,
			minutesApprovalRule: b.minutesAtNextMeeting ? 'next_meeting' : 'chair'
		});
		await db.insert(bodyMember).values(
			b.members.map(([key, role, organisation]) => ({
				bodyId: demoUuid(`body:${b.key}`),
				personId: person(key),
				organisationId: organisation ? DEMO_ORGANISATION_IDS[organisation] : null,
				role
			}))
		);
	}
	for (const mt of DEMO_MEETINGS) await seedMeeting(db, mt);
	await seedDecisions(db);
}

async function seedMeeting(db: Db, mt: (typeof DEMO_MEETINGS)[number]) {
	const id = demoUuid(`meeting:${mt.key}`);
	const bodyId = demoUuid(`body:${mt.body}`);
	await db.insert(meeting).values({
		id,
		bodyId,
		projectId: DEMO_PROJECT_ID,
		title: mt.title,
		startsAt: new Date(mt.startsAt),
		endsAt: new Date(mt.endsAt),
		place: mt.place,
		videoLink: mt.videoLink,
		minutesStatus: mt.status,
		amendmentOpensAt: mt.window ? new Date(mt.window[0]) : null,
		amendmentClosesAt: mt.window ? new Date(mt.window[1]) : null,
		openedAt: mt.held ? new Date(mt.held[0]) : null,
		closedAt: mt.held ? new Date(mt.held[1]) : null,
		createdById: person('coordinator')
	});
	if (mt.guests?.length) {
		await db.insert(meetingGuest).values(
			mt.guests.map(([name, organisationName, role]) => ({
				meetingId: id,
				name,
				organisationName,
				role
			}))
		);
	}
	await db.insert(agendaItem).values(
		mt.agenda.map((item, index) => ({
			id: demoUuid(`agenda:${mt.key}:${index + 1}`),
			meetingId: id,
			position: index + 1,
			title: item.title
		}))
	);
	if (mt.attendance.length > 0) {
		await db.insert(attendance).values(
			mt.attendance.map(([key, status, delegate]) => ({
				meetingId: id,
				personId: person(key),
				status,
				delegateId: delegate ? person(delegate) : null
			}))
		);
	}
	const doc = buildMinutesDoc(
		mt.agenda.map((item) => item.title),
		mt.agenda.map((item) => [...item.text])
	);
	await appendStoredUpdates(db, [
		{ documentName: minutesDocumentName(id), update: Y.encodeStateAsUpdate(doc) }
	]);
	await refreshDocumentText(db, minutesDocumentName(id));
	if (mt.status === 'approved') {
		await db.insert(minutesApproval).values({
			meetingId: id,
			...approvalRecord(doc),
			approvedById: person('coordinator'),
			approvedAt: new Date(mt.approvedAt ?? mt.endsAt)
		});
	}
	doc.destroy();
}

async function seedDecisions(db: Db) {
	for (const d of DEMO_DECISIONS) {
		const id = demoUuid(`decision:${d.key}`);
		const history = d.history;
		await db.insert(decision).values({
			id,
			projectId: DEMO_PROJECT_ID,
			bodyId: demoUuid(`body:${d.body}`),
			meetingId: demoUuid(`meeting:${d.meeting}`),
			agendaItemId: demoUuid(`agenda:${d.meeting}:${d.agenda}`),
			text: d.text,
			quote: d.quote,
			status: history[history.length - 1][0],
			ownerPersonId: d.owner ? person(d.owner) : null,
			ownerOrganisationId: d.organisation ? DEMO_ORGANISATION_IDS[d.organisation] : null,
			dueOn: d.dueOn,
			votesFor: d.votes?.[0] ?? null,
			votesAgainst: d.votes?.[1] ?? null,
			votesAbstained: d.votes?.[2] ?? null,
			supersededById: d.supersededBy ? demoUuid(`decision:${d.supersededBy}`) : null,
			createdById: person('steeringSole'),
			createdAt: new Date(history[0][1])
		});
		await db.insert(decisionStatusChange).values(
			history.map(([status, at, note, actor], index) => ({
				decisionId: id,
				fromStatus: index === 0 ? null : history[index - 1][0],
				toStatus: status,
				note: note ?? '',
				actorId: person(actor ?? 'coordinator'),
				at: new Date(at)
			}))
		);
		if (d.organisation) {
			await db.insert(decisionLink).values({
				decisionId: id,
				targetType: 'partner',
				targetId: DEMO_ORGANISATION_IDS[d.organisation],
				label: d.organisationLabel ?? d.organisation
			});
		}
		for (const [index, item] of (d.actions ?? []).entries()) {
			await db.insert(actionItem).values({
				id: demoUuid(`action:${d.key}:${index}`),
				projectId: DEMO_PROJECT_ID,
				meetingId: demoUuid(`meeting:${d.meeting}`),
				decisionId: id,
				title: item.title,
				ownerPersonId: person(item.owner),
				dueOn: item.dueOn,
				doneAt: item.doneAt ? new Date(item.doneAt) : null,
				doneById: item.doneAt ? person(item.owner) : null,
				createdById: person('steeringSole')
			});
		}
	}
}
