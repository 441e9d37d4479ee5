import { eq } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { formatDate } from '../../format/dates';
import { isEmptyDocument } from '../../proposals/section-text';
import { lastMonth } from '../../proposals/derive';
import { actLabel } from '../../proposals/call-official';
import {
	actionField,
	hasOverallText,
	hasOwnText,
	sectionDepth
} from '../../proposals/section-kinds';
import type { Ctx } from '../context';
import { project } from '../db/schema';
import { authorize, decide } from '../access/policy';
import { InvalidError } from '../errors';
import type {
	Block,
	DocumentNote,
	DocumentSection,
	ExportDocument
} from '../export/document-model';
import { blocksFromProseMirror } from '../export/from-prosemirror';
import { findCallOrThrow } from './calls';
import { threadsOf, type ThreadView } from './comments';
import { TEXT_FIELD } from '../../editor/suggestions/text-field';
import { projectPartners } from './partners';
import { findProposalOrThrow } from './proposals';
import { readContent, type ProposalContent } from './proposal-content';
import { projectDurationMonths } from './project-duration';
import { actionTables } from './actions-export';
import { actionRegister } from './action-register';
import { hasCalendar, withSchedule } from './export-schedule';
import { resolveSchedule } from '../../proposals/schedule-choice';
import { budgetView } from '../network/budget';
import { budgetBlocks } from '../network/budget-export';
import { exportPartnership, partnerListBlocks, signatureBlocks } from './export-partnership';

export type ExportProgress = (done: number, total: number) => void;

/**
 * A proposal as a neutral document: title page (project, call, partners), sections in template
 * order at the depth of their number (10.a under 10). A proposal with no text at all is refused with a clear message (nothing to export);
 * otherwise empty sections say "not written yet", so the document shows what is missing.
 */
export async function proposalDocument(
	ctx: Ctx,
	input: { proposalId: string; withComments: boolean },
	progress: ExportProgress = () => {}
): Promise<ExportDocument> {
	const found = await findProposalOrThrow(ctx.db, input.proposalId);
	const grant = await authorize(ctx.db, ctx.actor, 'proposal.export', {
		projectId: found.projectId
	});
	const [theCall, [theProject], partners, content, duration, budget, partnership, register] =
		await Promise.all([
			findCallOrThrow(ctx.db, found.projectId, found.callId),
			ctx.db.select().from(project).where(eq(project.id, found.projectId)),
			projectPartners(ctx.db, found.projectId),
			readContent(ctx.db, found.id),
			projectDurationMonths(ctx.db, found.projectId),
			// The budget only for those who may read it on its page too.
			decide(grant, 'network.read', { projectId: found.projectId })
				? budgetView(ctx.db, found.projectId)
				: null,
			exportPartnership(ctx.db, found.projectId),
			actionRegister(ctx.db, found.projectId)
		]);
	if (content.sections.every((s) => isEmptyDocument(s.json)) && content.blocks.length === 0) {
		throw new InvalidError('proposal_export_empty');
	}
	const threads = input.withComments
		? await threadsOf(
				ctx.db,
				content.sections.map((s) => s.id)
			)
		: [];
	const names = new Map(partners.map((p) => [p.id, p.name]));
	const organisationName = (id: string) => names.get(id) ?? '—';
	const total = content.sections.length;
	const texts = content.sections.map((section) =>
		isEmptyDocument(section.json) ? [] : blocksFromProseMirror(section.json)
	);
	// One schedule only: the pasted calendar or the derived cronoprogramma (ADR 0186).
	const schedule = resolveSchedule(content.schedule, texts.some(hasCalendar));
	const firstPerAction = content.sections.findIndex((s) => s.perAction !== null);
	const sections: DocumentSection[] = content.sections.flatMap((section, index) => {
		// Sections filled per action come as one part per action, at the first one's place.
		const parts = index === firstPerAction ? actionParts(content, threads) : [];
		if (!hasOverallText(section.perAction)) {
			progress(index + 1, total);
			return parts;
		}
		// An empty title-only parent is a heading over its subsections, not a missing text.
		const blocks: Block[] = isEmptyDocument(section.json)
			? hasOwnText(section.kind)
				? [notWritten()]
				: []
			: withSchedule(texts[index], schedule);
		if (section.kind === 'actions') {
			const months = duration ?? Math.max(lastMonth(content.blocks), 12);
			blocks.push(
				...actionTables(
					content.blocks,
					months,
					organisationName,
					register.areas,
					schedule === 'cronoprogramma'
				)
			);
		}
		progress(index + 1, total);
		const own: DocumentSection = {
			number: section.number,
			title: section.title,
			level: sectionDepth(section.number),
			blocks,
			notes: notesOf(threads, section.id, TEXT_FIELD)
		};
		return [own, ...parts];
	});
	const language = getLocale() === 'en' ? 'en-GB' : 'it-IT';
	// The budget split (issue 10) closes the document when the public share is set.
	const budgetSection = budget ? budgetBlocks(budget, language) : [];
	if (budgetSection.length > 0) {
		sections.push({
			title: m.proposal_export_budget_split(),
			level: 1,
			blocks: budgetSection,
			notes: []
		});
	}
	// After the cover, the partner list (lead first); at the end, the signatures (issue 14).
	const partnerList = partnerListBlocks(partnership, language);
	if (partnerList.length > 0) {
		sections.unshift({ title: m.proposal_export_partnership(), level: 1, blocks: partnerList });
	}
	// Without a recorded partnership, every organisation of the project signs, without a role.
	const signers =
		partnership.partners.length > 0
			? partnership.partners
			: partners.map((p) => ({ name: p.name, taxCode: null, vatNumber: null }));
	sections.push({
		title: m.proposal_export_signatures(),
		level: 1,
		blocks: signatureBlocks(signers)
	});
	const lead = partnership.partners.find((p) => p.role === 'lead');
	// The call's own identifiers, on the cover only where the call has them.
	const act = actLabel(theCall.actNumber, theCall.actDate, (d) => formatDate(d, language));
	const official = [
		[m.canvas_call_awarding_body(), theCall.awardingBody],
		[m.canvas_call_act(), act],
		[m.canvas_call_cup(), theCall.cup],
		[m.canvas_call_cig(), theCall.cig]
	]
		.filter((row): row is [string, string] => Boolean(row[1]))
		.map(([label, value]) => ({ label, value }));
	return {
		title: found.title,
		subtitle: theCall.title,
		language,
		facts: [
			{ label: m.proposal_export_call(), value: theCall.title },
			...official,
			{ label: m.proposal_export_title(), value: found.title },
			...(lead ? [{ label: m.proposal_export_lead(), value: lead.name }] : []),
			{ label: m.proposal_export_project(), value: theProject.title },
			...(theCall.deadline
				? [{ label: m.proposal_export_deadline(), value: formatDate(theCall.deadline, language) }]
				: []),
			{ label: m.proposal_export_partners(), value: partners.map((p) => p.name).join('; ') || '—' }
		],
		sections,
		labels: {
			contents: m.proposal_export_contents(),
			notes: m.proposal_export_notes(),
			resolved: m.proposal_export_resolved(),
			generatedOn: m.proposal_export_generated_on(),
			changesLegend: m.export_changes_legend()
		},
		generatedAt: new Date(),
		running: {
			header: `${short(found.title)} — ${short(theCall.title)}`,
			page: m.proposal_export_page(),
			of: m.proposal_export_page_of()
		}
	};
}

