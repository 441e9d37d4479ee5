import type { Page } from '@playwright/test';

/**
 * The live documents this browser keeps in IndexedDB (y-indexeddb names a database after the
 * document, ADR 0093), e.g. `minutes:<meetingId>`.
 */
export function offlineCopies(page: Page): Promise<string[]> {
	return page.evaluate(async () =>
		(await indexedDB.databases()).map((database) => database.name ?? '')
	);
}

/** The live document name of a meeting's minutes, from the meeting page's URL. */
export const minutesDocumentOf = (meetingUrl: string) =>
	`minutes:${new URL(meetingUrl).pathname.split('/').at(-1)}`;
