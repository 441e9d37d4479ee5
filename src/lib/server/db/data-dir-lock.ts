import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
	constructor(
		readonly folder: string,
		readonly pid: number
	) {
		super(
			`The data folder ${folder} is already in use by another Tavolo process (pid ${pid}). ` +
				'The embedded database can be opened by one process only: stop the other one, ' +
				'or use PostgreSQL (DATABASE_URL) to run several instances.'
		);
	}
}

/**
 * Who holds the lock: a pid alone is not enough, since pids are reused — a container whose
 * node runs as pid 1 comes back as pid 1 after a kill, and would find "its own" lock. The boot
 * id tells one boot of the machine (or container host) from the next, and the process's start
 * time tells two processes that had the same pid in one boot apart.
 */
export interface LockHolder {
	pid: number;
	/** /proc/sys/kernel/random/boot_id on Linux; elsewhere the boot time to 10 s. */
	boot: string;
	/** `ticks:<n>` (field 22 of /proc/<pid>/stat) on Linux; elsewhere `ms:<epoch ms>`. */
	start: string;
}

function bootId(): string {
	try {
		return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
	} catch {
		return `uptime:${Math.round((Date.now() - uptime() * 1000) / 10_000)}`;
	}
}

/** The start time of a process as the kernel records it, or null where it cannot be read. */
export function processStart(pid: number | 'self'): string | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return `ticks:${fields[19]}`;
	} catch {
		return null;
	}
}

const self: LockHolder = {
	pid: process.pid,
	boot: bootId(),
	start: processStart('self') ?? `ms:${Math.round(Date.now() - process.uptime() * 1000)}`
};

/** The holder this process writes into the lock. */
export function currentHolder(): LockHolder {
	return { ...self };
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A lock written by Tavolo 0.2 holds the pid alone. */
function parseHolder(text: string): LockHolder | { pid: number; boot?: undefined } | null {
	try {
		const value = JSON.parse(text) as Partial<LockHolder> | number;
		if (typeof value === 'number') return Number.isInteger(value) ? { pid: value } : null;
		if (
			Number.isInteger(value.pid) &&
			typeof value.boot === 'string' &&
			typeof value.start === 'string'
		) {
			return value as LockHolder;
		}
	} catch {
		// not JSON: a torn or foreign file
	}
	return null;
}

/**
 * Whether the lock's holder still runs. Taken as stale: an unreadable lock, a lock from another
 * boot, a dead pid, a pid now running a process started at another time (reused), and an old
 * pid-only lock naming our own pid (a restarted container's pid 1: we cannot be its holder, as
 * this version writes the full holder). Held: our own process (opened twice), a live pid of
 * this boot whose start time matches or cannot be read (not Linux).
 */
export function holderRuns(holder: ReturnType<typeof parseHolder>, me = self): boolean {
	if (holder === null) return false;
	if (holder.boot === undefined) return holder.pid !== me.pid && isAlive(holder.pid);
	if (holder.boot !== me.boot) return false;
	if (holder.pid === me.pid) return holder.start === me.start;
	if (!isAlive(holder.pid)) return false;
	const start = processStart(holder.pid);
	return start === null || start === holder.start;
}

/**
 * PGlite corrupts a folder that two processes open at once, so a lock file names the process
 * holding it (pid, boot id, start time). A stale lock (see holderRuns) is taken over. Returns
 * the release function.
 */
export function lockDataDir(folder: string): () => void {
	const path = join(folder, 'tavolo.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, JSON.stringify(self));
			closeSync(fd);
			let released = false;
			return () => {
				if (released) return;
				released = true;
				try {
					unlinkSync(path);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = parseHolder(readFileSync(path, 'utf8'));
			if (holder && holderRuns(holder)) throw new DataDirLockedError(folder, holder.pid);
			unlinkSync(path);
		}
	}
	throw new Error(`Could not lock ${folder}`);
}
