/**
 * Worker thread (render-worker-pool.ts starts it): renders one export at a time and sends the
 * bytes back, so the event loop that serves pages and live documents never runs pdfkit or docx.
 * Bundled to build/export-render-worker.js by scripts/build-server.js.
 */
import { parentPort } from 'node:worker_threads';
import { EXPORT_FORMATS } from './formats';
import type { RenderReply, RenderRequest } from './render-worker-pool';

const port = parentPort!;
const reply = (message: RenderReply, transfer: ArrayBuffer[] = []) =>
	port.postMessage(message, transfer);

port.on('message', (request: RenderRequest) => void render(request));

async function render({ id, format, document }: RenderRequest): Promise<void> {
	try {
		const bytes = await EXPORT_FORMATS[format].render(document, (done, total) =>
			reply({ id, kind: 'progress', done, total })
		);
		// A copy of its own, so the transfer never takes a buffer pdfkit or fflate still shares.
		const own = bytes.slice();
		reply({ id, kind: 'done', bytes: own }, [own.buffer]);
	} catch (error) {
		const code = (error as { code?: unknown })?.code;
		reply({
			id,
			kind: 'failed',
			message: error instanceof Error ? error.message : String(error),
			...(typeof code === 'string' ? { code } : {})
		});
	}
}
