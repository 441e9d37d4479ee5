import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ProjectRole } from '../../../src/lib/server/db/schema';
import { DOCUMENT_KINDS } from '../../../src/lib/server/live-kinds';
import { CloseCode } from '../../../server/collab/close-codes';
import { connectClient, eventually, handshakeStatus } from '../../support/collab';
import { startTestServer } from '../../support/server';
import { buildWorld, EVERYONE, type Side, type Who } from './world';

/**
 * The access matrix at the other door, /collab/<kind>:<id>: everyone × every registered kind ×
 * {own, other, unknown} → refused (403/404 before the upgrade), read (updates dropped) or write
 * (updates stored). A kind registered without a row fails. The people asking are members of
 * the own projects but not of the body (minutes) nor of the organisations owning sections.
 */
const server = await startTestServer({ pages: false });
const world = await buildWorld(server.runtime);
const sectionOf = new Map<string, string>();
for (const side of [world.own, world.other]) {
	const [first] = await sectionsOf(side);
	sectionOf.set(side.proposalId, first);
}

async function sectionsOf(side: Side): Promise<string[]> {
	const { findSections } = await import('../../../src/lib/server/proposals/section-lookup');
	const sections = await findSections(server.runtime.db, { proposalId: side.proposalId });
	return sections.map((section) => section.id);
}

type Permission = 'write' | 'suggest' | 'read';
const W: Permission = 'write';
/** May write, but only their own suggestions: a plain edit closes the socket (ADR 0095). */
const S: Permission = 'suggest';
const R: Permission = 'read';

interface KindRow {
	name(side: Side): string;
	/** What each role gets in its own project. */
	own: Record<ProjectRole, Permission>;
}

const ROWS: Record<string, KindRow> = {
	notes: {
		name: (s) => `notes:${s.proposalProjectId}`,
		own: {
			coordinator: W,
			partner_editor: W,
			facilitator: W,
			steering_member: W,
			case_operator: R,
			observer: R
		}
	},
	section: {
		name: (s) => `section:${sectionOf.get(s.proposalId) ?? randomUUID()}`,
		own: {
			coordinator: W,
			partner_editor: S,
			facilitator: S,
			steering_member: R,
			case_operator: R,
			observer: R
		}
	},
	actions: {
		name: (s) => `actions:${s.proposalId}`,
		own: {
			coordinator: W,
			partner_editor: R,
			facilitator: R,
			steering_member: R,
			case_operator: R,
			observer: R
		}
	},
	labboard: {
		name: (s) => `labboard:${s.sessionId}`,
		// The partner editor is the lab's participant; the case operator, with lab.write but not
		// taking part, only reads (ADR 0110).
		own: {
			coordinator: W,
			partner_editor: W,
			facilitator: W,
			steering_member: R,
			case_operator: R,
			observer: R
		}
	},
	minutes: {
		name: (s) => `minutes:${s.meetingId}`,
		own: {
			coordinator: R,
			partner_editor: R,
			facilitator: R,
			steering_member: R,
			case_operator: R,
			observer: R
		}
	}
};

function expected(row: KindRow, who: Who, scope: 'own' | 'other' | 'unknown'): string {
	if (scope === 'unknown') return who === 'anonymous' ? '401' : '404';
	if (who === 'anonymous') return '401';
	if (who === 'stranger' || who === 'admin' || scope === 'other') return '403';
	return row.own[who];
}

/**
 * What the socket really allows: refused (status), or a plain edit stored (write), dropped
 * (read) or refused with the suggestions-only close (suggest).
 */
async function observe(name: string, who: Who): Promise<string> {
	const cookie = world.cookies[who];
	const status = await handshakeStatus(`${server.wsUrl}/${name}`, cookie ? { Cookie: cookie } : {});
	if (status !== 101) return String(status);
	const client = connectClient(server.wsUrl, name, cookie);
	await client.synced();
	const marker = `[${who}]`;
	let closedWith: number | null = null;
	void client.nextClose().then(({ code }) => (closedWith = code));
	client.text.insert(0, marker);
	// Same socket, later message: once the room has this presence, the edit was handled.
	client.provider.awareness.setLocalStateField('probe', marker);
	const room = () => server.app.collab.rooms.get(name);
	await eventually(
		() =>
			closedWith !== null ||
			[...(room()?.presence.awareness.getStates().values() ?? [])].some((s) => s.probe === marker)
	);
	if (closedWith !== null) {
		client.destroy();
		return closedWith === CloseCode.SuggestionsOnly ? 'suggest' : `closed ${closedWith}`;
	}
	// An accepted edit is being appended by now; once appends settle it is in the room or not.
	await room()?.settled();
	const written = room()?.doc.getText('body').toString().includes(marker) ?? false;
	client.destroy();
	return written ? 'write' : 'read';
}

describe('the access matrix over /collab', () => {
	it('has a row for every registered document kind', () => {
		expect(Object.keys(DOCUMENT_KINDS).filter((kind) => !(kind in ROWS))).toEqual([]);
	});

	it('serves no case record as a live document: case:<id> is refused to everyone', async () => {
		const refused: string[] = [];
		for (const who of EVERYONE) {
			const cookie = world.cookies[who];
			for (const id of [world.own.caseId, world.foreignCase.caseId]) {
				const status = await handshakeStatus(
					`${server.wsUrl}/case:${id}`,
					cookie ? { Cookie: cookie } : {}
				);
				refused.push(`${who}: ${status}`);
			}
		}
		// Case records are rows behind the policy, never Yjs: nothing to sync, nothing to cache offline.
		expect(refused).toEqual(EVERYONE.flatMap((who) => [`${who}: 404`, `${who}: 404`]));
		expect(Object.keys(DOCUMENT_KINDS).some((kind) => kind.startsWith('case'))).toBe(false);
	});

	for (const [kind, row] of Object.entries(ROWS)) {
		it(`${kind}: everyone × own/other/unknown is refused, reads or writes as the policy says`, async () => {
			const unknownName = `${kind}:${randomUUID()}`;
			const wrong: string[] = [];
			for (const who of EVERYONE) {
				for (const scope of ['own', 'other', 'unknown'] as const) {
					const name = scope === 'unknown' ? unknownName : row.name(world[scope]);
					const got = await observe(name, who);
					const want = expected(row, who, scope);
					if (got !== want) wrong.push(`${scope} ${who}: ${got}, expected ${want}`);
				}
			}
			expect(wrong).toEqual([]);
		});
	}
});
