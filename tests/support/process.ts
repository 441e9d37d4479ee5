import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

/** Runs the built production server (`node build/server.js`) as a child process. */
export function runBuiltServer(env: Record<string, string>): Started {
	const child = spawn(process.execPath, ['build/server.js'], {
		env: { ...process.env, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let text = '';
	child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	return { child, output: () => text, exited };
}

/** Resolves once the child printed `pattern`; rejects if it exits or the time runs out. */
export async function waitForOutput(started: Started, pattern: RegExp, ms = 30_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!pattern.test(started.output())) {
		if (started.child.exitCode !== null) {
			throw new Error(`server exited (${started.child.exitCode}): ${started.output()}`);
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${pattern}: ${started.output()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
