/** Who is in a live document, from the awareness states every client publishes. */
export interface LiveUser {
	/** The person's id: one entry per person even with two tabs open. */
	id: string;
	name: string;
	/** Named `color` in awareness because TipTap's caret extension reads that field. */
	color: string;
}

export interface PresentUser extends LiveUser {
	isSelf: boolean;
}

function isLiveUser(value: unknown): value is LiveUser {
	const user = value as Partial<LiveUser> | null;
	return (
		typeof user === 'object' &&
		user !== null &&
		typeof user.id === 'string' &&
		typeof user.name === 'string' &&
		typeof user.color === 'string'
	);
}

/**
 * Awareness states → the people present, the local person first, then by name. States from
 * other clients are untrusted input: anything malformed is skipped.
 */
export function presentUsers(
	states: Map<number, Record<string, unknown>>,
	selfClientId: number
): PresentUser[] {
	const self = states.get(selfClientId)?.user;
	const selfId = isLiveUser(self) ? self.id : null;
	const byPerson = new Map<string, PresentUser>();
	for (const state of states.values()) {
		const user = state.user;
		if (!isLiveUser(user) || byPerson.has(user.id)) continue;
		byPerson.set(user.id, {
			id: user.id,
			name: user.name.slice(0, 120),
			color: user.color,
			isSelf: user.id === selfId
		});
	}
	return [...byPerson.values()].sort(
		(a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name)
	);
}
