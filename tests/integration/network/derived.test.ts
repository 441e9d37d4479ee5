import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase, type FreshDatabase } from '../demo/fresh-database';
import {
	caseEvent,
	lab,
	labParticipant,
	labSession,
	type CaseRecord
} from '../../../src/lib/server/db/schema';
import { networkOf } from '../../../src/lib/server/network/network';
import { filterNetwork } from '../../../src/lib/network/graph-data';
import { buildCase, buildMember, buildOrganisation, buildProject } from '../../support/factories';
import { testContext } from '../../support/context';

/**
 * The relations the network derives from cases (internship hosts, employers) and labs: counted,
 * dated, and free of any person's identity (issue 10).
 */

let fresh: FreshDatabase;
beforeAll(async () => {
	fresh = await openFreshDatabase();
}, 240_000); // migrations (and the demo) on a busy machine
afterAll(() => fresh.drop());

const NAMES = ['Aurora Derivata-Rossi', 'Bruno Derivato-Verdi', 'Chiara Derivata-Neri'];

async function seed() {
	const db = fresh.db;
	const { id: projectId } = await buildProject(db, {
		startsOn: '2026-01-01',
		endsOn: '2027-12-31'
	});
	const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
	const follower = await buildOrganisation(db, { name: 'Cooperativa Segue' });
	const host = await buildOrganisation(db, { name: 'Officine Ospiti Srl', kind: 'company' });
	const employer = await buildOrganisation(db, { name: 'Logistica Assume Spa', kind: 'company' });
	const cases: CaseRecord[] = [];
	for (const fullName of NAMES) {
		cases.push(await buildCase(db, { projectId, organisationId: follower.id, fullName }));
	}
	const event = (record: CaseRecord, kind: 'internship' | 'hire', details: object, on: string) =>
		db.insert(caseEvent).values({
			caseId: record.id,
			kind,
			occurredOn: on,
			note: `Nota riservata su ${NAMES[cases.indexOf(record)]}`,
			details: details as Record<string, string>
		});
	// Two people hosted by the same company (one of them twice), one of them still there.
	await event(
		cases[0],
		'internship',
		{ hostOrganisationId: host.id, startOn: '2026-03-01', endOn: '2026-08-31' },
		'2026-02-20'
	);
	await event(
		cases[0],
		'internship',
		{ hostOrganisationId: host.id, startOn: '2026-09-15', endOn: '2026-12-15' },
		'2026-09-10'
	);
	await event(
		cases[1],
		'internship',
		{ hostOrganisationId: host.id, startOn: '2026-05-04', endOn: '2026-10-30' },
		'2026-05-01'
	);
	await event(
		cases[2],
		'hire',
		{ employerOrganisationId: employer.id, startOn: '2026-11-02', sector: 'profit' },
		'2026-10-28'
	);

	// A lab where three organisations' people meet; a fourth stays out.
	const a = await buildMember(db, { projectId, role: 'partner_editor' });
	const b = await buildMember(db, { projectId, role: 'partner_editor' });
	const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
	const outside = await buildMember(db, { projectId, role: 'partner_editor' });
	const [theLab] = await db
		.insert(lab)
		.values({ projectId, title: 'Laboratorio Tirocini', facilitatorId: facilitator.person.id })
		.returning();
	await db.insert(labParticipant).values([
		{ labId: theLab.id, personId: a.person.id },
		{ labId: theLab.id, personId: b.person.id }
	]);
	await db.insert(labSession).values([
		{
			labId: theLab.id,
			title: 'Primo incontro',
			startsAt: new Date('2026-02-10T09:00:00Z'),
			endsAt: new Date('2026-02-10T12:00:00Z')
		},
		{
			labId: theLab.id,
			title: 'Ultimo incontro',
			startsAt: new Date('2026-06-16T09:00:00Z'),
			endsAt: new Date('2026-06-16T12:00:00Z')
		}
	]);
	return { projectId, coordinator, follower, host, employer, cases, a, b, facilitator, outside };
}

describe('relations derived from cases and labs', () => {
	let s: Awaited<ReturnType<typeof seed>>;
	beforeAll(async () => {
		s = await seed();
	}, 120_000);
	const network = () => networkOf(testContext(fresh.db, s.coordinator.actor), s.projectId);

	it('counts the people each organisation sent to an internship host, dated by the internships', async () => {
		const net = await network();
		const internships = net.edges.filter((e) => e.kind === 'internship');
		expect(internships).toEqual([
			expect.objectContaining({
				source: s.follower.id,
				target: s.host.id,
				count: 2,
				fromDate: '2026-03-01',
				toDate: '2026-12-15'
			})
		]);
		expect(net.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([s.host.id, s.employer.id]));
	});

	it('links the follower to the employer of a hire, open-ended from the hire', async () => {
		const net = await network();
		expect(net.edges.filter((e) => e.kind === 'hire')).toEqual([
			expect.objectContaining({
				source: s.follower.id,
				target: s.employer.id,
				count: 1,
				fromDate: '2026-11-02',
				toDate: null
			})
		]);
	});

	it('links every pair of organisations meeting in a lab, from its first to its last session', async () => {
		const net = await network();
		const labs = net.edges.filter((e) => e.kind === 'lab');
		const pairs = labs.map((e) => [e.source, e.target].sort().join('|')).sort();
		const orgs = [s.a.organisationId, s.b.organisationId, s.facilitator.organisationId];
		const expected = [
			[orgs[0], orgs[1]],
			[orgs[0], orgs[2]],
			[orgs[1], orgs[2]]
		]
			.map((p) => p.sort().join('|'))
			.sort();
		expect(pairs).toEqual(expected);
		expect(labs.every((e) => e.fromDate === '2026-02-10' && e.toDate === '2026-06-16')).toBe(true);
		expect(labs.every((e) => e.label === 'Laboratorio Tirocini')).toBe(true);
		expect(labs.some((e) => [e.source, e.target].includes(s.outside.organisationId))).toBe(false);
	});

	it('follows the date slider and the relation filter', async () => {
		const net = await network();
		const early = filterNetwork(net, { at: '2026-02-15' });
		expect(early.edges.map((e) => e.kind).sort()).toEqual(['lab', 'lab', 'lab']);
		const late = filterNetwork(net, { at: '2026-11-20', relation: 'hire' });
		expect(late.edges).toHaveLength(1);
		expect(filterNetwork(net, { at: '2027-01-10', relation: 'internship' }).edges).toEqual([]);
	});

	it('carries no identity, pseudonym, case, note or person into the payload', async () => {
		const payload = JSON.stringify(await network());
		for (const name of NAMES) expect(payload).not.toContain(name);
		for (const record of s.cases) {
			expect(payload).not.toContain(record.id);
			expect(payload).not.toContain(record.pseudonym);
		}
		expect(payload).not.toContain('Nota riservata');
		for (const member of [s.a, s.b, s.facilitator, s.coordinator]) {
			expect(payload).not.toContain(member.person.id);
			expect(payload).not.toContain(member.person.name);
			expect(payload).not.toContain(member.person.email);
		}
	});
});
