import { defineConfig } from 'vitest/config';

/**
 * `npm run test:soak`: the full durability and abuse figures (minutes, not seconds). Kept out of
 * vite.config.ts's projects so `npm test` never runs it; results go in docs/reliability.md.
 */
export default defineConfig({
	test: {
		include: ['tests/soak/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 3_600_000,
		hookTimeout: 600_000,
		fileParallelism: false
	}
});
