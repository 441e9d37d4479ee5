import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import {
	district,
	lab,
	labParticipant,
	labSession,
	labTerritory,
	membership,
	person,
	type Lab,
	type LabSession
} from '../db/schema';
import { m } from '../../paraglide/messages';
import { authorize, decide, type Resource } from '../access/policy';
import { InvalidError, NotFoundError } from '../errors';
import { record } from '../audit/audit';
import type { LabInput } from '../../labs/lab-form';

/** A lab of the project the URL names; one of another project is as unknown as none. */
export async function findLab(db: Db, projectId: string, labId: string): Promise<Lab> {
	const [found] = await db
		.select()
		.from(lab)
		.where(and(eq(lab.id, labId), eq(lab.projectId, projectId)));
	if (!found) throw new NotFoundError('labs_not_found');
	return found;
}

export async function participantIds(db: Db, labId: string): Promise<string[]> {
	const rows = await db
		.select({ id: labParticipant.personId })
		.from(labParticipant)
		.where(eq(labParticipant.labId, labId));
	return rows.map((row) => row.id);
}

/** The policy's resource for a lab: its project and who takes part (ADR 0110). */
export async function labResource(db: Db, found: Lab): Promise<Resource> {
	const ids = await participantIds(db, found.id);
	return { projectId: found.projectId, labParticipantIds: [...ids, found.facilitatorId] };
}

export interface LabSummary {
	id: string;
	title: string;
	theme: string;
	facilitatorName: string;
	sessions: number;
}

export async function list({ db, actor }: Ctx, projectId: string): Promise<LabSummary[]> {
	await authorize(db, actor, 'lab.read', { projectId });
	const labs = await db
		.select({ id: lab.id, title: lab.title, theme: lab.theme, facilitatorName: person.name })
		.from(lab)
		.innerJoin(person, eq(person.id, lab.facilitatorId))
		.where(eq(lab.projectId, projectId))
		.orderBy(asc(lab.title));
	if (labs.length === 0) return [];
	const sessions = await db
		.select({ labId: labSession.labId })
		.from(labSession)
		.where(
			inArray(
				labSession.labId,
				labs.map((l) => l.id)
			)
		);
	return labs.map((l) => ({ ...l, sessions: sessions.filter((s) => s.labId === l.id).length }));
}

/** The project's members, who may facilitate or take part in a lab. */
export async function people({ db, actor }: Ctx, projectId: string) {
	await authorize(db, actor, 'lab.read', { projectId });
	return db
		.selectDistinct({ id: person.id, name: person.name })
		.from(membership)
		.innerJoin(person, eq(person.id, membership.personId))
		.where(eq(membership.projectId, projectId))
		.orderBy(asc(person.name));
}

async function assertMembers(db: Db, projectId: string, field: string, ids: string[]) {
	if (ids.length === 0) return;
	const rows = await db
		.select({ id: membership.personId })
		.from(membership)
		.where(and(eq(membership.projectId, projectId), inArray(membership.personId, ids)));
	const known = new Set(rows.map((row) => row.id));
	if (ids.some((id) => !known.has(id))) {
		throw new InvalidError('invalid', { [field]: [m.labs_not_a_member()] });
	}
}

/** The districts a lab form names, all of them known; a wrong id is the form's error. */
async function knownDistricts(db: Db, ids: string[]): Promise<{ id: string }[]> {
	const districts = ids.length
		? await db.select({ id: district.id }).from(district).where(inArray(district.id, ids))
		: [];
	if (districts.length !== ids.length) {
		throw new InvalidError('invalid', { 'districtIds[]': [m.labs_territory_unknown()] });
	}
	return districts;
}

/** The form's facilitator, participants and territories, checked against the project. */
async function checkedPeopleAndPlaces(db: Db, projectId: string, input: LabInput) {
	await assertMembers(db, projectId, 'facilitatorId', [input.facilitatorId]);
	await assertMembers(db, projectId, 'participantIds[]', input['participantIds[]']);
	return {
		districts: await knownDistricts(db, input['districtIds[]']),
		people: [...new Set(input['participantIds[]'])]
	};
}

async function writeMembersAndPlaces(
	tx: Db,
	labId: string,
	districts: { id: string }[],
	people: string[]
): Promise<void> {
	if (districts.length) {
		await tx.insert(labTerritory).values(districts.map((d) => ({ labId, districtId: d.id })));
	}
	if (people.length) {
		await tx.insert(labParticipant).values(people.map((personId) => ({ labId, personId })));
	}
}

