import type { Runtime } from '../runtime';
import { writeDocumentUpdate } from '../documents/store';

/**
 * What proposal functions do to live documents besides reading them: store an update that
 * connected editors receive at once, and make the collaboration server decide access again.
 */
export interface LiveDocuments {
	write(name: string, update: Uint8Array): Promise<void>;
	/** After a lock: open connections are re-checked, writers of a locked section become readers. */
	invalidate(name: string): void;
}

export function liveDocuments(runtime: Runtime): LiveDocuments {
	return {
		write: (name, update) => writeDocumentUpdate(runtime, name, update),
		invalidate: (documentName) => runtime.invalidations.publish({ documentName })
	};
}
