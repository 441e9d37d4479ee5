import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { formatDateTime } from '../../format/dates';
import { plainText, type PmNode } from '../../proposals/section-text';
import { attendanceLabel, decisionStatusLabel } from '../../governance/labels';
import type { Ctx } from '../context';
import { minutesApproval } from '../db/schema';
import type { Block, DocumentSection, ExportDocument } from '../export/document-model';
import { plain } from '../export/document-model';
import { blocksFromProseMirror } from '../export/from-prosemirror';
import * as attendance from './attendance';
import * as bodies from './bodies';
import * as decisions from './decisions';
import * as minutes from './minutes';
import { agendaOf, findMeeting } from './meetings';
import { MINUTES_FIELD, minutesDocumentName } from './minutes-document';

/**
 * The verbale in the usual Italian form, as a neutral document for the shared DOCX/ODT/PDF
 * writers: body, date, present and absent, agenda, discussion per item, decisions, approval.
 * Approved minutes are read from their immutable stored state, never from the live document.
 */
export async function verbaleDocument(ctx: Ctx, meetingId: string): Promise<ExportDocument> {
	const meeting = await findMeeting(ctx.db, meetingId);
	const [body, sheet, state, agenda, made] = await Promise.all([
		bodies.get(ctx, meeting.bodyId),
		attendance.sheet(ctx, meetingId),
		minutes.minutesState(ctx, meetingId),
		agendaOf(ctx.db, meetingId),
		decisions.listForMeeting(ctx, meetingId)
	]);
	const json = await minutesJson(ctx, meetingId, state.status === 'approved');
	const name = (id: string | null) => sheet.rows.find((r) => r.personId === id)?.name ?? '';
	const who = (r: (typeof sheet.rows)[number]) =>
		r.organisationName ? `${r.name} (${r.organisationName})` : r.name;
	const present = sheet.rows.filter((r) => r.status === 'present').map(who);
	const absent = sheet.rows
		.filter((r) => r.status !== 'present')
		.map((r) =>
			r.status === 'delegated'
				? m.gov_verbale_delegated({ name: who(r), delegate: name(r.delegateId) })
				: r.status === null
					? `${who(r)} — ${attendanceLabel(null)}`
					: who(r)
		);
	const sections: DocumentSection[] = [
		{ title: m.gov_verbale_present(), blocks: [list(present)] },
		{ title: m.gov_verbale_absent(), blocks: [list(absent)] },
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
							decisionStatusLabel(d.decision.status),
							d.ownerPersonName ?? d.ownerOrganisationName,
							d.decision.dueOn
								? `${m.gov_decision_due()}: ${d.decision.dueOn.split('-').reverse().join('/')}`
								: null
						]
							.filter(Boolean)
							.join(' — ')
					)
				)
			]
		},
		approvalSection(state)
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

function approvalSection(state: Awaited<ReturnType<typeof minutes.minutesState>>): DocumentSection {
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
