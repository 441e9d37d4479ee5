import { m } from '$lib/paraglide/messages';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** An error code is its i18n key with the `error_` prefix; unknown codes fall back to a generic text. */
export function errorMessage(code: string, inputs: Record<string, unknown> = {}): string {
	const messages = m as unknown as Record<string, MessageFn | undefined>;
	const message = messages[`error_${code}`] ?? messages.error_invalid!;
	return message(inputs);
}
