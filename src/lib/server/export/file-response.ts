import type { RenderedFile } from './formats';

/** A download: attachment with an ASCII name and the UTF-8 one, never cached by proxies. */
export function fileResponse(file: RenderedFile): Response {
	return new Response(file.bytes as BodyInit, {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'Cache-Control': 'private, no-store'
		}
	});
}
