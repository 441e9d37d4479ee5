import { describe, expect, it } from 'vitest';
import * as decisions from '../../../src/lib/server/governance/decisions';
import * as register from '../../../src/lib/server/governance/decision-register';
import type { RegisterFilter } from '../../../src/lib/governance/decision-form';
import { buildCommittee, startGovernanceRuntime } from './fixture';
import { testContext } from '../../support/context';

const { runtime } = await startGovernanceRuntime();
const c = await buildCommittee(runtime);
const noFilter: RegisterFilter = {
	bodyId: null,
	status: null,
	ownerId: null,
	overdue: false,
	q: ''
};

async function propose(text: string, extra: Partial<Parameters<typeof decisions.propose>[1]> = {}) {
	return decisions.propose(c.ctx(c.secretary), {
		meetingId: c.meeting.id,
		agendaItemId: null,
		text,
		quote: '',
		ownerOrganisationId: null,
		ownerPersonId: null,
		dueOn: null,
		links: [],
		...extra
	});
}

describe('decisions', () => {
	it('follow the status machine and keep the full history of who, when and why', async () => {
		const made = await propose('Avviare i tirocini nel Legnanese');
		const move = (to: Parameters<typeof decisions.transition>[1]['to'], note = '') =>
			decisions.transition(c.ctx(c.member), {
				decisionId: made.id,
				to,
				note,
				supersededById: null
			});
		await expect(move('done')).rejects.toMatchObject({ code: 'gov_transition_not_allowed' });
		await move('approved', 'Approvata all’unanimità');
		await move('in_progress');
		await move('done', 'Primi 5 tirocini avviati');
		await expect(move('approved')).rejects.toMatchObject({ code: 'gov_transition_not_allowed' });
		const { decision, history } = await decisions.get(c.ctx(c.observer), made.id);
		expect(decision.status).toBe('done');
		expect(history.map((h) => [h.change.fromStatus, h.change.toStatus])).toEqual([
			[null, 'proposed'],
			['proposed', 'approved'],
			['approved', 'in_progress'],
			['in_progress', 'done']
		]);
		expect(history[1]).toMatchObject({
			actorName: c.member.person.name,
			change: { note: 'Approvata all’unanimità' }
		});
		expect(history.every((h) => h.change.at instanceof Date)).toBe(true);
	});

	it('are superseded only by another decision of the same project', async () => {
		const old = await propose('Riunioni mensili');
		const replacement = await propose('Riunioni bimestrali');
		const supersede = (by: string | null) =>
			decisions.transition(c.ctx(c.chair), {
				decisionId: old.id,
				to: 'superseded',
				note: '',
				supersededById: by
			});
		await expect(supersede(null)).rejects.toMatchObject({ code: 'invalid' });
		await expect(supersede(old.id)).rejects.toMatchObject({ code: 'invalid' });
		expect((await supersede(replacement.id)).supersededById).toBe(replacement.id);
	});

	it('refuse changes from observers and from partners without the right', async () => {
		const made = await propose('Nominare un referente per ambito');
		const move = (who: typeof c.chair) =>
			decisions.transition(c.ctx(who), {
				decisionId: made.id,
				to: 'approved',
				note: '',
				supersededById: null
			});
		await expect(move(c.observer)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(move(c.partner)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(
			decisions.propose(c.ctx(c.observer), {
				meetingId: c.meeting.id,
				agendaItemId: null,
				text: 'Nope',
				quote: '',
				ownerOrganisationId: null,
				ownerPersonId: null,
				dueOn: null,
				links: []
			})
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('are found in the register by body, status, owner, overdue and text', async () => {
		const owned = await propose('Costituire il gruppo di lavoro del Magentino', {
			ownerPersonId: c.member.person.id,
			dueOn: '2020-01-31',
			quote: 'Si decide di costituire il gruppo di lavoro'
		});
		const list = async (filter: Partial<RegisterFilter>) =>
			(await register.list(c.ctx(c.observer), c.projectId, { ...noFilter, ...filter })).rows.map(
				(r) => r.id
			);
		expect(await list({ ownerId: c.member.person.id })).toEqual([owned.id]);
		expect(await list({ overdue: true })).toEqual([owned.id]);
		expect(await list({ q: 'magent' })).toEqual([owned.id]);
		expect(await list({ q: 'gruppi lavoro' })).toEqual([owned.id]);
		expect(await list({ q: 'zzzz' })).toEqual([]);
		expect(await list({ status: 'proposed', bodyId: c.body.id })).toContain(owned.id);
		expect(await list({ status: 'done' })).not.toContain(owned.id);
		const timeline = await register.timeline(c.ctx(c.observer), c.projectId, noFilter);
		expect(timeline[0]).toMatchObject({ decisionId: owned.id, toStatus: 'proposed' });
	});

	it('link only to partners and proposal sections of the project, labelled from the database', async () => {
		const { buildOrganisation } = await import('../../support/factories');
		const { listLinkTargets } = await import('../../../src/lib/server/governance/link-targets');
		const targets = await listLinkTargets(c.ctx(c.observer), c.projectId);
		const partner = targets.find((t) => t.targetId === c.partner.organisationId)!;
		expect(partner.targetType).toBe('partner');
		const made = await propose('Coinvolgere il partner', {
			links: [{ targetType: 'partner', targetId: partner.targetId, label: 'etichetta inventata' }]
		});
		expect((await decisions.get(c.ctx(c.observer), made.id)).links).toMatchObject([
			{ targetType: 'partner', targetId: partner.targetId, label: partner.label }
		]);
		const foreign = await buildOrganisation(c.db);
		await expect(
			propose('Coinvolgere un estraneo', {
				links: [{ targetType: 'partner', targetId: foreign.id, label: 'x' }]
			})
		).rejects.toMatchObject({ code: 'invalid' });
	});

	it('keep the register closed to people outside the project', async () => {
		const { buildPerson, actorOf } = await import('../../support/factories');
		const stranger = actorOf(await buildPerson(c.db));
		await expect(
			register.list(testContext(c.db, stranger), c.projectId, noFilter)
		).rejects.toMatchObject({
			code: 'project_not_found'
		});
	});
});
