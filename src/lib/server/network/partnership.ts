import { and, asc, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { authorize, decide } from '../access/policy';
import { record } from '../audit/audit';
import {
	district,
	membership,
	networkRelation,
	organisation,
	partnership,
	partnershipAgreement,
	projectDistrict,
	projectVocabulary,
	type Organisation,
	type PartnershipAgreement,
	type PartnershipRole
} from '../db/schema';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { termKey, type AgreementInput, type PartnerInput } from '../../network/partnership-form';

/**
 * A project's partnership as data (issue 10): each organisation's role, areas, targets and
 * territories chosen from the project's lists, its dates, and the form of the partnership.
 * Everyone in the project reads it (`network.read`); only the coordinator changes it
 * (`partnership.manage`).
 */

export interface Term {
	key: string;
	label: string;
}

export interface PartnerRow {
	organisationId: string;
	name: string;
	shortName: string | null;
	kind: Organisation['kind'];
	role: PartnershipRole;
	description: string;
	areas: string[];
	targets: string[];
	districtIds: string[];
	fromDate: string | null;
	toDate: string | null;
}

export interface PartnershipView {
	agreement: PartnershipAgreement | null;
	areas: Term[];
	targets: Term[];
	districts: { id: string; name: string; parentId: string | null }[];
	partners: PartnerRow[];
	/** Organisations of the project not (yet) in the partnership: only for the coordinator. */
	candidates: { id: string; name: string }[];
	canManage: boolean;
}

const ROLE_ORDER: readonly PartnershipRole[] = [
	'lead',
	'institutional_partner',
	'operating_partner',
	'programme_referent',
	'network_member'
];

/** The project's districts and their sub-districts, parents first. */
export async function projectDistricts(
	db: Db,
	projectId: string
): Promise<{ id: string; name: string; parentId: string | null }[]> {
	const linked = await db
		.select({ id: projectDistrict.districtId })
		.from(projectDistrict)
		.where(eq(projectDistrict.projectId, projectId));
	if (linked.length === 0) return [];
	const all = await db
		.select({ id: district.id, name: district.name, parentId: district.parentId })
		.from(district)
		.orderBy(asc(district.name));
	const found = new Set(linked.map((row) => row.id));
	for (let grew = true; grew;) {
		grew = false;
		for (const row of all) {
			if (row.parentId && found.has(row.parentId) && !found.has(row.id)) {
				found.add(row.id);
				grew = true;
			}
		}
	}
	return all.filter((row) => found.has(row.id));
}

export async function vocabulary(
	db: Db,
	projectId: string
): Promise<{ areas: Term[]; targets: Term[] }> {
	const rows = await db
		.select()
		.from(projectVocabulary)
		.where(eq(projectVocabulary.projectId, projectId))
		.orderBy(asc(projectVocabulary.position), asc(projectVocabulary.label));
	const pick = (list: 'area' | 'target') =>
		rows.filter((r) => r.list === list).map(({ key, label }) => ({ key, label }));
	return { areas: pick('area'), targets: pick('target') };
}

export async function partnersOf(db: Db, projectId: string): Promise<PartnerRow[]> {
	const rows = await db
		.select({ partnership, organisation })
		.from(partnership)
		.innerJoin(organisation, eq(organisation.id, partnership.organisationId))
		.where(eq(partnership.projectId, projectId));
	return rows
		.map(({ partnership: p, organisation: o }) => ({
			organisationId: o.id,
			name: o.name,
			shortName: o.shortName,
			kind: o.kind,
			role: p.role,
			description: p.description,
			areas: p.areas,
			targets: p.targets,
			districtIds: p.districtIds,
			fromDate: p.fromDate,
			toDate: p.toDate
		}))
		.sort(
			(a, b) =>
				ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
				a.name.localeCompare(b.name, 'it')
		);
}

export async function view(ctx: Ctx, projectId: string): Promise<PartnershipView> {
	const grant = await authorize(ctx.db, ctx.actor, 'network.read', { projectId });
	const canManage = decide(grant, 'partnership.manage', { projectId });
	const [agreement, vocab, districts, partners] = await Promise.all([
		ctx.db
			.select()
			.from(partnershipAgreement)
			.where(eq(partnershipAgreement.projectId, projectId))
			.then((rows) => rows[0] ?? null),
		vocabulary(ctx.db, projectId),
		projectDistricts(ctx.db, projectId),
		partnersOf(ctx.db, projectId)
	]);
	let candidates: { id: string; name: string }[] = [];
	if (canManage) {
		const inPartnership = partners.map((p) => p.organisationId);
		const [members, related] = await Promise.all([
			ctx.db
				.selectDistinct({ id: organisation.id, name: organisation.name })
				.from(membership)
				.innerJoin(organisation, eq(organisation.id, membership.organisationId))
				.where(eq(membership.projectId, projectId)),
			ctx.db
				.selectDistinct({ id: organisation.id, name: organisation.name })
				.from(networkRelation)
				.innerJoin(organisation, eq(organisation.id, networkRelation.targetId))
				.where(eq(networkRelation.projectId, projectId))
		]);
		const byId = new Map([...members, ...related].map((o) => [o.id, o]));
		candidates = [...byId.values()]
			.filter((o) => !inPartnership.includes(o.id))
			.sort((a, b) => a.name.localeCompare(b.name, 'it'));
	}
	return { agreement, ...vocab, districts, partners, candidates, canManage };
}

export async function setAgreement(
	ctx: Ctx,
	projectId: string,
	input: AgreementInput
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	if (input.mandateOrganisationId) {
		const [inProject] = await ctx.db
			.select({ id: partnership.organisationId })
			.from(partnership)
			.where(
				and(
					eq(partnership.projectId, projectId),
					eq(partnership.organisationId, input.mandateOrganisationId)
				)
			);
		if (!inProject) {
			throw new InvalidError('invalid', {
				mandateOrganisationId: [m.partnership_mandate_not_partner()]
			});
		}
	}
	await ctx.db
		.insert(partnershipAgreement)
		.values({ projectId, ...input })
		.onConflictDoUpdate({ target: partnershipAgreement.projectId, set: input });
}

/** Adds or changes a partner; areas, targets and territories must come from the project's lists. */
export async function setPartner(ctx: Ctx, projectId: string, input: PartnerInput): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const [vocab, districts, [known]] = await Promise.all([
		vocabulary(ctx.db, projectId),
		projectDistricts(ctx.db, projectId),
		ctx.db
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.id, input.organisationId))
	]);
	if (!known) throw new NotFoundError('organisation_not_found');
	const issues: Record<string, string[]> = {};
	const areaKeys = new Set(vocab.areas.map((t) => t.key));
	const targetKeys = new Set(vocab.targets.map((t) => t.key));
	const districtIds = new Set(districts.map((d) => d.id));
	if (input.areas.some((a) => !areaKeys.has(a))) issues.areas = [m.partnership_term_unknown()];
	if (input.targets.some((t) => !targetKeys.has(t))) {
		issues.targets = [m.partnership_term_unknown()];
	}
	if (input.districtIds.some((d) => !districtIds.has(d))) {
		issues.districtIds = [m.partnership_district_outside()];
	}
	if (Object.keys(issues).length > 0) throw new InvalidError('invalid', issues);
	const values = {
		role: input.role,
		description: input.description,
		areas: [...new Set(input.areas)],
		targets: [...new Set(input.targets)],
		districtIds: [...new Set(input.districtIds)],
		fromDate: input.fromDate,
		toDate: input.toDate
	};
	await ctx.db.transaction(async (tx) => {
		await tx
			.insert(partnership)
			.values({ projectId, organisationId: input.organisationId, ...values })
			.onConflictDoUpdate({
				target: [partnership.projectId, partnership.organisationId],
				set: values
			});
		await record(tx, {
			actorId: ctx.actor?.id ?? null,
			action: 'partnership.manage',
			resourceType: 'partnership',
			resourceId: input.organisationId,
			projectId,
			detail: { role: input.role }
		});
	});
}

