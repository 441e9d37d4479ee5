import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { template } from '../db/schema';
import { DEFAULT_PAGE_CHARS } from '../../proposals/limits';
import { can } from '../access/policy';
import { findCallOrThrow } from './calls';
import { threadsOf, type ThreadView } from './comments';
import { overview, type SectionOverview } from './overview';
import { projectPartners, type ProjectPartner } from './partners';
import { projectDurationMonths } from './project-duration';
import { editorModes, type EditorMode } from './sections';
import { actionRegister } from './action-register';
import type { ActionRegister } from '../../proposals/action-register';

/**
 * Everything the proposal canvas opens with, in one read (the canvas engineer's module; the
 * domain functions it calls do the access checks). Comment threads come with the sections so
 * the editor can place their highlights before anyone clicks.
 */
export interface CanvasSection extends SectionOverview {
	mode: EditorMode;
	threads: ThreadView[];
}

export interface CanvasView {
	proposal: { id: string; title: string; status: string; callId: string; projectId: string };
	call: { id: string; title: string; deadline: string | null };
	sections: CanvasSection[];
	agreed: number;
	written: number;
	total: number;
	partners: ProjectPartner[];
	durationMonths: number | null;
	/** The lists an action block chooses areas, targets and territories from. */
	register: ActionRegister;
	/** Characters with spaces that make one page of this call's template. */
	pageChars: number;
	may: { lock: boolean; review: boolean; comment: boolean; structure: boolean; export: boolean };
}

export async function canvasView(ctx: Ctx, proposalId: string): Promise<CanvasView> {
	const summary = await overview(ctx, proposalId);
	const { proposal } = summary;
	const projectId = proposal.projectId;
	const allowed = (action: Parameters<typeof can>[2]) =>
		can(ctx.db, ctx.actor, action, { projectId });
	const [
		theCall,
		modes,
		threads,
		partners,
		durationMonths,
		register,
		lock,
		review,
		comment,
		structure,
		exp
	] = await Promise.all([
		findCallOrThrow(ctx.db, projectId, proposal.callId),
		editorModes(ctx, projectId, summary.sections),
		threadsOf(
			ctx.db,
			summary.sections.map((s) => s.id)
		),
		projectPartners(ctx.db, projectId),
		projectDurationMonths(ctx.db, projectId),
		actionRegister(ctx.db, projectId),
		allowed('proposal.lock'),
		allowed('proposal.review'),
		allowed('proposal.comment'),
		allowed('proposal.create'),
		allowed('proposal.export')
	]);
	return {
		proposal: {
			id: proposal.id,
			title: proposal.title,
			status: proposal.status,
			callId: proposal.callId,
			projectId
		},
		call: { id: theCall.id, title: theCall.title, deadline: theCall.deadline },
		sections: summary.sections.map((section, index) => ({
			...section,
			mode: modes[index],
			threads: threads.filter((thread) => thread.sectionId === section.id)
		})),
		agreed: summary.agreed,
		written: summary.written,
		total: summary.total,
		partners,
		durationMonths,
		register,
		pageChars: await templatePageChars(ctx.db, theCall.templateId),
		may: { lock, review, comment, structure, export: exp }
	};
}

async function templatePageChars(db: Db, templateId: string): Promise<number> {
	const [found] = await db
		.select({ pageChars: template.pageChars })
		.from(template)
		.where(eq(template.id, templateId));
	return found?.pageChars ?? DEFAULT_PAGE_CHARS;
}
