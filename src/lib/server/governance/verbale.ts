import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { formatDateTime } from '../../format/dates';
import { plainText, type PmNode } from '../../proposals/section-text';
import { attendanceLabel, decisionStatusLabel } from '../../governance/labels';
import type { Ctx } from '../context';
import {
	decisionStatusChange,
	minutesApproval,
	type DecisionStatus,
	type Meeting
} from '../db/schema';
import type { Block, DocumentSection, ExportDocument } from '../export/document-model';
import { plain } from '../export/document-model';
import { blocksFromProseMirror } from '../export/from-prosemirror';
import * as actionItems from './action-items';
import * as attendance from './attendance';
import * as bodies from './bodies';
import * as decisions from './decisions';
import * as minutes from './minutes';
import { agendaOf, findMeeting } from './meetings';
import { sittingOf, type Sitting } from './sitting';
import { utcToRome } from '../../governance/rome-time';
import { MINUTES_FIELD, minutesDocumentName } from './minutes-document';

/**
 * The verbale in the usual Italian form, as a neutral document for the shared DOCX/ODT/PDF
 * writers: body, date, present and absent, agenda, discussion per item, decisions, approval.
 * Approved minutes are read from their immutable stored state, never from the live document.
 */
export async function verbaleDocument(ctx: Ctx, meetingId: string): Promise<ExportDocument> {
	const meeting = await findMeeting(ctx.db, meetingId);
	const [body, sheet, state, agenda, made, sitting, items] = await Promise.all([
		bodies.get(ctx, meeting.bodyId),
		attendance.sheet(ctx, meetingId),
		minutes.minutesState(ctx, meetingId),
		agendaOf(ctx.db, meetingId),
		decisions.listForMeeting(ctx, meetingId),
		sittingOf(ctx, meetingId),
		actionItems.listForProject(ctx, meeting.projectId)
	]);
	const json = await minutesJson(ctx, meetingId, state.status === 'approved');
	// Approved minutes show each decision as the sitting left it, not as it moved on later.
	const statuses = await statusesAt(
		ctx,
		made.map((d) => d.decision.id),
		state.approval?.approvedAt ?? null
	);
	const approvedAt = state.approval?.atMeetingId
		? await findMeeting(ctx.db, state.approval.atMeetingId)
		: null;
	const name = (id: string | null) => sheet.rows.find((r) => r.personId === id)?.name ?? '';
	const who = (r: (typeof sheet.rows)[number]) =>
		r.organisationName ? `${r.name} (${r.organisationName})` : r.name;
	const withStatus = (status: string | null) => sheet.rows.filter((r) => r.status === status);
	const officer = (role: string) =>
		sheet.rows
			.filter((r) => r.bodyRole === role)
			.map((r) => r.name)
			.join(', ') || '—';
	const sections: DocumentSection[] = [
		{
			title: m.gov_verbale_opening_title(),
			blocks: [paragraph(openingText(meeting, body.body.name, sitting, sheet, officer))]
		},
		{ title: m.gov_verbale_present(), blocks: [list(withStatus('present').map(who))] },
		{
			title: m.gov_verbale_delegated_title(),
			blocks: [
				list(
					withStatus('delegated').map((r) =>
						m.gov_verbale_delegated({ name: who(r), delegate: name(r.delegateId) })
					)
				)
			]
		},
		{ title: m.gov_verbale_excused(), blocks: [list(withStatus('excused').map(who))] },
		{
			title: m.gov_verbale_absent(),
			blocks: [
				list([
					...withStatus('absent').map(who),
					...withStatus(null).map((r) => `${who(r)} — ${attendanceLabel(null)}`)
				])
			]
		},
		{
			title: m.gov_verbale_guests(),
			blocks: [
				list(
					sitting.guests.map((g) =>
						[g.name, g.organisationName, g.role].filter(Boolean).join(' — ')
					)
				)
			]
		},
		{
			title: m.gov_verbale_agenda(),
			blocks: [
				list(
					agenda.map((a) => a.title),
					true
				)
			]
		},
		...discussion(json),
		{
			title: m.gov_verbale_decisions(),
			blocks: [
				list(
					made.map((d) =>
						[
							d.decision.text,
							decisionStatusLabel(statuses.get(d.decision.id) ?? d.decision.status),
							voteText(d.decision),
							d.ownerPersonName ?? d.ownerOrganisationName,
							d.decision.dueOn ? `${m.gov_decision_due()}: ${dayText(d.decision.dueOn)}` : null
						]
							.filter(Boolean)
							.join(' — ')
					)
				)
			]
		},
		{
			title: m.gov_verbale_action_items(),
			blocks: [
				list(
					items
						.filter((item) => item.meetingId === meetingId)
						.map((item) =>
							[
								item.title,
								item.ownerPersonName ?? item.ownerOrganisationName,
								item.dueOn ? `${m.gov_decision_due()}: ${dayText(item.dueOn)}` : null
							]
								.filter(Boolean)
								.join(' — ')
						)
				)
			]
		},
		{
			title: m.gov_verbale_closing_title(),
			blocks: [
				paragraph(
					m.gov_verbale_closing({ time: utcToRome(sitting.closedAt ?? meeting.endsAt).time })
				)
			]
		},
		approvalSection(state, approvedAt),
		{
			title: m.gov_verbale_signatures(),
			blocks: [
				paragraph(m.gov_verbale_signature_chair({ name: officer('chair') })),
				paragraph(m.gov_verbale_signature_secretary({ name: officer('secretary') }))
			]
		}
	];
	return {
		title: `${m.gov_verbale_title()}: ${meeting.title}`,
		subtitle: body.body.name,
		language: getLocale() === 'en' ? 'en-GB' : 'it-IT',
		facts: [
			{ label: m.gov_verbale_body(), value: body.body.name },
			{ label: m.gov_verbale_date(), value: formatDateTime(meeting.startsAt) },
			{
				label: m.gov_verbale_place(),
				value: [meeting.place, meeting.videoLink].filter(Boolean).join(' · ') || '—'
			},
			{
				label: m.gov_minutes_status(),
				value: state.status === 'approved' ? m.gov_minutes_approved() : m.gov_verbale_draft_notice()
			}
		],
		sections,
		labels: {
			contents: m.gov_verbale_contents(),
			notes: m.gov_verbale_notes(),
			resolved: m.gov_amendment_accepted(),
			generatedOn: m.gov_verbale_generated(),
			changesLegend: m.export_changes_legend()
		},
		generatedAt: new Date()
	};
}

