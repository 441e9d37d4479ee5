import { fail, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError, InvalidError, TooManyRequestsError } from '../errors';
import { logger } from '../log/logger';
import { errorMessage } from './error-message';
import { echoValues, formToObject } from './form-values';
import { validate } from './validate';

export interface ActionFailure {
	code: string;
	message: string;
	values: Record<string, unknown>;
	issues: Record<string, string[]>;
}

/**
 * The one way a form action runs: parse the form with its schema, call the domain, and turn a
 * DomainError into `fail(status, …)` carrying the user's input back, so nothing typed is lost.
 */
export async function runAction<S extends z.ZodType, R>(
	event: RequestEvent,
	schema: S,
	call: (input: z.infer<S>) => Promise<R>
) {
	let values: Record<string, unknown> = {};
	try {
		values = formToObject(await event.request.formData());
		return await call(validate(schema, values));
	} catch (error) {
		if (isRedirect(error) || isHttpError(error)) throw error;
		return fail(...failureOf(error, values));
	}
}

export function failureOf(
	error: unknown,
	values: Record<string, unknown>
): [number, ActionFailure] {
	if (error instanceof DomainError) {
		const issues = error instanceof InvalidError ? error.issues : {};
		const inputs =
			error instanceof TooManyRequestsError ? { seconds: error.retryAfterSeconds } : {};
		return [
			error.status,
			{
				code: error.code,
				message: errorMessage(error.code, inputs),
				values: echoValues(values),
				issues
			}
		];
	}
	const id = crypto.randomUUID();
	logger.error({ err: error, errorId: id }, 'form action failed');
	return [
		500,
		{
			code: 'unexpected',
			message: errorMessage('unexpected', { id }),
			values: echoValues(values),
			issues: {}
		}
	];
}
