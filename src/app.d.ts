import type { Actor } from '$lib/server/access/policy';
import type { Ctx } from '$lib/server/context';
import type { Runtime } from '$lib/server/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			id?: string;
		}
		interface Locals {
			/** The process: configuration for the layout. Domain calls take `ctx`, never this. */
			runtime: Runtime;
			actor: Actor | null;
			sessionId: string | null;
			ctx: Ctx;
		}
	}
}

export {};
