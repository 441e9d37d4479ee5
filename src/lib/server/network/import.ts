import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorize } from '../access/policy';
import { record } from '../audit/audit';
import {
	district,
	membership,
	networkImport,
	networkRelation,
	organisation,
	partnership
} from '../db/schema';
import { InvalidError, NotFoundError } from '../errors';
import {
	checkOrganisations,
	checkRelations,
	type Checked,
	type ImportError,
	type OrganisationRow,
	type RelationRow
} from '../../network/csv-import';
import { projectDistricts } from './partnership';

/**
 * CSV import into a project's network (issue 10), in two steps: `preview` checks the file and
 * stages it; `confirm` checks it again against the register as it is then and writes every row
 * in one transaction with one audit entry — or nothing. Coordinator only (`partnership.manage`).
 */

export type ImportKind = 'organisations' | 'relations';

export interface ImportPreview {
	importId: string | null;
	kind: ImportKind;
	rowCount: number;
	/** The first rows as they will be written, for the person to check. */
	sample: { row: number; cells: string[] }[];
	errors: ImportError[];
	errorCount: number;
}

const SAMPLE_ROWS = 20;
/** Enough to fix a file; the count says how many more there are. */
const SHOWN_ERRORS = 200;
/** Staged files older than this are dropped: a preview is not a storage place. */
const STAGE_HOURS = 24;
/** Rows per INSERT: PostgreSQL allows 65,535 parameters per statement. */
const BATCH = 1_000;

async function organisationContext(db: Db) {
	const [districts, codes] = await Promise.all([
		db.select({ id: district.id, name: district.name }).from(district),
		db
			.select({ taxCode: organisation.taxCode, vatNumber: organisation.vatNumber })
			.from(organisation)
	]);
	const knownCodes = new Set<string>();
	for (const c of codes) {
		if (c.taxCode) knownCodes.add(c.taxCode);
		if (c.vatNumber) knownCodes.add(c.vatNumber);
	}
	return {
		districtByName: new Map(districts.map((d) => [d.name.trim().toLocaleLowerCase('it'), d.id])),
		knownCodes
	};
}

/** Organisations of the project's network, findable by codice fiscale, partita IVA or name. */
async function relationContext(db: Db, projectId: string) {
	const [partners, members, ends] = await Promise.all([
		db
			.select({ id: partnership.organisationId })
			.from(partnership)
			.where(eq(partnership.projectId, projectId)),
		db
			.select({ id: membership.organisationId })
			.from(membership)
			.where(eq(membership.projectId, projectId)),
		db
			.select({ source: networkRelation.sourceId, target: networkRelation.targetId })
			.from(networkRelation)
			.where(eq(networkRelation.projectId, projectId))
	]);
	const ids = new Set<string>();
	for (const p of [...partners, ...members]) if (p.id) ids.add(p.id);
	for (const e of ends) ids.add(e.source).add(e.target);
	const organisationByRef = new Map<string, string>();
	if (ids.size === 0) return { organisationByRef };
	const rows = await db
		.select({
			id: organisation.id,
			name: organisation.name,
			shortName: organisation.shortName,
			taxCode: organisation.taxCode,
			vatNumber: organisation.vatNumber
		})
		.from(organisation)
		.where(inArray(organisation.id, [...ids]));
	for (const o of rows) {
		for (const ref of [o.name, o.shortName]) {
			if (ref) organisationByRef.set(ref.trim().toLocaleLowerCase('it'), o.id);
		}
		if (o.taxCode) organisationByRef.set(o.taxCode, o.id);
		if (o.vatNumber) organisationByRef.set(o.vatNumber, o.id);
	}
	return { organisationByRef };
}

async function check(
	db: Db,
	projectId: string,
	kind: ImportKind,
	content: string
): Promise<Checked<OrganisationRow> | Checked<RelationRow>> {
	return kind === 'organisations'
		? checkOrganisations(content, await organisationContext(db))
		: checkRelations(content, await relationContext(db, projectId));
}

function sampleOf(checked: Checked<OrganisationRow> | Checked<RelationRow>) {
	return checked.rows.slice(0, SAMPLE_ROWS).map(({ row, cells }) => ({ row, cells }));
}

export async function preview(
	ctx: Ctx,
	projectId: string,
	kind: ImportKind,
	content: string
): Promise<ImportPreview> {
	const { actor } = await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const checked = await check(ctx.db, projectId, kind, content);
	let importId: string | null = null;
	if (checked.errors.length === 0) {
		const stale = new Date(Date.now() - STAGE_HOURS * 3_600_000);
		await ctx.db.delete(networkImport).where(lt(networkImport.createdAt, stale));
		const [staged] = await ctx.db
			.insert(networkImport)
			.values({ projectId, personId: actor.id, kind, content })
			.returning({ id: networkImport.id });
		importId = staged.id;
	}
	return {
		importId,
		kind,
		rowCount: checked.rows.length,
		sample: sampleOf(checked),
		errors: checked.errors.slice(0, SHOWN_ERRORS),
		errorCount: checked.errors.length
	};
}

