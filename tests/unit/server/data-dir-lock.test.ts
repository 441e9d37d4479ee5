import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
	DataDirLockedError,
	currentHolder,
	lockDataDir,
	processStart
} from '../../../src/lib/server/db/data-dir-lock';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'tavolo-lock-'));
const lockOf = (folder: string) => join(folder, 'tavolo.lock');
const linux = processStart('self') !== null;

const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function liveProcess(): Promise<number> {
	const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
	children.push(other);
	await new Promise((resolve) => other.once('spawn', resolve));
	return other.pid!;
}

describe('lockDataDir', () => {
	it('writes our pid, boot id and start time, and removes the lock on release', () => {
		const folder = freshFolder();
		const release = lockDataDir(folder);
		expect(JSON.parse(readFileSync(lockOf(folder), 'utf8'))).toEqual(currentHolder());
		expect(currentHolder().pid).toBe(process.pid);
		release();
		expect(existsSync(lockOf(folder))).toBe(false);
	});

	it('refuses a folder held by a live process, naming it', async () => {
		const folder = freshFolder();
		const pid = await liveProcess();
		const start = processStart(pid) ?? currentHolder().start;
		writeFileSync(lockOf(folder), JSON.stringify({ pid, boot: currentHolder().boot, start }));
		expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
		expect(() => lockDataDir(folder)).toThrow(
			new RegExp(`already in use by another Tavolo process \\(pid ${pid}\\).*DATABASE_URL`, 's')
		);
	});

	it('refuses a second lock by this same process', () => {
		const folder = freshFolder();
		const release = lockDataDir(folder);
		expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
		release();
	});

	it('takes over a lock left by a process that died', async () => {
		const folder = freshFolder();
		const dead = spawn(process.execPath, ['-e', '']);
		await new Promise((resolve) => dead.once('exit', resolve));
		writeFileSync(lockOf(folder), JSON.stringify({ ...currentHolder(), pid: dead.pid }));
		const release = lockDataDir(folder);
		expect(JSON.parse(readFileSync(lockOf(folder), 'utf8')).pid).toBe(process.pid);
		release();
	});

	it('takes over a lock holding its own pid from an earlier boot (pid 1 in a restarted container)', () => {
		const folder = freshFolder();
		writeFileSync(lockOf(folder), JSON.stringify({ ...currentHolder(), boot: 'an earlier boot' }));
		const release = lockDataDir(folder);
		expect(JSON.parse(readFileSync(lockOf(folder), 'utf8'))).toEqual(currentHolder());
		release();
	});

	it('takes over a lock holding its own pid from an earlier process of the same boot', () => {
		const folder = freshFolder();
		writeFileSync(lockOf(folder), JSON.stringify({ ...currentHolder(), start: 'ticks:1' }));
		const release = lockDataDir(folder);
		expect(JSON.parse(readFileSync(lockOf(folder), 'utf8'))).toEqual(currentHolder());
		release();
	});

	it.runIf(linux)('takes over a lock whose pid now runs another process (reused pid)', async () => {
		const folder = freshFolder();
		const pid = await liveProcess();
		writeFileSync(
			lockOf(folder),
			JSON.stringify({ pid, boot: currentHolder().boot, start: 'ticks:1' })
		);
		const release = lockDataDir(folder);
		expect(JSON.parse(readFileSync(lockOf(folder), 'utf8')).pid).toBe(process.pid);
		release();
	});

	it('reads a pid-only lock of Tavolo 0.2: refused for a live process, stale for our own pid', async () => {
		const held = freshFolder();
		const pid = await liveProcess();
		writeFileSync(lockOf(held), String(pid));
		expect(() => lockDataDir(held)).toThrow(DataDirLockedError);

		const ours = freshFolder();
		writeFileSync(lockOf(ours), String(process.pid));
		const release = lockDataDir(ours);
		expect(JSON.parse(readFileSync(lockOf(ours), 'utf8'))).toEqual(currentHolder());
		release();
	});
});
