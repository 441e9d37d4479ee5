import { error, json, isHttpError, isRedirect } from '@sveltejs/kit';
import { DomainError } from '../errors';
import { errorAnswer, errorMessage } from './error-message';

/** JSON endpoints: the result as JSON, a DomainError as `{ code, message, issues }` with its status. */
export async function runEndpoint<R>(
	call: () => Promise<R>,
	init?: ResponseInit
): Promise<Response> {
	try {
		const result = await call();
		return result instanceof Response ? result : json(result, init);
	} catch (caught) {
		if (isRedirect(caught) || isHttpError(caught)) throw caught;
		const {
			status,
			code,
			message,
			issues,
			retryAfterSeconds: wait
		} = errorAnswer(caught, 'endpoint failed');
		// A throttled client is told how long to wait, in the text and in Retry-After.
		return json(
			{ code, message, issues },
			{ status, headers: wait === undefined ? undefined : { 'retry-after': String(wait) } }
		);
	}
}

/** Page loads: a DomainError becomes SvelteKit's `error(status, …)` with a translated message. */
export async function loadOrError<R>(call: () => Promise<R>): Promise<R> {
	try {
		return await call();
	} catch (caught) {
		if (isRedirect(caught) || isHttpError(caught)) throw caught;
		if (caught instanceof DomainError) {
			error(caught.status, { message: errorMessage(caught.code), code: caught.code });
		}
		throw caught;
	}
}
