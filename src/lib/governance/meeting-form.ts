import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Schedule a meeting: Rome wall-clock date and times; the agenda one item per line. */
export const meetingForm = z
	.object({
		title: z.string().trim().min(2).max(200),
		day: z.string().regex(DAY),
		startTime: z.string().regex(TIME),
		endTime: z.string().regex(TIME),
		place: z.string().trim().max(300).default(''),
		videoLink: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
		agenda: z
			.string()
			.max(5000)
			.transform((text) =>
				text
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			)
			.pipe(z.array(z.string().max(300)).min(1).max(30))
	})
	.refine((v) => v.endTime > v.startTime, {
		path: ['endTime'],
		error: () => m.gov_end_before_start()
	});

export type MeetingInput = z.infer<typeof meetingForm>;

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'delegated'] as const;

/**
 * Attendance arrives as `status.<personId>` and `delegate.<personId>` fields, one row per
 * member of the table; they are gathered into entries here.
 */
export const attendanceForm = z
	.record(z.string(), z.union([z.string(), z.array(z.string())]))
	.transform((fields) => {
		const entries: { personId: string; status: string; delegateId: string | null }[] = [];
		for (const [key, value] of Object.entries(fields)) {
			if (!key.startsWith('status.')) continue;
			const personId = key.slice('status.'.length);
			const delegate = fields[`delegate.${personId}`];
			entries.push({
				personId,
				status: String(value),
				delegateId: typeof delegate === 'string' && delegate ? delegate : null
			});
		}
		return { entries };
	})
	.pipe(
		z.object({
			entries: z.array(
				z.object({
					personId: z.uuid(),
					status: z.enum(ATTENDANCE_STATUSES),
					delegateId: z.uuid().nullable()
				})
			)
		})
	);

export type AttendanceInput = z.infer<typeof attendanceForm>;
