import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: the full durability and abuse figures (minutes, not seconds). Kept out of
 * vite.config.ts's projects so `npm test` never runs it; results go in docs/reliability.md.
 * SvelteKit's plugin gives the server code its `$lib` imports, as in the integration project.
 */
export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/soak/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 3_600_000,
		hookTimeout: 600_000,
		fileParallelism: false,
		globalSetup: ['tests/support/database-template.ts'],
		server: { deps: { external: [/\/build\//] } }
	}
});
