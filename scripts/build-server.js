// Bundles server/ (and the server-side modules it shares with SvelteKit) into build/server.js,
// and the update-trial worker beside it (server/collab/update-trial.ts finds it next to itself),
// and the export worker (server/index.ts names it when it starts the runtime; ADR 0200), and the
// PGlite worker (db/pglite-thread.ts finds it beside itself or in a folder above; ADR 0212).
// Dependencies stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
	entryPoints: [
		{ in: 'server/index.ts', out: 'server' },
		{ in: 'server/collab/update-trial-worker.js', out: 'update-trial-worker' },
		{ in: 'src/lib/server/export/render-worker.ts', out: 'export-render-worker' },
		{ in: 'src/lib/server/db/pglite-worker.js', out: 'pglite-worker' }
	],
	outdir: 'build',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	external: ['./handler.js'],
	// server/ imports shared modules as SvelteKit code does, `$lib/...`, not `../../src/lib/...`.
	alias: { $lib: './src/lib' },
	sourcemap: true,
	logLevel: 'warning'
});
