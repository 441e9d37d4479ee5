import { m } from '$lib/paraglide/messages';

import {
	MAIL_MODES,
	NOTIFICATION_KINDS,
	type MailModeName,
	type NotificationKindName
} from './kind-names';

export { MAIL_MODES, NOTIFICATION_KINDS };
export type { MailModeName, NotificationKindName } from './kind-names';

type Message = (inputs?: Record<string, never>, options?: { locale?: 'it' | 'en' }) => string;

/** The kind's name, as the preferences form, the list and the digest mail show it. */
export function kindLabel(kind: NotificationKindName, locale?: 'it' | 'en'): string {
	const labels: Record<NotificationKindName, Message> = {
		mention: m.notify_kind_label_mention,
		section_assigned: m.notify_kind_label_section_assigned,
		comment_on_text: m.notify_kind_label_comment_on_text,
		suggestion_decided: m.notify_kind_label_suggestion_decided,
		meeting_called: m.notify_kind_label_meeting_called,
		minutes_circulated: m.notify_kind_label_minutes_circulated,
		decision_assigned: m.notify_kind_label_decision_assigned,
		action_item_assigned: m.notify_kind_label_action_item_assigned,
		action_item_overdue: m.notify_kind_label_action_item_overdue,
		decision_overdue: m.notify_kind_label_decision_overdue,
		referral: m.notify_kind_label_referral,
		accessibility_feedback: m.notify_kind_label_accessibility_feedback
	};
	return labels[kind]({}, locale ? { locale } : undefined);
}

export function modeLabel(mode: MailModeName): string {
	const labels: Record<MailModeName, Message> = {
		immediate: m.notify_mode_immediate,
		daily: m.notify_mode_daily,
		weekly: m.notify_mode_weekly,
		never: m.notify_mode_never
	};
	return labels[mode]();
}
