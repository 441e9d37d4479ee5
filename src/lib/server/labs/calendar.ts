import type { Ctx } from '../context';
import { meetingsCalendar } from '../export/ics';
import * as labs from './labs';

/** A lab's sessions as a calendar to subscribe to or import, like the meetings' (ADR 0063). */
export async function labIcs(
	ctx: Ctx,
	projectId: string,
	labId: string,
	origin: string
): Promise<string> {
	const view = await labs.get(ctx, projectId, labId);
	const base = `${origin}/projects/${projectId}/labs/${labId}`;
	return meetingsCalendar(
		view.sessions.map((session) => ({
			id: `lab-session-${session.id}`,
			title: `${view.lab.title}: ${session.title}`,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			place: session.place,
			videoLink: '',
			description: view.lab.theme,
			url: `${base}/sessions/${session.id}`
		})),
		{ name: view.lab.title, domain: new URL(origin).hostname, method: 'publish' }
	);
}
