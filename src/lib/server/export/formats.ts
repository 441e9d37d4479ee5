import { InvalidError } from '../errors';
import type { ExportDocument } from './document-model';
import { renderDocx } from './docx';
import { renderOdt } from './odt';
import { renderPdf, type RenderProgress } from './pdf';
import { installedRenderWorker } from './render-worker-pool';

/** The export formats, each with what an HTTP response needs. */
export const EXPORT_FORMATS = {
	docx: {
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		render: (document: ExportDocument, _progress?: RenderProgress) => renderDocx(document)
	},
	odt: {
		contentType: 'application/vnd.oasis.opendocument.text',
		render: async (document: ExportDocument, _progress?: RenderProgress) => renderOdt(document)
	},
	pdf: { contentType: 'application/pdf', render: renderPdf }
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function parseFormat(value: string): ExportFormat {
	if (Object.hasOwn(EXPORT_FORMATS, value)) return value as ExportFormat;
	throw new InvalidError('proposal_export_format');
}

export interface RenderedFile {
	bytes: Uint8Array;
	contentType: string;
	filename: string;
}

export type { RenderProgress };

export async function renderFile(
	format: ExportFormat,
	document: ExportDocument,
	basename: string,
	progress?: RenderProgress
): Promise<RenderedFile> {
	const { contentType, render } = EXPORT_FORMATS[format];
	// In the export worker where the process has one (ADR 0200), else on this thread.
	const worker = installedRenderWorker();
	return {
		bytes: await (worker ? worker.render(format, document, progress) : render(document, progress)),
		contentType,
		filename: `${safeName(basename)}.${format}`
	};
}

/** A file name any system accepts: letters, digits, dashes; accents folded. */
export function safeName(text: string): string {
	const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	return (
		folded
			.replace(/[^A-Za-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 80) || 'documento'
	);
}
