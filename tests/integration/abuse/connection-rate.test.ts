import { describe, expect, it } from 'vitest';
import { handshakeStatus } from '../../support/collab';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';

/**
 * Per-address handshake limit (server/collab/connection-rate.ts). Tests connect from this
 * machine, which is not limited; the proxy's X-Forwarded-For header names the client as
 * nginx would (docs/deploy.md).
 */
const server = await startTestServer({ pages: false });
const db = server.runtime.db;
const project = await buildProject(db);
const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
const cookie = await signIn(db, member.person.id);
const url = `${server.wsUrl}/notes:${project.id}`;

describe('handshakes per address', () => {
	it('answers 429 to an address that opens sockets in a tight loop, and only to it', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 100; i++) {
			statuses.push(await handshakeStatus(url, { 'X-Forwarded-For': '203.0.113.7' }));
		}
		expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(20);
		expect(await handshakeStatus(url, { 'X-Forwarded-For': '198.51.100.9', Cookie: cookie })).toBe(
			101
		);
		expect(await handshakeStatus(url, { Cookie: cookie })).toBe(101);
	});

	it('takes the address the proxy appended, not one the client wrote before it', async () => {
		const spoofed: number[] = [];
		for (let i = 0; i < 80; i++) {
			spoofed.push(await handshakeStatus(url, { 'X-Forwarded-For': `10.0.0.${i}, 203.0.113.8` }));
		}
		expect(spoofed.filter((status) => status === 429).length).toBeGreaterThan(0);
	});
});