const notWritten = (): Block => ({
	type: 'paragraph',
	style: 'note',
	content: [{ type: 'text', text: m.proposal_export_empty_section() }]
});

/**
 * The sections a template fills per action (ADR 0198), grouped by action in the blocks' order:
 * a heading per action ("Azione 2: Orientamento") at the first such section's depth, and under
 * it each of those sections, numbered as in the template, with that action's text.
 */
function actionParts(content: ProposalContent, threads: ThreadView[]): DocumentSection[] {
	const repeated = content.sections.filter((s) => s.perAction !== null);
	if (repeated.length === 0) return [];
	const top = Math.min(...repeated.map((s) => sectionDepth(s.number)));
	return content.blocks.flatMap((block, index) => [
		{
			title: m.proposal_export_action_part({
				number: index + 1,
				title: block.title || m.canvas_action_untitled()
			}),
			level: top,
			blocks: []
		},
		...repeated.map((section) => {
			const json = section.byAction[block.id];
			return {
				number: section.number,
				title: section.title,
				level: sectionDepth(section.number) + 1,
				blocks: !json || isEmptyDocument(json) ? [notWritten()] : blocksFromProseMirror(json),
				// Comments on this action's text close it, as a section's close the section.
				notes: notesOf(threads, section.id, actionField(block.id))
			};
		})
	]);
}

/** The comment threads on one text of a section (its own, or an action's), for the export. */
function notesOf(threads: ThreadView[], sectionId: string, field: string): DocumentNote[] {
	return threads
		.filter((t) => t.sectionId === sectionId && t.field === field)
		.map((t) => ({
			quoted: t.quotedText,
			resolved: t.resolved,
			entries: t.comments.map((c) => ({
				author: c.authorName ?? '—',
				at: c.createdAt,
				body: c.body
			}))
		}));
}

/** Long titles are cut for the running header, which must stay on one line. */
function short(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