/** The opening paragraph of Italian minutes: when, where, who chairs and writes, the quorum. */
function openingText(
	meeting: Meeting,
	bodyName: string,
	sitting: Sitting,
	sheet: Awaited<ReturnType<typeof attendance.sheet>>,
	officer: (role: string) => string
): string {
	const opened = utcToRome(sitting.openedAt ?? meeting.startsAt);
	const place =
		meeting.place && meeting.videoLink
			? m.gov_verbale_place_both({ place: meeting.place, link: meeting.videoLink })
			: meeting.videoLink
				? m.gov_verbale_place_online({ link: meeting.videoLink })
				: meeting.place
					? m.gov_verbale_place_at({ place: meeting.place })
					: '';
	const quorum = {
		represented: String(sheet.quorum.represented),
		members: String(sheet.rows.length),
		required: String(sheet.quorum.required)
	};
	return [
		m.gov_verbale_opening({
			date: dayText(opened.day),
			time: opened.time,
			place: place ? ` ${place},` : '',
			body: bodyName
		}),
		m.gov_verbale_officers({ chair: officer('chair'), secretary: officer('secretary') }),
		sheet.quorum.met ? m.gov_verbale_quorum_met(quorum) : m.gov_verbale_quorum_missing(quorum)
	].join(' ');
}

function voteText(d: {
	votesFor: number | null;
	votesAgainst: number | null;
	votesAbstained: number | null;
}) {
	if (d.votesFor === null && d.votesAgainst === null && d.votesAbstained === null) return null;
	return m.gov_verbale_vote({
		favour: String(d.votesFor ?? 0),
		against: String(d.votesAgainst ?? 0),
		abstained: String(d.votesAbstained ?? 0)
	});
}

