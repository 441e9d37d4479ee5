import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { MAIL_MODES, NOTIFICATION_KINDS } from './kinds';

/** Form schemas of the notifications page and the preferences form. */
export const markReadForm = z.object({ notificationId: z.uuid() });
export const markAllReadForm = z.object({});

const mode = z.enum(MAIL_MODES, { error: () => m.notify_preferences_mode_invalid() });
/** One radio group per kind, named after the kind; a kind left out keeps "immediate". */
export const preferencesForm = z.object(
	Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, mode.default('immediate')])) as Record<
		(typeof NOTIFICATION_KINDS)[number],
		z.ZodDefault<typeof mode>
	>
);
