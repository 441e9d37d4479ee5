import { error, json, isHttpError, isRedirect } from '@sveltejs/kit';
import { DomainError, InvalidError, TooManyRequestsError } from '../errors';
import { logger } from '../log/logger';
import { errorMessage } from './error-message';

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
		if (caught instanceof DomainError) {
			const issues = caught instanceof InvalidError ? caught.issues : undefined;
			// A throttled client is told how long to wait, in the text and in Retry-After.
			const wait = caught instanceof TooManyRequestsError ? caught.retryAfterSeconds : undefined;
			return json(
				{ code: caught.code, message: errorMessage(caught.code, { seconds: wait }), issues },
				{
					status: caught.status,
					headers: wait === undefined ? undefined : { 'retry-after': String(wait) }
				}
			);
		}
		const id = crypto.randomUUID();
		logger.error({ err: caught, errorId: id }, 'endpoint failed');
		return json(
			{ code: 'unexpected', message: errorMessage('unexpected', { id }) },
			{ status: 500 }
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
