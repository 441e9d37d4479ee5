/**
 * The notification kinds and mail modes: one list for the database enums and the forms (no
 * messages here, so the schema can import it).
 */
/** The kinds of notification, in the order the preferences form lists them (the DB enum is built from it). */
export const NOTIFICATION_KINDS = [
	'mention',
	'section_assigned',
	'comment_on_text',
	'suggestion_decided',
	'meeting_called',
	'minutes_circulated',
	'decision_assigned',
	'action_item_assigned',
	'action_item_overdue',
	'decision_overdue',
	'referral',
	'accessibility_feedback'
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** How mail about a kind is sent; "never" means in the app only. */
export const MAIL_MODES = ['immediate', 'daily', 'weekly', 'never'] as const;
export type MailModeName = (typeof MAIL_MODES)[number];