/** Opens a lab; only those who run labs (coordinator, facilitator) may. */
export async function create({ db, actor }: Ctx, projectId: string, input: LabInput): Promise<Lab> {
	const { actor: signedIn } = await authorize(db, actor, 'lab.run', { projectId });
	const { districts, people } = await checkedPeopleAndPlaces(db, projectId, input);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(lab)
			.values({
				projectId,
				title: input.title,
				theme: input.theme,
				facilitatorId: input.facilitatorId
			})
			.returning();
		await writeMembersAndPlaces(tx, row.id, districts, people);
		return row;
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'lab.create',
		resourceType: 'lab',
		resourceId: created.id,
		projectId
	});
	return created;
}

/**
 * Changes a lab after it opened: title, theme, facilitator, territories and participants, all
 * at once (the form carries the whole lab). Those who run labs only. Someone taken off the
 * participants stops writing on the boards at their next request: the policy reads the list.
 */
export async function update(
	{ db, actor }: Ctx,
	projectId: string,
	labId: string,
	input: LabInput
): Promise<Lab> {
	const found = await findLab(db, projectId, labId);
	const { actor: signedIn } = await authorize(db, actor, 'lab.run', await labResource(db, found));
	const before = await participantIds(db, labId);
	const { districts, people } = await checkedPeopleAndPlaces(db, projectId, input);
	const updated = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(lab)
			.set({ title: input.title, theme: input.theme, facilitatorId: input.facilitatorId })
			.where(eq(lab.id, labId))
			.returning();
		await tx.delete(labTerritory).where(eq(labTerritory.labId, labId));
		await tx.delete(labParticipant).where(eq(labParticipant.labId, labId));
		await writeMembersAndPlaces(tx, labId, districts, people);
		return row;
	});
	await record(db, {
		actorId: signedIn.id,
		action: 'lab.update',
		resourceType: 'lab',
		resourceId: labId,
		projectId,
		// Ids only: who joined and who left, for the record.
		detail: {
			added: people.filter((id) => !before.includes(id)),
			removed: before.filter((id) => !people.includes(id))
		}
	});
	return updated;
}

/** What the edit form starts from: the lab's own ids. */
export async function formValues(db: Db, found: Lab) {
	const territories = await db
		.select({ id: labTerritory.districtId })
		.from(labTerritory)
		.where(eq(labTerritory.labId, found.id));
	return {
		title: found.title,
		theme: found.theme,
		facilitatorId: found.facilitatorId,
		'districtIds[]': territories.map((t) => t.id),
		'participantIds[]': await participantIds(db, found.id)
	};
}

export interface LabView {
	lab: Lab;
	facilitatorName: string;
	territories: string[];
	participants: { id: string; name: string }[];
	sessions: LabSession[];
	canRun: boolean;
	/** Participants and those who run labs write on the boards and read the attached cases. */
	canWrite: boolean;
}

export async function get({ db, actor }: Ctx, projectId: string, labId: string): Promise<LabView> {
	const found = await findLab(db, projectId, labId);
	const resource = await labResource(db, found);
	const grant = await authorize(db, actor, 'lab.read', resource);
	const [facilitator] = await db
		.select({ name: person.name })
		.from(person)
		.where(eq(person.id, found.facilitatorId));
	const territories = await db
		.select({ name: district.name })
		.from(labTerritory)
		.innerJoin(district, eq(district.id, labTerritory.districtId))
		.where(eq(labTerritory.labId, labId))
		.orderBy(asc(district.name));
	const participants = await db
		.select({ id: person.id, name: person.name })
		.from(labParticipant)
		.innerJoin(person, eq(person.id, labParticipant.personId))
		.where(eq(labParticipant.labId, labId))
		.orderBy(asc(person.name));
	const sessions = await db
		.select()
		.from(labSession)
		.where(eq(labSession.labId, labId))
		.orderBy(asc(labSession.startsAt));
	return {
		lab: found,
		facilitatorName: facilitator.name,
		territories: territories.map((t) => t.name),
		participants,
		sessions,
		canRun: decide(grant, 'lab.run', resource),
		canWrite: decide(grant, 'lab.write', resource)
	};
}
