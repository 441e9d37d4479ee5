// Bundles server/ (and the server-side modules it shares with SvelteKit) into build/server.js,
// and the update-trial worker beside it (server/collab/update-trial.ts finds it next to itself).
// Dependencies stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
	entryPoints: [
		{ in: 'server/index.ts', out: 'server' },
		{ in: 'server/collab/update-trial-worker.js', out: 'update-trial-worker' }
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
