import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { logger } from '../log/logger';
import { parseDocumentName } from '../live/name';
import { readDocument } from '../live/store';
import { notifyDocumentMentions } from './notify-mentions';

/** Kinds whose rich text may hold mentions (the editors that offer the "@" list). */
const MENTION_KINDS = new Set(['section', 'minutes', 'labboard', 'notes']);

export interface MentionScanner {
	/** A document's update was stored: read it again soon, and tell whoever is newly mentioned. */
	stored(documentName: string, authorId: string): void;
	/** Runs the scans already asked for; resolves when they are done. */
	drain(): Promise<void>;
}

export interface MentionScannerOptions {
	/** How long a document's scans are gathered into one (a typist stores per keystroke). */
	delayMs?: number;
	/**
	 * The document as this process holds it live, when it does: a room's copy holds exactly
	 * what was stored, and reading it costs nothing where reading the stored updates again
	 * costs a query and a merge on every scan. It is only read, synchronously.
	 */
	liveDocument?: (documentName: string) => Y.Doc | undefined;
}

/**
 * Reads each document after its updates were stored, at most once per `delayMs`, and tells
 * newly mentioned readers (ADR 0180). A failed scan is logged; the next store of the document
 * scans it again.
 */
export function createMentionScanner(
	db: Db,
	{ delayMs = 2000, liveDocument }: MentionScannerOptions = {}
): MentionScanner {
	const due = new Map<string, { authorId: string; timer: NodeJS.Timeout }>();
	const running = new Set<Promise<void>>();

	function scan(documentName: string, authorId: string): void {
		due.delete(documentName);
		const run = (async () => {
			const live = liveDocument?.(documentName);
			if (live) {
				await notifyDocumentMentions(db, documentName, live, authorId);
				return;
			}
			const doc = await readDocument(db, documentName);
			try {
				await notifyDocumentMentions(db, documentName, doc, authorId);
			} finally {
				doc.destroy();
			}
		})()
			.catch((error: unknown) => logger.warn({ err: error, documentName }, 'mention scan failed'))
			.finally(() => running.delete(run));
		running.add(run);
	}

	return {
		stored(documentName, authorId) {
			const kind = parseDocumentName(documentName)?.kind;
			if (!kind || !MENTION_KINDS.has(kind)) return;
			const pending = due.get(documentName);
			if (pending) {
				pending.authorId = authorId;
				return;
			}
			const timer = setTimeout(() => scan(documentName, due.get(documentName)!.authorId), delayMs);
			timer.unref();
			due.set(documentName, { authorId, timer });
		},
		async drain() {
			for (const [documentName, pending] of [...due]) {
				clearTimeout(pending.timer);
				scan(documentName, pending.authorId);
			}
			await Promise.all([...running]);
		}
	};
}