export async function removePartner(
	ctx: Ctx,
	projectId: string,
	organisationId: string
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const removed = await ctx.db
		.delete(partnership)
		.where(
			and(eq(partnership.projectId, projectId), eq(partnership.organisationId, organisationId))
		)
		.returning({ id: partnership.organisationId });
	if (removed.length === 0) throw new NotFoundError('partnership_not_found');
}

export async function addTerm(
	ctx: Ctx,
	projectId: string,
	input: { list: 'area' | 'target'; label: string }
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const vocab = await vocabulary(ctx.db, projectId);
	const existing = input.list === 'area' ? vocab.areas : vocab.targets;
	const key = termKey(input.label);
	if (existing.some((t) => t.key === key)) {
		throw new InvalidError('invalid', { label: [m.partnership_term_exists()] });
	}
	await ctx.db
		.insert(projectVocabulary)
		.values({ projectId, list: input.list, key, label: input.label, position: existing.length });
}

/** Removes an entry nobody uses; a used entry is refused, so no partner loses data silently. */
export async function removeTerm(
	ctx: Ctx,
	projectId: string,
	input: { list: 'area' | 'target'; key: string }
): Promise<void> {
	await authorize(ctx.db, ctx.actor, 'partnership.manage', { projectId });
	const partners = await partnersOf(ctx.db, projectId);
	const used = partners.some((p) =>
		(input.list === 'area' ? p.areas : p.targets).includes(input.key)
	);
	if (used) throw new ConflictError('partnership_term_in_use');
	const removed = await ctx.db
		.delete(projectVocabulary)
		.where(
			and(
				eq(projectVocabulary.projectId, projectId),
				eq(projectVocabulary.list, input.list),
				eq(projectVocabulary.key, input.key)
			)
		)
		.returning({ key: projectVocabulary.key });
	if (removed.length === 0) throw new NotFoundError('partnership_term_not_found');
}
