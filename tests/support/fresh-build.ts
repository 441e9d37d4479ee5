import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Integration tests load `build/` (the production handler and server), not the sources: after a
 * change in `src/` or `server/` they would pass against old code. So they refuse to start when
 * the build is missing or older than any source (`npm run test:integration` and `npm test`
 * build first; `npx vitest run --project integration` does not).
 */
const SOURCES = [
	'src',
	'server',
	'messages',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/build-server.js',
	'package.json'
];
/** Written by the build itself (Paraglide's compiled messages). */
const GENERATED = [join('src', 'lib', 'paraglide')];
const OUTPUTS = ['build/server.js', 'build/handler.js'];

export function newestSource(root = '.'): { path: string; mtimeMs: number } {
	let newest = { path: '', mtimeMs: 0 };
	const visit = (path: string) => {
		if (GENERATED.includes(path) || !existsSync(join(root, path))) return;
		const stat = statSync(join(root, path));
		if (stat.isDirectory()) {
			for (const entry of readdirSync(join(root, path))) visit(join(path, entry));
		} else if (stat.mtimeMs > newest.mtimeMs) {
			newest = { path, mtimeMs: stat.mtimeMs };
		}
	};
	for (const source of SOURCES) visit(source);
	return newest;
}

/** Why the build cannot be used, or null when it is newer than every source. */
export function staleBuild(root = '.'): string | null {
	const missing = OUTPUTS.filter((output) => !existsSync(join(root, output)));
	if (missing.length > 0) return `${missing.join(', ')} missing`;
	const built = Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
	const newest = newestSource(root);
	if (newest.mtimeMs > built) return `${newest.path} changed after the build`;
	return null;
}

export default function checkBuild(): void {
	const reason = staleBuild();
	if (reason) {
		throw new Error(
			`The integration tests run build/, which is stale (${reason}). ` +
				'Run `npm run build` first, or `npm run test:integration`, which builds.'
		);
	}
}
