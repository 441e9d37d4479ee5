import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTavoloServer } from '../../../server/app';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';
import { closeOf, connectClient, eventually, rawSocket } from '../../support/collab';

const server = await startTestServer({ pages: false });
const db = server.runtime.db;

// A second server on the same runtime, whose log we can read.
const logLines: { msg: string; reason?: string }[] = [];
const log = pino(
	{ level: 'debug' },
	new Writable({
		write(chunk: Buffer, _encoding, done) {
			for (const line of chunk.toString().split('\n').filter(Boolean)) {
				logLines.push(JSON.parse(line));
			}
			done();
		}
	})
);
const logged = createTavoloServer(server.runtime, (_req, res) => void res.end(), { log });
const port = await logged.listen(0, '127.0.0.1');
const wsUrl = `ws://127.0.0.1:${port}/collab`;
afterAll(() => logged.close());

const project = await buildProject(db);
const name = `notes:${project.id}`;
const cookies = await Promise.all(
	[1, 2, 3].map(async () => {
		const member = await buildMember(db, { projectId: project.id, role: 'partner_editor' });
		return signIn(db, member.person.id);
	})
);

/** Two well-behaved clients that must keep working whatever the others send. */
async function expectOthersStillWork(marker: string) {
	const a = connectClient(wsUrl, name, cookies[0]);
	const b = connectClient(wsUrl, name, cookies[1]);
	await Promise.all([a.synced(), b.synced()]);
	a.text.insert(0, marker);
	await eventually(() => b.text.toString().includes(marker), `"${marker}" to arrive`);
	expect(b.text.toString()).toContain(marker);
}

/** What is sent, its bytes, and the reason the server must log for it (protocol.ts). */
const MALFORMED: [string, number[], string][] = [
	['a truncated message-type varint', [0x80], 'malformed message type'],
	['a truncated sync-type varint', [0, 0xff], 'malformed sync type'],
	['a truncated length varint', [0, 0, 0xff, 0xff], 'malformed length'],
	['a length beyond the frame', [0, 2, 10, 1, 2], 'length beyond frame'],
	['an unknown message type', [7, 0], 'unknown message type 7'],
	['an unknown sync type', [0, 9, 0], 'unknown sync type 9'],
	['an update that is not a Yjs update', [0, 2, 4, 0xff, 0xff, 0xff, 0xff], 'malformed update'],
	['a state vector that is not one', [0, 0, 2, 5, 0x80], 'malformed state vector'],
	['an awareness update with broken JSON', [1, 6, 1, 1, 1, 2, 0x7b, 0x7b], 'malformed state'],
	['trailing bytes after a valid message', [0, 0, 1, 0, 42], 'trailing bytes'],
	['an empty frame', [], 'malformed message type']
];

describe('malformed and oversized messages', () => {
	it.each(MALFORMED)(
		'closes only the socket that sent %s, with 1007 and a logged reason',
		async (what, bytes, reason) => {
			const before = logLines.length;
			const socket = await rawSocket(`${wsUrl}/${name}`, cookies[2]);
			const closed = closeOf(socket);
			socket.send(Uint8Array.from(bytes));
			expect((await closed).code).toBe(1007);
			const refusal = () =>
				logLines.slice(before).find((line) => line.msg === 'collab message refused');
			await eventually(() => refusal() !== undefined, 'the refusal to be logged');
			expect(refusal()?.reason).toBe(reason);
			await expectOthersStillWork(what);
		}
	);

	it('refuses text frames', async () => {
		const socket = await rawSocket(`${wsUrl}/${name}`, cookies[2]);
		const closed = closeOf(socket);
		socket.send('{"type":"update"}');
		expect((await closed).code).toBe(1007);
	});

	it('survives a burst of random garbage frames on many sockets', async () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const sockets = await Promise.all(
			Array.from({ length: 20 }, () => rawSocket(`${wsUrl}/${name}`, cookies[2]))
		);
		const closes = sockets.map(closeOf);
		for (const socket of sockets) {
			for (let i = 0; i < 5; i++) {
				const frame = Uint8Array.from({ length: 1 + Math.floor(random() * 300) }, () =>
					Math.floor(random() * 256)
				);
				if (socket.readyState === socket.OPEN) socket.send(frame);
			}
			socket.close();
		}
		await Promise.all(closes);
		await expectOthersStillWork('after the garbage');
	});

	it('closes a 50 MB message with 1009 and keeps serving the others', async () => {
		const socket = await rawSocket(`${wsUrl}/${name}`, cookies[2]);
		const closed = closeOf(socket);
		socket.send(Buffer.alloc(50 * 1024 * 1024, 1));
		expect((await closed).code).toBe(1009);
		await expectOthersStillWork('after 50 MB');
	});
});
