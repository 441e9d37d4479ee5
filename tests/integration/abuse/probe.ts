import type { Db } from '../../../src/lib/server/db/client';
import { connectClient } from '../../support/collab';
import { buildMember, buildProject, signIn } from '../../support/factories';

export interface Probe {
	/** Stops probing: how many edits were sent, and the propagation latency of each, in ms. */
	stop(): Promise<{ sent: number; latencies: number[] }>;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Two well-behaved people in a room of their own: one types a character every `everyMs`, the
 * other's arrival time gives the propagation latency "other rooms" see during an attack.
 */
export async function startProbe(db: Db, wsUrl: string, everyMs = 20): Promise<Probe> {
	return probeRoom(wsUrl, await probeFixture(db), everyMs);
}

/** The probe's room and its two people, made before a server in another process holds the db. */
export async function probeFixture(db: Db): Promise<{ name: string; cookies: string[] }> {
	const project = await buildProject(db);
	const cookies = await Promise.all(
		[0, 1].map(async () => {
			const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
			return signIn(db, member.person.id);
		})
	);
	return { name: `notes:${project.id}`, cookies };
}

export async function probeRoom(
	wsUrl: string,
	{ name, cookies }: { name: string; cookies: string[] },
	everyMs = 20
): Promise<Probe> {
	const writer = connectClient(wsUrl, name, cookies[0]);
	const reader = connectClient(wsUrl, name, cookies[1]);
	await Promise.all([writer.synced(), reader.synced()]);
	const sentAt: number[] = [];
	const latencies: number[] = [];
	reader.text.observe(() => {
		while (latencies.length < reader.text.length && latencies.length < sentAt.length) {
			latencies.push(performance.now() - sentAt[latencies.length]);
		}
	});
	const timer = setInterval(() => {
		sentAt.push(performance.now());
		writer.text.insert(writer.text.length, 'x');
	}, everyMs);
	return {
		async stop() {
			clearInterval(timer);
			const deadline = Date.now() + 5_000;
			while (latencies.length < sentAt.length && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			writer.destroy();
			reader.destroy();
			return { sent: sentAt.length, latencies };
		}
	};
}
