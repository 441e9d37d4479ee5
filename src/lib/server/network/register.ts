import { and, asc, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { decide, type Actor, type Grant } from '../access/policy';
import { record } from '../audit/audit';
import {
	district,
	membership,
	networkRelation,
	organisation,
	organisationContact,
	partnership,
	project,
	type Organisation,
	type OrganisationContact,
	type PartnershipRole
} from '../db/schema';
import { ForbiddenError, InvalidError, NotFoundError, UnauthorizedError } from '../errors';
import type { ContactInput, OrganisationInput } from '../../network/organisation-form';

/**
 * The organisation register: every organisation of the projects a person belongs to. Reading
 * needs `network.read` in one of those projects; editing a card needs `organisation.edit` there
 * (the policy lets partners edit their own organisation only, the coordinator any of the project).
 */

export interface RegisterRow {
	id: string;
	name: string;
	shortName: string | null;
	kind: Organisation['kind'];
	taxCode: string | null;
	vatNumber: string | null;
	pec: string | null;
	accreditations: string[];
	districtIds: string[];
	projects: { id: string; title: string; role: PartnershipRole | null }[];
	canEdit: boolean;
}

export interface RegisterFilter {
	q?: string;
	kind?: string;
	districtId?: string;
}

interface Presence {
	organisationId: string;
	projectId: string;
	title: string;
	role: PartnershipRole | null;
}

function requireSignedIn(actor: Actor | null): Actor {
	if (!actor) throw new UnauthorizedError();
	return actor;
}

/** The actor's grants, one per project they belong to. */
async function grantsOf(db: Db, personId: string): Promise<Map<string, Grant>> {
	const rows = await db
		.select({
			projectId: membership.projectId,
			role: membership.role,
			organisationId: membership.organisationId,
			personId: membership.personId
		})
		.from(membership)
		.where(eq(membership.personId, personId));
	return new Map(rows.map(({ projectId, ...grant }) => [projectId, grant]));
}

/** Where organisations appear in the given projects: in the partnership or through members. */
async function presences(
	db: Db,
	projectIds: string[],
	organisationIds?: string[]
): Promise<Presence[]> {
	if (projectIds.length === 0) return [];
	const orgFilter = (
		column: typeof partnership.organisationId | typeof membership.organisationId
	) => (organisationIds ? inArray(column, organisationIds) : undefined);
	const [partners, members, sources, targets] = await Promise.all([
		db
			.select({
				organisationId: partnership.organisationId,
				projectId: partnership.projectId,
				title: project.title,
				role: partnership.role
			})
			.from(partnership)
			.innerJoin(project, eq(project.id, partnership.projectId))
			.where(
				and(inArray(partnership.projectId, projectIds), orgFilter(partnership.organisationId))
			),
		db
			.selectDistinct({
				organisationId: membership.organisationId,
				projectId: membership.projectId,
				title: project.title
			})
			.from(membership)
			.innerJoin(project, eq(project.id, membership.projectId))
			.where(and(inArray(membership.projectId, projectIds), orgFilter(membership.organisationId))),
		...([networkRelation.sourceId, networkRelation.targetId] as const).map((column) =>
			db
				.selectDistinct({
					organisationId: column,
					projectId: networkRelation.projectId,
					title: project.title
				})
				.from(networkRelation)
				.innerJoin(project, eq(project.id, networkRelation.projectId))
				.where(
					and(
						inArray(networkRelation.projectId, projectIds),
						organisationIds ? inArray(column, organisationIds) : undefined
					)
				)
		)
	]);
	const seen = new Map<string, Presence>();
	for (const row of partners) seen.set(`${row.organisationId}|${row.projectId}`, row);
	for (const row of [...members, ...sources, ...targets]) {
		if (!row.organisationId) continue;
		const key = `${row.organisationId}|${row.projectId}`;
		if (!seen.has(key)) seen.set(key, { ...row, organisationId: row.organisationId, role: null });
	}
	return [...seen.values()];
}

function readableProjects(grants: Map<string, Grant>): string[] {
	return [...grants]
		.filter(([projectId, grant]) => decide(grant, 'network.read', { projectId }))
		.map(([id]) => id);
}

function mayEdit(grants: Map<string, Grant>, organisationId: string, where: Presence[]): boolean {
	return where.some((p) =>
		decide(grants.get(p.projectId) ?? null, 'organisation.edit', {
			projectId: p.projectId,
			organisationId
		})
	);
}

/** The register as the actor may see it, filtered by name, kind and territory. */
export async function listRegister(ctx: Ctx, filter: RegisterFilter = {}): Promise<RegisterRow[]> {
	const actor = requireSignedIn(ctx.actor);
	const grants = await grantsOf(ctx.db, actor.id);
	const where = await presences(ctx.db, readableProjects(grants));
	const byOrganisation = new Map<string, Presence[]>();
	for (const p of where) {
		const list = byOrganisation.get(p.organisationId);
		if (list) list.push(p);
		else byOrganisation.set(p.organisationId, [p]);
	}
	if (byOrganisation.size === 0) return [];
	const rows = await ctx.db
		.select()
		.from(organisation)
		.where(inArray(organisation.id, [...byOrganisation.keys()]))
		.orderBy(asc(organisation.name));
	const q = filter.q?.trim().toLocaleLowerCase('it');
	return rows
		.filter(
			(o) =>
				(!q ||
					o.name.toLocaleLowerCase('it').includes(q) ||
					(o.shortName ?? '').toLocaleLowerCase('it').includes(q) ||
					o.taxCode === q ||
					o.vatNumber === q) &&
				(!filter.kind || o.kind === filter.kind) &&
				(!filter.districtId || o.districtIds.includes(filter.districtId))
		)
		.map((o) => {
			const seen = byOrganisation.get(o.id) ?? [];
			return {
				id: o.id,
				name: o.name,
				shortName: o.shortName,
				kind: o.kind,
				taxCode: o.taxCode,
				vatNumber: o.vatNumber,
				pec: o.pec,
				accreditations: o.accreditations,
				districtIds: o.districtIds,
				projects: seen.map((p) => ({ id: p.projectId, title: p.title, role: p.role })),
				canEdit: mayEdit(grants, o.id, seen)
			};
		});
}

export interface OrganisationCard {
	organisation: Organisation;
	contacts: OrganisationContact[];
	districts: { id: string; name: string }[];
	projects: { id: string; title: string; role: PartnershipRole | null }[];
	canEdit: boolean;
}

/** Reads the card; NotFound unless the organisation is in one of the actor's readable projects. */
export async function getCard(ctx: Ctx, organisationId: string): Promise<OrganisationCard> {
	const actor = requireSignedIn(ctx.actor);
	const grants = await grantsOf(ctx.db, actor.id);
	const where = await presences(ctx.db, readableProjects(grants), [organisationId]);
	if (where.length === 0) throw new NotFoundError('organisation_not_found');
	const [found] = await ctx.db
		.select()
		.from(organisation)
		.where(eq(organisation.id, organisationId));
	if (!found) throw new NotFoundError('organisation_not_found');
	const [contacts, districts] = await Promise.all([
		ctx.db
			.select()
			.from(organisationContact)
			.where(eq(organisationContact.organisationId, organisationId))
			.orderBy(asc(organisationContact.name)),
		found.districtIds.length === 0
			? Promise.resolve([])
			: ctx.db
					.select({ id: district.id, name: district.name })
					.from(district)
					.where(inArray(district.id, found.districtIds))
					.orderBy(asc(district.name))
	]);
	return {
		organisation: found,
		contacts,
		districts,
		projects: where.map((p) => ({ id: p.projectId, title: p.title, role: p.role })),
		canEdit: mayEdit(grants, organisationId, where)
	};
}

/** The policy's answer for editing this card: NotFound when unseen, Forbidden when read-only. */
export async function authorizeEdit(ctx: Ctx, organisationId: string): Promise<Actor> {
	const actor = requireSignedIn(ctx.actor);
	const grants = await grantsOf(ctx.db, actor.id);
	const where = await presences(ctx.db, [...grants.keys()], [organisationId]);
	if (where.length === 0) throw new NotFoundError('organisation_not_found');
	if (!mayEdit(grants, organisationId, where)) throw new ForbiddenError();
	return actor;
}

/** Fails with field issues when a chosen district does not exist. */
export async function assertDistricts(db: Db, ids: readonly string[], field = 'districtIds') {
	if (ids.length === 0) return;
	const found = await db
		.select({ id: district.id })
		.from(district)
		.where(inArray(district.id, [...new Set(ids)]));
	if (found.length !== new Set(ids).size) {
		throw new InvalidError('invalid', { [field]: [m.organisations_district_unknown()] });
	}
}

export async function updateCard(
	ctx: Ctx,
	organisationId: string,
	input: OrganisationInput
): Promise<void> {
	const actor = await authorizeEdit(ctx, organisationId);
	await assertDistricts(ctx.db, input.districtIds);
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(organisation)
			.set({ ...input, districtIds: [...new Set(input.districtIds)] })
			.where(eq(organisation.id, organisationId));
		await record(tx, {
			actorId: actor.id,
			action: 'organisation.edit',
			resourceType: 'organisation',
			resourceId: organisationId
		});
	});
}

export async function addContact(
	ctx: Ctx,
	organisationId: string,
	input: ContactInput
): Promise<void> {
	await authorizeEdit(ctx, organisationId);
	await ctx.db.insert(organisationContact).values({ ...input, organisationId });
}

export async function removeContact(
	ctx: Ctx,
	organisationId: string,
	contactId: string
): Promise<void> {
	await authorizeEdit(ctx, organisationId);
	const removed = await ctx.db
		.delete(organisationContact)
		.where(
			and(
				eq(organisationContact.id, contactId),
				eq(organisationContact.organisationId, organisationId)
			)
		)
		.returning({ id: organisationContact.id });
	if (removed.length === 0) throw new NotFoundError('organisation_contact_not_found');
}

/** Every district, for choosing territories from a list (a few hundred rows at most). */
export async function listDistricts(db: Db): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: district.id, name: district.name })
		.from(district)
		.orderBy(asc(district.name));
}
