import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from '../../server/app';
import { countStatements, type StatementTally } from '../../src/lib/server/db/statement-count';

/**
 * The SvelteKit handler, counting the SQL statements each request sends through drizzle
 * (db/statement-count.ts): the tally of a request is complete once its response has finished.
 */
export function statementCounter() {
	const finished = new Map<string, StatementTally>();
	let sequence = 0;
	return {
		/** For startTestServer's `wrapHandler`. */
		wrap(handler: RequestHandler): RequestHandler {
			return (req: IncomingMessage, res: ServerResponse, next) => {
				const { tally } = countStatements(() => handler(req, res, next));
				const id = req.headers['x-test-request'];
				if (typeof id === 'string') res.once('finish', () => finished.set(id, tally));
			};
		},
		/** GETs `url` and answers its status and the statements it sent. */
		async get(url: string, cookie: string) {
			const id = String(++sequence);
			const response = await fetch(url, {
				headers: { cookie, 'x-test-request': id },
				redirect: 'manual'
			});
			await response.arrayBuffer();
			for (let tries = 0; !finished.has(id) && tries < 100; tries++) {
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			const tally = finished.get(id);
			if (!tally) throw new Error(`no tally for ${url}`);
			return { status: response.status, statements: tally.statements };
		}
	};
}
