import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/lib/server/context';
import { record } from '../../../src/lib/server/audit/audit';
import { ACTIVITY_PAGE_SIZE, projectActivity } from '../../../src/lib/server/activity/feed';
import { buildCase, buildMember, buildProject } from '../../support/factories';
import { buildCommittee, startGovernanceRuntime } from '../governance/fixture';

const { runtime } = await startGovernanceRuntime();
const db = runtime.db;

/** The feed's actions as one role sees them, newest first. */
async function seen(c: Awaited<ReturnType<typeof buildCommittee>>, who: { actor: Ctx['actor'] }) {
	const page = await projectActivity(c.ctx(who), c.projectId);
	return page.entries.map((entry) => entry.action);
}

describe('the project activity feed', () => {
	it('shows each role what it may see: a case event only to the record’s own operators', async () => {
		const c = await buildCommittee(runtime);
		const operator = await buildMember(db, { projectId: c.projectId, role: 'case_operator' });
		const otherOperator = await buildMember(db, { projectId: c.projectId, role: 'case_operator' });
		const facilitator = await buildMember(db, { projectId: c.projectId, role: 'facilitator' });
		const record1 = await buildCase(db, {
			projectId: c.projectId,
			organisationId: operator.organisationId
		});
		await record(db, {
			actorId: operator.person.id,
			action: 'case.create',
			resourceType: 'case',
			resourceId: record1.id,
			projectId: c.projectId
		});
		// A read is for the auditors, never the feed; an unknown action never shows either.
		await record(db, {
			actorId: operator.person.id,
			action: 'case.list',
			resourceType: 'case_list',
			projectId: c.projectId
		});
		await record(db, {
			actorId: c.chair.person.id,
			action: 'something.new',
			resourceType: 'thing',
			projectId: c.projectId
		});
		// Another project's event never shows here.
		const elsewhere = await buildProject(db);
		await record(db, {
			actorId: c.chair.person.id,
			action: 'meeting.schedule',
			resourceType: 'meeting',
			resourceId: elsewhere.id,
			projectId: elsewhere.id
		});

		// The committee's fixture: the body, its four members, the meeting called (newest first).
		const governance = [
			'meeting.schedule',
			'body.add_member',
			'body.add_member',
			'body.add_member',
			'body.add_member',
			'body.create'
		];
		for (const who of [c.chair, c.secretary, c.partner, c.observer, facilitator, otherOperator]) {
			expect(await seen(c, who)).toEqual(governance);
		}
		expect(await seen(c, operator)).toEqual(['case.create', ...governance]);

		const page = await projectActivity(c.ctx(c.chair), c.projectId);
		const called = page.entries[0];
		expect(called.actorName).toBe(c.chair.person.name);
		expect(called.link).toBe(`/projects/${c.projectId}/governance/meetings/${c.meeting.id}`);
		// Someone outside the project learns nothing.
		const stranger = await buildMember(db, { projectId: elsewhere.id, role: 'coordinator' });
		await expect(projectActivity(c.ctx(stranger), c.projectId)).rejects.toMatchObject({
			status: 404
		});
	});

	it('pages: the newest first, then the older, with no entry twice', async () => {
		const c = await buildCommittee(runtime);
		for (let n = 0; n < ACTIVITY_PAGE_SIZE + 5; n++) {
			await record(db, {
				actorId: c.chair.person.id,
				action: 'decision.transition',
				resourceType: 'decision',
				resourceId: `${n}`,
				projectId: c.projectId
			});
		}
		const first = await projectActivity(c.ctx(c.member), c.projectId, 1);
		const second = await projectActivity(c.ctx(c.member), c.projectId, 2);
		expect(first.entries).toHaveLength(ACTIVITY_PAGE_SIZE);
		expect(first.hasMore).toBe(true);
		expect(first.entries[0].resourceId).toBe(`${ACTIVITY_PAGE_SIZE + 4}`);
		// 35 transitions + 6 from the fixture = 41: 11 on the second page.
		expect(second.entries).toHaveLength(11);
		expect(second.hasMore).toBe(false);
		const ids = [...first.entries, ...second.entries].map((entry) => entry.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
