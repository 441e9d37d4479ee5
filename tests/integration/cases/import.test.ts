import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntry, caseEvent, caseIdentity, caseRecord } from '../../../src/lib/server/db/schema';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { startTestServer } from '../../support/server';

/**
 * The CSV import of case records through the HTTP door (issue 11): a case operator previews and
 * imports for their own organisation; one bad row writes nothing; no other role may import; one
 * audit entry says who imported how many, with no personal data.
 */
const server = await startTestServer({ seedDemo: false });
const { db } = server.runtime;
const project = await buildProject(db, { startsOn: '2025-01-01', endsOn: '2027-12-31' });
const base = `/projects/${project.id}/cases/import`;
const operator = await buildMember(db, { projectId: project.id, role: 'case_operator' });

const HEADER = 'nome_cognome;codice_fiscale;data_invio;categoria;inviante;nota';
const GOOD = [
	HEADER,
	'Amina Diallo;RSSMRA85T10A562S;10/02/2025;Migranti;job_centre;Dallo sportello',
	'Paolo Conti;;2025-02-11;youth;;'
].join('\n');
const BAD = [
	HEADER,
	'Giulia Neri;;2025-03-01;migrants;;',
	'Marco Verdi;;2025-13-01;vulnerabili;;',
	'Sara Blu;;2025-03-02;;;'
].join('\n');

async function post(action: 'preview' | 'import', cookie: string, content: string | null) {
	const body = new FormData();
	if (content !== null) body.set('file', new File([content], 'percorsi.csv', { type: 'text/csv' }));
	const response = await fetch(`${server.url}${base}?/${action}`, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin: server.url.replace(/^http:/, 'https:'),
			cookie
		},
		body
	});
	const result = (await response.json()) as { type: string; status?: number; data?: string };
	return {
		status: result.type === 'failure' ? result.status : response.status,
		data: result.data ?? ''
	};
}

const namesOfProject = () =>
	db
		.select({ name: caseIdentity.fullName, organisationId: caseRecord.organisationId })
		.from(caseRecord)
		.innerJoin(caseIdentity, eq(caseIdentity.caseId, caseRecord.id))
		.where(eq(caseRecord.projectId, project.id));

describe('importing case records from CSV', () => {
	it('previews a file without writing anything', async () => {
		const cookie = await signIn(db, operator.person.id);
		const answer = await post('preview', cookie, GOOD);
		expect(answer.status).toBe(200);
		expect(answer.data).toContain('Amina Diallo');
		expect(answer.data).toContain('Migranti');
		expect(await namesOfProject()).toEqual([]);
	});

	it('blocks the whole file for one bad row, naming row and column', async () => {
		const cookie = await signIn(db, operator.person.id);
		const answer = await post('import', cookie, BAD);
		expect(answer.status).toBe(400);
		expect(answer.data).toContain('date_invalid');
		expect(answer.data).toContain('target_unknown');
		expect(answer.data).toContain('data_invio');
		expect(await namesOfProject()).toEqual([]);
	});

	it('imports every row of a valid file for the operator’s organisation, audited without personal data', async () => {
		const cookie = await signIn(db, operator.person.id);
		const answer = await post('import', cookie, GOOD);
		expect(answer.status).toBe(200);
		expect(answer.data).toContain('written');
		const names = await namesOfProject();
		expect(names.map((n) => n.name).sort()).toEqual(['Amina Diallo', 'Paolo Conti']);
		expect(new Set(names.map((n) => n.organisationId))).toEqual(new Set([operator.organisationId]));
		const [amina] = await db
			.select({ record: caseRecord, event: caseEvent })
			.from(caseRecord)
			.innerJoin(caseIdentity, eq(caseIdentity.caseId, caseRecord.id))
			.innerJoin(caseEvent, eq(caseEvent.caseId, caseRecord.id))
			.where(eq(caseIdentity.fullName, 'Amina Diallo'));
		expect(amina.record).toMatchObject({
			targetCategory: 'migrants',
			referralSource: 'job_centre',
			status: 'referred'
		});
		expect(amina.record.pseudonym).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
		expect(amina.event).toMatchObject({ kind: 'referral', occurredOn: '2025-02-10' });

		const imports = await db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.projectId, project.id), eq(auditEntry.action, 'case.import')));
		expect(imports.map((e) => [e.actorId, e.detail])).toEqual([[operator.person.id, { count: 2 }]]);
		const created = await db
			.select()
			.from(auditEntry)
			.where(and(eq(auditEntry.projectId, project.id), eq(auditEntry.action, 'case.create')));
		expect(created).toHaveLength(2);
		const log = JSON.stringify([...imports, ...created]);
		for (const personal of ['Amina', 'Diallo', 'RSSMRA85T10A562S', 'sportello']) {
			expect(log).not.toContain(personal);
		}
	});

	it('refuses the page, the template and both actions to every other role', async () => {
		for (const role of [
			'coordinator',
			'facilitator',
			'partner_editor',
			'steering_member',
			'observer'
		] as const) {
			const member = await buildMember(db, { projectId: project.id, role });
			const cookie = await signIn(db, member.person.id);
			for (const action of ['preview', 'import'] as const) {
				expect((await post(action, cookie, GOOD)).status, `${role} ${action}`).toBe(403);
			}
			for (const path of [base, `${base}/template.csv`]) {
				const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
				expect(response.status, `${role} ${path}`).toBe(403);
			}
		}
		const names = await namesOfProject();
		expect(names).toHaveLength(2);
	});

	it('gives the case operator a template with the Italian headers', async () => {
		const cookie = await signIn(db, operator.person.id);
		const response = await fetch(`${server.url}${base}/template.csv`, { headers: { cookie } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect((await response.text()).replace(/^\uFEFF/, '').trim()).toBe(
			'nome_cognome;codice_fiscale;telefono;email;data_invio;categoria;comune;inviante;nota'
		);
	});

	it('asks for a file', async () => {
		const cookie = await signIn(db, operator.person.id);
		const answer = await post('preview', cookie, null);
		expect(answer.status).toBe(400);
		expect(answer.data).toContain('Scegli un file CSV da importare.');
	});
});
