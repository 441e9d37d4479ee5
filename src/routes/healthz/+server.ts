import type { RequestHandler } from './$types';

/**
 * Liveness for a load balancer or a container's health check: the process answers. It reads
 * nothing and tells nothing, so it is open to anyone; `npm run bench:http` measures it as the
 * ceiling of what the SvelteKit handler can serve on this machine.
 */
export const GET: RequestHandler = () =>
	new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
