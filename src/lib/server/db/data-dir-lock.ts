import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite corrupts a folder that two processes open at once, so a lock file with our pid guards
 * it. A lock left by a dead process (SIGKILL) is taken over. Returns the release function.
 */
export function lockDataDir(folder: string): () => void {
	const path = join(folder, 'tavolo.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
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
			const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
			if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
				throw new DataDirLockedError(folder, pid);
			}
			if (pid === process.pid) throw new DataDirLockedError(folder, pid);
			unlinkSync(path);
		}
	}
	throw new Error(`Could not lock ${folder}`);
}
