import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lab, labSession, meeting, project } from '../db/schema';
import type { DocumentName } from '../live/name';
import { findSections } from '../proposals/section-lookup';
import { sectionLink } from '../notifications/section-assigned';

/** What a notification about a live document says it is, and where it opens. */
export interface DocumentPlace {
	title: string;
	link: string;
}

/** The title and page of a document with rich text; null for a kind without a page to open. */
export async function documentPlace(db: Db, name: DocumentName): Promise<DocumentPlace | null> {
	switch (name.kind) {
		case 'section': {
			const [section] = await findSections(db, { sectionId: name.id });
			return section
				? { title: `${section.number}. ${section.title}`, link: sectionLink(section) }
				: null;
		}
		case 'minutes': {
			const [found] = await db.select().from(meeting).where(eq(meeting.id, name.id));
			return found
				? {
						title: found.title,
						link: `/projects/${found.projectId}/governance/meetings/${found.id}`
					}
				: null;
		}
		case 'labboard': {
			const [found] = await db
				.select({ title: labSession.title, labId: lab.id, projectId: lab.projectId })
				.from(labSession)
				.innerJoin(lab, eq(lab.id, labSession.labId))
				.where(eq(labSession.id, name.id));
			return found
				? {
						title: found.title,
						link: `/projects/${found.projectId}/labs/${found.labId}/sessions/${name.id}`
					}
				: null;
		}
		case 'notes': {
			const [found] = await db.select().from(project).where(eq(project.id, name.id));
			return found ? { title: found.title, link: `/projects/${found.id}` } : null;
		}
		default:
			return null;
	}
}
