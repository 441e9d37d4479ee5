/** Live documents are named `<kind>:<uuid>`, e.g. `notes:8f3…`, `minutes:1a2…`. */
const NAME = /^([a-z][a-z-]{0,31}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface DocumentName {
	kind: string;
	id: string;
}

export function parseDocumentName(name: string): DocumentName | null {
	const match = NAME.exec(name);
	return match ? { kind: match[1], id: match[2] } : null;
}

export function formatDocumentName(kind: string, id: string): string {
	return `${kind}:${id}`;
}
