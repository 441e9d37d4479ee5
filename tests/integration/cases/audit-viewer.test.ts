import { and, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../../src/lib/server/db/schema';
import type { Ctx } from '../../../src/lib/server/context';
import * as auditLog from '../../../src/lib/server/cases/audit-log';
import * as records from '../../../src/lib/server/cases/records';
import * as view from '../../../src/lib/server/cases/view';
import * as identities from '../../../src/lib/server/cases/identity';
import { auditFilter, type AuditFilter } from '../../../src/lib/cases/audit-filter';
import { buildMember, buildProject, signIn } from '../../support/factories';
import { testContext } from '../../support/context';
import { startTestServer } from '../../support/server';

// The built app for the HTTP doors (see docs/testing.md); the domain is called directly too.
const server = await startTestServer();
const { db } = server.runtime;

const project = await buildProject(db);
const elsewhere = await buildProject(db);
const projectId = project.id;
const ctx = (member: { actor: Ctx['actor'] }): Ctx => testContext(db, member.actor);
const operator = await buildMember(db, { projectId, role: 'case_operator' });
const coordinator = await buildMember(db, { projectId, role: 'coordinator' });
const facilitator = await buildMember(db, { projectId, role: 'facilitator' });
const editor = await buildMember(db, { projectId, role: 'partner_editor' });
const observer = await buildMember(db, { projectId, role: 'observer' });
const outsider = await buildMember(db, { projectId: elsewhere.id, role: 'coordinator' });

const NAME = 'Giulia Ferraresi';
const FISCAL_CODE = 'FRRGLI90A41F205X';
const first = await records.create(ctx(operator), projectId, {
	fullName: NAME,
	fiscalCode: null,
	phone: '333 444 5566',
	email: null,
	referredOn: '2026-02-03',
	note: 'Segnalata dal centro per l’impiego.'
});
const second = await records.create(ctx(operator), projectId, {
	fullName: 'Marco Ruggeri',
	fiscalCode: null,
	phone: null,
	email: null,
	referredOn: '2026-02-04',
	note: ''
});
await view.get(ctx(operator), projectId, first.id);
await view.get(ctx(coordinator), projectId, first.id);
await identities.correct(ctx(operator), projectId, first.id, {
	fullName: NAME,
	fiscalCode: FISCAL_CODE,
	phone: '333 444 5566',
	email: null
});

const filter = (input: Record<string, string> = {}): AuditFilter => auditFilter.parse(input);

describe('the case audit viewer', () => {
	it('is the coordinator’s alone: everyone else in the project is refused, outsiders see nothing', async () => {
		await expect(auditLog.list(ctx(coordinator), projectId, filter())).resolves.toBeTruthy();
		for (const who of [operator, facilitator, editor, observer]) {
			await expect(auditLog.list(ctx(who), projectId, filter())).rejects.toMatchObject({
				status: 403
			});
			await expect(auditLog.actors(ctx(who), projectId)).rejects.toMatchObject({ status: 403 });
		}
		await expect(auditLog.list(ctx(outsider), projectId, filter())).rejects.toMatchObject({
			status: 404
		});
	});

	it('shows who did what to which pseudonym, newest first, and nothing identifying', async () => {
		const { rows, total } = await auditLog.list(ctx(coordinator), projectId, filter());
		expect(total).toBe(rows.length);
		const seen = rows.map((r) => [r.action, r.actorName, r.pseudonym]);
		expect(seen).toContainEqual(['case.create', operator.person.name, first.pseudonym]);
		expect(seen).toContainEqual(['case.create', operator.person.name, second.pseudonym]);
		expect(seen).toContainEqual(['case.read_identity', operator.person.name, first.pseudonym]);
		expect(seen).toContainEqual([
			'case.read_pseudonymous',
			coordinator.person.name,
			first.pseudonym
		]);
		const correction = rows.find((r) => r.action === 'case.identity');
		expect(correction?.detail).toEqual({ fields: ['fiscalCode'] });
		const times = rows.map((r) => r.at.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const text = JSON.stringify(rows);
		for (const secret of [NAME, FISCAL_CODE, '333 444 5566', 'centro per l’impiego', 'Ruggeri']) {
			expect(text).not.toContain(secret);
		}
	});

	it('filters by person, action, pseudonym and day, and pages', async () => {
		const byCoordinator = await auditLog.list(
			ctx(coordinator),
			projectId,
			filter({ actorId: coordinator.person.id })
		);
		expect(new Set(byCoordinator.rows.map((r) => r.actorName))).toEqual(
			new Set([coordinator.person.name])
		);
		const creations = await auditLog.list(
			ctx(coordinator),
			projectId,
			filter({ action: 'case.create' })
		);
		expect(creations.rows.map((r) => r.pseudonym).sort()).toEqual(
			[first.pseudonym, second.pseudonym].sort()
		);
		// Typed loosely: lower case, no dash.
		const ofFirst = await auditLog.list(
			ctx(coordinator),
			projectId,
			filter({ pseudonym: first.pseudonym.toLowerCase().replace('-', '') })
		);
		expect(ofFirst.rows.length).toBeGreaterThanOrEqual(4);
		expect(ofFirst.rows.every((r) => r.pseudonym === first.pseudonym)).toBe(true);
		const past = await auditLog.list(
			ctx(coordinator),
			projectId,
			filter({ from: '2020-01-01', to: '2020-12-31' })
		);
		expect(past).toEqual({ rows: [], total: 0 });
		const paged = await auditLog.list(ctx(coordinator), projectId, filter(), {
			limit: 2,
			offset: 2
		});
		expect(paged.rows).toHaveLength(2);
		expect(paged.total).toBeGreaterThan(4);
	});

	it('lists as actors the people in the log only, and logs its own reading', async () => {
		const actors = await auditLog.actors(ctx(coordinator), projectId);
		expect(actors.map((a) => a.id).sort()).toEqual(
			[operator.person.id, coordinator.person.id].sort()
		);
		const own = await db
			.select()
			.from(auditEntry)
			.where(
				and(eq(auditEntry.action, 'case.audit_read'), eq(auditEntry.actorId, coordinator.person.id))
			);
		expect(own.length).toBeGreaterThanOrEqual(4);
		expect(own.every((row) => row.resourceId === null && row.projectId === projectId)).toBe(true);
	});

	it('answers over HTTP with the page and a CSV for the coordinator, and 403 to an operator', async () => {
		const base = `${server.url}/projects/${projectId}/cases/audit`;
		const get = async (path: string, personId: string) =>
			fetch(`${base}${path}`, {
				headers: { cookie: await signIn(db, personId) },
				redirect: 'manual'
			});
		const page = await get(`?pseudonym=${first.pseudonym}`, coordinator.person.id);
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('no-store');
		const html = await page.text();
		expect(html).toContain(first.pseudonym);
		expect(html).not.toContain(NAME);
		expect((await get('', operator.person.id)).status).toBe(403);
		expect((await get('/audit.csv', operator.person.id)).status).toBe(403);

		const csv = await get(`/audit.csv?action=case.create`, coordinator.person.id);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(csv.headers.get('cache-control')).toBe('no-store');
		const text = await csv.text();
		const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim(), { delimiter: ';' }).data;
		expect(rows[0]).toEqual(['Quando', 'Chi ha agito', 'Azione', 'Pseudonimo', 'Dettagli']);
		expect(
			rows
				.slice(1)
				.map((r) => r[3])
				.sort()
		).toEqual([first.pseudonym, second.pseudonym].sort());
		expect(rows.slice(1).every((r) => r[2] === 'Apertura del percorso')).toBe(true);
		expect(text).not.toContain(NAME);
		const bad = await get('?from=2026-03-02&to=2026-03-01', coordinator.person.id);
		expect(bad.status).toBe(400);
	});
});
