import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Child {
	process: ChildProcess;
	/** Resolves with the first stdout line matching `ready`. */
	ready: Promise<RegExpExecArray>;
	stop(): void;
}

export function startChild(args: string[], env: Record<string, string>, ready: RegExp): Child {
	const child = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	return {
		process: child,
		ready: new Promise((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = ready.exec(output);
				if (match) resolve(match);
			});
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			child.once('exit', (code) => reject(new Error(`exited (${code}): ${output}`)));
		}),
		stop: () => void child.kill('SIGTERM')
	};
}

/** CPU seconds used so far and resident memory, read from Linux's /proc. */
export function usage(pid: number): { cpuSeconds: number; rssBytes: number } {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
	const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return { cpuSeconds: ticks / 100, rssBytes: Number(rss?.[1] ?? 0) * 1024 };
}
