import type { Plugin } from 'vite';

/**
 * `npm run dev`: attaches the same collaboration upgrade handler to Vite's HTTP server, on the
 * runtime that SvelteKit's dev SSR shares through globalThis.
 */
export function collabDevPlugin(): Plugin {
	return {
		name: 'tavolo-collab-dev',
		apply: 'serve',
		async configureServer(vite) {
			const httpServer = vite.httpServer;
			if (!httpServer) return;
			const { getRuntime } = await import('../src/lib/server/runtime');
			const { createCollabServer } = await import('./collab');
			let collab: ReturnType<typeof createCollabServer> | undefined;
			httpServer.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith('/collab/')) return; // Vite's own HMR socket
				void (async () => {
					const runtime = await getRuntime();
					collab ??= createCollabServer({ runtime });
					collab.handleUpgrade(req, socket, head);
				})();
			});
		}
	};
}
