import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { collabDevPlugin } from './server/dev-plugin';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit(),
		collabDevPlugin()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					// Refuses a build older than the sources it would stand for (issue 16).
					globalSetup: ['tests/support/fresh-build.ts', 'tests/support/database-template.ts'],
					// The built app is loaded by Node itself: through Vite, vite-plugin-svelte would take
					// its `*.svelte.js` chunks for Svelte modules and fail on every page render.
					server: { deps: { external: [/\/build\//] } },
					testTimeout: 30_000,
					hookTimeout: 60_000,
					// Each file starts its own server and database; two cores fit two at once.
					maxWorkers: 2,
					// Unit tests first (group 0), then these: projects with different worker limits
					// must run in separate groups.
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
