import { readFile, rename, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Backup } from './backup';

/** Written beside the target first, then renamed: a crash never leaves half a backup. */
export async function writeBackupFile(path: string, backup: Backup): Promise<void> {
	const json = Buffer.from(JSON.stringify(backup));
	const temporary = `${path}.partial`;
	await writeFile(temporary, path.endsWith('.gz') ? gzipSync(json) : json);
	await rename(temporary, path);
}

export async function readBackupFile(path: string): Promise<Backup> {
	const bytes = await readFile(path);
	const json = path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
	return JSON.parse(json.toString('utf8')) as Backup;
}