/** '2026-03-05' → '05/03/2026', as Italian documents write dates. */
const dayText = (day: string) => day.split('-').reverse().join('/');

/** Each decision's status at an instant (its last change before it); none: as it is now. */
async function statusesAt(ctx: Ctx, decisionIds: string[], at: Date | null) {
	const result = new Map<string, DecisionStatus>();
	if (!at || decisionIds.length === 0) return result;
	const changes = await ctx.db
		.select({ decisionId: decisionStatusChange.decisionId, to: decisionStatusChange.toStatus })
		.from(decisionStatusChange)
		.where(
			and(inArray(decisionStatusChange.decisionId, decisionIds), lte(decisionStatusChange.at, at))
		)
		.orderBy(asc(decisionStatusChange.at), asc(decisionStatusChange.id));
	for (const change of changes) result.set(change.decisionId, change.to);
	return result;
}

const paragraph = (text: string): Block => ({ type: 'paragraph', content: plain(text) });

function list(items: readonly string[], ordered = false): Block {
	if (items.length === 0) return { type: 'paragraph', content: plain('—') };
	return {
		type: 'list',
		ordered,
		items: items.map((text) => [{ type: 'paragraph', content: plain(text) }])
	};
}

async function minutesJson(ctx: Ctx, meetingId: string, approved: boolean): Promise<PmNode> {
	let doc: Y.Doc;
	if (approved) {
		const [row] = await ctx.db
			.select({ state: minutesApproval.state })
			.from(minutesApproval)
			.where(eq(minutesApproval.meetingId, meetingId));
		doc = new Y.Doc();
		Y.applyUpdate(doc, row.state);
	} else {
		doc = await ctx.live.read(minutesDocumentName(meetingId));
	}
	const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(MINUTES_FIELD)) as PmNode;
	doc.destroy();
	return json;
}

/** One section per agenda heading ("N. title"), with the text written under it. */
function discussion(json: PmNode): DocumentSection[] {
	const sections: { number?: string; title: string; nodes: PmNode[] }[] = [];
	for (const node of json.content ?? []) {
		const match =
			node.type === 'heading' && node.attrs?.level === 2
				? /^(\d+)\.\s*(.*)$/.exec(plainText(node))
				: null;
		if (match) sections.push({ number: match[1], title: match[2], nodes: [] });
		else {
			if (sections.length === 0) sections.push({ title: m.gov_verbale_discussion(), nodes: [] });
			sections[sections.length - 1].nodes.push(node);
		}
	}
	return sections.map((s) => ({
		number: s.number,
		title: s.title,
		blocks: blocksFromProseMirror({ type: 'doc', content: s.nodes }, 1)
	}));
}

function approvalSection(
	state: Awaited<ReturnType<typeof minutes.minutesState>>,
	atMeeting: Meeting | null
): DocumentSection {
	if (!state.approval) {
		return {
			title: m.gov_verbale_approval(),
			blocks: [{ type: 'paragraph', content: plain(m.gov_verbale_draft_notice()) }]
		};
	}
	const { approval } = state;
	return {
		title: m.gov_verbale_approval(),
		blocks: [
			{
				type: 'paragraph',
				content: plain(
					m.gov_minutes_approved_by({
						name: approval.approvedBy,
						date: formatDateTime(approval.approvedAt)
					})
				)
			},
			...(atMeeting
				? [
						paragraph(
							m.gov_verbale_approved_at_meeting({
								title: atMeeting.title,
								date: dayText(utcToRome(atMeeting.startsAt).day)
							})
						)
					]
				: []),
			{ type: 'paragraph', content: plain(`${m.gov_minutes_hash()}: ${approval.sha256}`) },
			...(state.notes.length > 0
				? [
						{ type: 'heading' as const, level: 3, content: plain(m.gov_corrections()) },
						list(state.notes.map((n) => `${n.text} — ${n.author}, ${formatDateTime(n.createdAt)}`))
					]
				: [])
		]
	};
}
