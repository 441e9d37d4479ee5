import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/lib/server/db/data-dir-lock';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'tavolo-lock-'));

describe('lockDataDir', () => {
	it('writes our pid and removes the lock on release', () => {
		const folder = freshFolder();
		const release = lockDataDir(folder);
		expect(readFileSync(join(folder, 'tavolo.lock'), 'utf8')).toBe(String(process.pid));
		release();
		expect(existsSync(join(folder, 'tavolo.lock'))).toBe(false);
	});

	it('refuses a folder held by a live process, naming it', async () => {
		const folder = freshFolder();
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
		await new Promise((resolve) => other.once('spawn', resolve));
		writeFileSync(join(folder, 'tavolo.lock'), String(other.pid));
		try {
			expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
			expect(() => lockDataDir(folder)).toThrow(/already in use.*DATABASE_URL/s);
		} finally {
			other.kill('SIGKILL');
		}
	});

	it('takes over a lock left by a process that died', async () => {
		const folder = freshFolder();
		const dead = spawn(process.execPath, ['-e', '']);
		await new Promise((resolve) => dead.once('exit', resolve));
		writeFileSync(join(folder, 'tavolo.lock'), String(dead.pid));
		const release = lockDataDir(folder);
		expect(readFileSync(join(folder, 'tavolo.lock'), 'utf8')).toBe(String(process.pid));
		release();
	});
});
