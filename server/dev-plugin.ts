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
			// Loaded through Vite, not bundled into the config: server/ imports `$lib/...`, which
			// only Vite's resolver (and the production bundle's alias) knows.
			type Runtime = typeof import('../src/lib/server/runtime');
			type Collab = typeof import('./collab');
			let collab: ReturnType<Collab['createCollabServer']> | undefined;
			httpServer.on('upgrade', (req, socket, head) => {
				if (!req.url?.startsWith('/collab/')) return; // Vite's own HMR socket
				void (async () => {
					const { getRuntime } = (await vite.ssrLoadModule(
						'/src/lib/server/runtime.ts'
					)) as Runtime;
					const { createCollabServer } = (await vite.ssrLoadModule(
						'/server/collab/index.ts'
					)) as Collab;
					const runtime = await getRuntime();
					collab ??= createCollabServer({ runtime });
					collab.handleUpgrade(req, socket, head);
				})();
			});
		}
	};
}
