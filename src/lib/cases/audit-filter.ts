import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { CASE_AUDIT_ACTIONS } from './audit-actions';
import { romeToUtc } from '../governance/rome-time';

const optionalDay = z
	.union([z.iso.date(), z.literal('')])
	.optional()
	.transform((value) => value || null);

/**
 * A pseudonym as people type it: case and spaces do not matter, the dash may be left out
 * ("k7m3qx" finds K7M-3QX). Only the pseudonym's alphabet is kept, so nothing else reaches SQL.
 */
export function normalisePseudonym(raw: string): string {
	const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
	return compact.length > 3 ? `${compact.slice(0, 3)}-${compact.slice(3, 6)}` : compact;
}

/** The audit viewer's filters, from the query string: a filtered view can be bookmarked. */
export const auditFilter = z
	.object({
		actorId: z
			.union([z.uuid(), z.literal('')])
			.optional()
			.transform((value) => value || null),
		action: z
			.union([z.enum(CASE_AUDIT_ACTIONS), z.literal('')])
			.optional()
			.transform((value) => value || null),
		from: optionalDay,
		to: optionalDay,
		pseudonym: z.string().trim().max(20).default('').transform(normalisePseudonym)
	})
	.refine((f) => !f.from || !f.to || f.from <= f.to, {
		path: ['to'],
		error: () => m.cases_audit_range_invalid()
	});

export type AuditFilter = z.infer<typeof auditFilter>;

/**
 * The filter's days as instants: from Rome's midnight opening `from` to the midnight closing
 * `to` (exclusive), so a day filter means the day as the coordinator lives it.
 */
export function auditRange(filter: Pick<AuditFilter, 'from' | 'to'>): {
	since: Date | null;
	until: Date | null;
} {
	return {
		since: filter.from ? romeToUtc(filter.from, '00:00') : null,
		until: filter.to ? romeToUtc(nextDay(filter.to), '00:00') : null
	};
}

function nextDay(day: string): string {
	const [y, mo, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}

/** The filter back as query parameters (empty ones left out), for paging links and the CSV. */
export function auditQuery(filter: AuditFilter): URLSearchParams {
	return new URLSearchParams(
		Object.entries(filter).flatMap(([key, value]) => (value ? [[key, String(value)]] : []))
	);
}
