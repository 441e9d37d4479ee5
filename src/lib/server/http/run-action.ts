import { fail, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { errorAnswer } from './error-message';
import { echoValues, formToObject } from './form-values';
import type { Permission } from './url-resources';
import { validate } from './validate';

export interface ActionFailure {
	code: string;
	message: string;
	values: Record<string, unknown>;
	issues: Record<string, string[]>;
}

/**
 * The one way a form action runs: ask the policy for the resource of the URL first (so a caller
 * without the right gets 401/403/404 whatever it posts, as for a GET of the page), then parse the
 * form with its schema, call the domain, and turn a DomainError into `fail(status, …)` carrying
 * the user's input back, so nothing typed is lost.
 */
export async function runAction<S extends z.ZodType, R>(
	event: RequestEvent,
	permission: Permission,
	schema: S,
	call: (input: z.infer<S>) => Promise<R>
) {
	let values: Record<string, unknown> = {};
	try {
		await permission(event.locals.ctx);
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
	const { status, code, message, issues } = errorAnswer(error, 'form action failed');
	return [status, { code, message, values: echoValues(values), issues: issues ?? {} }];
}