/** Writes a staged file, all rows or none; what changed in the register since is checked again. */
export async function confirm(
	ctx: Ctx,
	projectId: string,
	importId: string
): Promise<{ kind: ImportKind; written: number }> {
	const { actor } = await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const [staged] = await ctx.db
		.select()
		.from(networkImport)
		.where(
			and(
				eq(networkImport.id, importId),
				eq(networkImport.projectId, projectId),
				eq(networkImport.personId, actor.id)
			)
		);
	if (!staged) throw new NotFoundError('network_import_not_found');
	const checked = await check(ctx.db, projectId, staged.kind, staged.content);
	if (checked.errors.length > 0) throw new InvalidError('network_import_changed');
	// A partner's territories in the project are those of its card that the project covers.
	const inProject = new Set((await projectDistricts(ctx.db, projectId)).map((d) => d.id));
	await ctx.db.transaction(async (tx) => {
		if (staged.kind === 'organisations') {
			const rows = checked.rows as OrganisationRow[];
			for (let i = 0; i < rows.length; i += BATCH) {
				const batch = rows.slice(i, i + BATCH);
				const created = await tx
					.insert(organisation)
					.values(batch.map(({ row: _row, cells: _cells, role: _role, ...values }) => values))
					.returning({ id: organisation.id });
				await tx.insert(partnership).values(
					created.map((o, index) => ({
						projectId,
						organisationId: o.id,
						role: batch[index].role,
						districtIds: batch[index].districtIds.filter((id) => inProject.has(id))
					}))
				);
			}
		} else {
			const rows = checked.rows as RelationRow[];
			for (let i = 0; i < rows.length; i += BATCH) {
				await tx
					.insert(networkRelation)
					.values(
						rows
							.slice(i, i + BATCH)
							.map(({ row: _row, cells: _cells, ...values }) => ({ projectId, ...values }))
					);
			}
		}
		await tx.delete(networkImport).where(eq(networkImport.id, importId));
		await record(tx, {
			actorId: actor.id,
			action: 'partnership.manage',
			resourceType: 'network_import',
			resourceId: importId,
			projectId,
			detail: { kind: staged.kind, rows: checked.rows.length }
		});
	});
	return { kind: staged.kind, written: checked.rows.length };
}

/** The project's partners in the import's columns, so an export can be edited and read back. */
export async function exportOrganisations(ctx: Ctx, projectId: string): Promise<string[][]> {
	await authorize(ctx.db, ctx.actor, 'network.read', { projectId });
	const [rows, districts] = await Promise.all([
		ctx.db
			.select({ organisation, role: partnership.role })
			.from(partnership)
			.innerJoin(organisation, eq(organisation.id, partnership.organisationId))
			.where(eq(partnership.projectId, projectId))
			.orderBy(organisation.name),
		ctx.db.select({ id: district.id, name: district.name }).from(district)
	]);
	const nameOf = new Map(districts.map((d) => [d.id, d.name]));
	return rows.map(({ organisation: o, role }) => [
		o.name,
		o.shortName ?? '',
		o.kind,
		o.taxCode ?? '',
		o.vatNumber ?? '',
		o.pec ?? '',
		o.email ?? '',
		o.phone ?? '',
		o.districtIds.map((id) => nameOf.get(id) ?? '').join(' | '),
		role
	]);
}

/** The project's recorded relations; each end by its partita IVA, codice fiscale or name. */
export async function exportRelations(ctx: Ctx, projectId: string): Promise<string[][]> {
	await authorize(ctx.db, ctx.actor, 'network.read', { projectId });
	const relations = await ctx.db
		.select()
		.from(networkRelation)
		.where(eq(networkRelation.projectId, projectId));
	const ids = [...new Set(relations.flatMap((r) => [r.sourceId, r.targetId]))];
	const organisations =
		ids.length === 0
			? []
			: await ctx.db
					.select({
						id: organisation.id,
						name: organisation.name,
						taxCode: organisation.taxCode,
						vatNumber: organisation.vatNumber
					})
					.from(organisation)
					.where(inArray(organisation.id, ids));
	const refOf = new Map(organisations.map((o) => [o.id, o.vatNumber ?? o.taxCode ?? o.name]));
	return relations.map((r) => [
		refOf.get(r.sourceId) ?? '',
		refOf.get(r.targetId) ?? '',
		r.kind,
		r.label,
		r.fromDate ?? '',
		r.toDate ?? ''
	]);
}
