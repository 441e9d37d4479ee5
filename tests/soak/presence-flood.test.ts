import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESENCE_LIMITS } from '../../server/collab/awareness-guard';
import { percentile, probeRoom } from '../integration/abuse/probe';
import { documentFixture } from '../integration/durability/database-access';
import { closeOf, rawSocket } from '../support/collab';
import { eventLoopStall, startInstance } from '../support/instances';

/**
 * Issue 15's presence flood at full size, timed: 20 offenders in turn, each sending 5 presence
 * messages of 4,096 invented entries with 1 KB states (4 MB each), into the room where two
 * people type (a character every 20 ms, measured at the other). The behaviour (1008, nothing
 * relayed, newcomers clean) is asserted by tests/integration/abuse/presence-flood.test.ts;
 * here the latency of the people in the room and the server's stall are measured.
 */
const fixture = await documentFixture(3);
afterAll(() => fixture.test.drop());
const [typist, reader, offender] = fixture.cookies;
const instance = await startInstance(fixture.test.env);

function floodMessage(from: number): Uint8Array {
	const inner = encoding.createEncoder();
	const count = PRESENCE_LIMITS.entriesPerMessage;
	encoding.writeVarUint(inner, count);
	for (let i = 0; i < count; i++) {
		encoding.writeVarUint(inner, from + i);
		encoding.writeVarUint(inner, 1);
		encoding.writeVarString(inner, JSON.stringify({ user: { name: 'x' }, pad: 'x'.repeat(1_000) }));
	}
	const outer = encoding.createEncoder();
	encoding.writeVarUint(outer, 1);
	encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
	return encoding.toUint8Array(outer);
}

describe('a presence flood, full size', () => {
	it('closes every offender with 1008 while the people in the room stay fast', async () => {
		// Built before the probe starts: this process's own work must not be measured.
		const messages = Array.from({ length: 5 }, (_, message) =>
			floodMessage(1_000_000 + message * 5_000)
		);
		const room = { name: fixture.name, cookies: [typist, reader] };
		// The same two people with no flood first: what the room's latency is on this machine.
		const quiet = await probeRoom(instance.wsUrl, room);
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		const before = (await quiet.stop()).latencies;
		const probe = await probeRoom(instance.wsUrl, room);
		await eventLoopStall(instance);
		const codes = new Set<number>();
		for (let round = 0; round < 20; round++) {
			const socket = await rawSocket(`${instance.wsUrl}/${fixture.name}`, offender);
			const closed = closeOf(socket);
			for (let message = 0; message < 5 && socket.readyState === socket.OPEN; message++) {
				socket.send(messages[message]);
			}
			codes.add((await closed).code);
		}
		const stall = await eventLoopStall(instance);
		const { sent, latencies } = await probe.stop();
		expect(latencies).toHaveLength(sent);
		const p50 = Math.round(percentile(latencies, 50));
		const p99 = Math.round(percentile(latencies, 99));
		const [p50Before, p99Before] = [50, 99].map((p) => Math.round(percentile(before, p)));
		console.log(
			`[soak] presence flood: closes ${[...codes]}; stall ${stall} ms; room p50 ${p50} ms, p99 ${p99} ms` +
				` (no flood: p50 ${p50Before} ms, p99 ${p99Before} ms)`
		);
		expect([...codes]).toEqual([1008]);
		expect(p99).toBeLessThan(200);
	});
});
