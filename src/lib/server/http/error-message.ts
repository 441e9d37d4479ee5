import { m } from '$lib/paraglide/messages';
import { DomainError, InvalidError, TooManyRequestsError } from '../errors';
import { logger } from '../log/logger';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** An error code is its i18n key with the `error_` prefix; unknown codes fall back to a generic text. */
export function errorMessage(code: string, inputs: Record<string, unknown> = {}): string {
	const messages = m as unknown as Record<string, MessageFn | undefined>;
	const message = messages[`error_${code}`] ?? messages.error_invalid!;
	return message(inputs);
}

/** What a user is told about a failed request, whichever door it came through. */
export interface ErrorAnswer {
	status: number;
	code: string;
	message: string;
	issues?: Record<string, string[]>;
	/** A throttled client is told how long to wait. */
	retryAfterSeconds?: number;
}

/**
 * The one mapping of errors to answers (form actions and JSON endpoints): a DomainError keeps
 * its status and code with a translated text; anything else is logged with an id and becomes
 * a 500 that shows only that id.
 */
export function errorAnswer(error: unknown, failed: string): ErrorAnswer {
	if (error instanceof DomainError) {
		const retryAfterSeconds =
			error instanceof TooManyRequestsError ? error.retryAfterSeconds : undefined;
		return {
			status: error.status,
			code: error.code,
			message: errorMessage(
				error.code,
				retryAfterSeconds === undefined ? {} : { seconds: retryAfterSeconds }
			),
			issues: error instanceof InvalidError ? error.issues : undefined,
			retryAfterSeconds
		};
	}
	const id = crypto.randomUUID();
	logger.error({ err: error, errorId: id }, failed);
	return { status: 500, code: 'unexpected', message: errorMessage('unexpected', { id }) };
}
