import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleBuild } from '../../support/fresh-build';

function project(times: Record<string, number>): string {
	const root = mkdtempSync(join(tmpdir(), 'tavolo-build-'));
	for (const [path, seconds] of Object.entries(times)) {
		mkdirSync(join(root, path, '..'), { recursive: true });
		writeFileSync(join(root, path), '');
		utimesSync(join(root, path), seconds, seconds);
	}
	return root;
}

describe('the integration suite’s build check', () => {
	it('accepts a build newer than every source', () => {
		const root = project({
			'src/routes/a.ts': 100,
			'build/server.js': 200,
			'build/handler.js': 200
		});
		expect(staleBuild(root)).toBeNull();
	});

	it('refuses a build older than a changed route, naming the file', () => {
		const root = project({
			'src/routes/a.ts': 300,
			'build/server.js': 200,
			'build/handler.js': 200
		});
		expect(staleBuild(root)).toBe(`${join('src', 'routes', 'a.ts')} changed after the build`);
	});

	it('refuses a missing build', () => {
		expect(staleBuild(project({ 'server/index.ts': 100, 'build/server.js': 200 }))).toBe(
			'build/handler.js missing'
		);
	});

	it('ignores the messages the build compiles into src/lib/paraglide', () => {
		const root = project({
			'src/lib/paraglide/messages.js': 300,
			'build/server.js': 200,
			'build/handler.js': 200
		});
		expect(staleBuild(root)).toBeNull();
	});
});
