// Bundles server/ (and the server-side modules it shares with SvelteKit) into build/server.js.
// Dependencies stay external: they are resolved from node_modules at run time.
import { build } from 'esbuild';

await build({
	entryPoints: ['server/index.ts'],
	outfile: 'build/server.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	external: ['./handler.js'],
	sourcemap: true,
	logLevel: 'warning'
});
