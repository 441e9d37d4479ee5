import { sessionRequest } from '$lib/auth/forms';
import { signInFromRequest, signOutFromRequest } from '$lib/server/auth/web-session';
import { InvalidError, UnauthorizedError } from '$lib/server/errors';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import { validate } from '$lib/server/http/validate';
import type { RequestHandler } from './$types';

/**
 * Sign-in for scripts and other clients: `POST { email, password }` → the person, with the
 * session cookie in Set-Cookie; `DELETE` signs out; `GET` says who the cookie belongs to.
 */
export const POST: RequestHandler = (event) =>
	runEndpoint(async () => {
		const body: unknown = await event.request.json().catch(() => {
			throw new InvalidError('invalid');
		});
		const { actor } = await signInFromRequest(event, validate(sessionRequest, body));
		return { person: { id: actor.id, name: actor.name, email: actor.email } };
	});

export const DELETE: RequestHandler = (event) =>
	runEndpoint(async () => {
		await signOutFromRequest(event);
		return new Response(null, { status: 204 });
	});

export const GET: RequestHandler = ({ locals }) =>
	runEndpoint(async () => {
		const actor = locals.actor;
		if (!actor) throw new UnauthorizedError();
		return { person: { id: actor.id, name: actor.name, email: actor.email } };
	});
