/** Fields never echoed back to the page after a failed submission. */
const SECRET_FIELDS = /password|token/i;

/** FormData → plain object; repeated names become arrays (checkbox groups, multi-selects). */
export function formToObject(data: FormData): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((value): value is string => typeof value === 'string');
		result[key] = all.length > 1 || key.endsWith('[]') ? all : (all[0] ?? '');
	}
	return result;
}

/** What the user typed, minus secrets, so a failed form comes back filled in. */
export function echoValues(values: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}
