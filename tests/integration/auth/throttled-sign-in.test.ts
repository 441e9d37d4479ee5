import { describe, expect, it } from 'vitest';
import { signIn, type SignInDeps } from '../../../src/lib/server/auth/sign-in';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { LoginThrottle } from '../../../src/lib/server/auth/throttle';
import { TooManyRequestsError, UnauthorizedError } from '../../../src/lib/server/errors';
import { buildAccount, PASSWORD, startDatabaseRuntime } from './fixture';

const runtime = await startDatabaseRuntime();

/** The real argon2 verifier, counted: the bound is about hashes actually computed. */
function countedDeps(): SignInDeps & { verifications: () => number } {
	let calls = 0;
	return {
		db: runtime.db,
		throttle: new LoginThrottle(),
		verify: (hash, password) => {
			calls += 1;
			return verifyPassword(hash, password);
		},
		verifications: () => calls
	};
}

async function outcome(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (error instanceof TooManyRequestsError) return 'throttled';
		if (error instanceof UnauthorizedError) return 'wrong';
		throw error;
	}
}

describe('sign-in under attack', () => {
	it('1,000 wrong passwords from one address cost at most 15 hashes; the owner still signs in', async () => {
		const victim = await buildAccount(runtime);
		const deps = countedDeps();
		const results = await Promise.all(
			Array.from({ length: 1_000 }, (_, i) =>
				outcome(signIn(deps, { email: victim.email, password: `guess-${i}`, ip: '203.0.113.9' }))
			)
		);
		expect(deps.verifications()).toBeLessThanOrEqual(15);
		expect(results.filter((r) => r === 'wrong').length).toBe(deps.verifications());
		expect(results.filter((r) => r === 'throttled').length).toBeGreaterThanOrEqual(985);

		const owner = await signIn(deps, {
			email: victim.email,
			password: PASSWORD,
			ip: '198.51.100.4'
		});
		expect(owner.actor.id).toBe(victim.id);
	});

	it('1,000 wrong passwords from 1,000 addresses cost at most 15; a known browser still signs in', async () => {
		const victim = await buildAccount(runtime);
		const deps = countedDeps();
		const before = await signIn(deps, {
			email: victim.email,
			password: PASSWORD,
			ip: '198.51.100.4'
		});
		const deviceToken = before.device!.token;
		const spent = deps.verifications();

		for (let i = 0; i < 1_000; i++) {
			const ip = `10.${(i >> 8) & 255}.${i & 255}.1`;
			await outcome(signIn(deps, { email: victim.email, password: `guess-${i}`, ip }));
		}
		expect(deps.verifications() - spent).toBeLessThanOrEqual(15);

		// A brand-new browser must wait, but the owner's own browser is counted on its own.
		await expect(
			signIn(deps, { email: victim.email, password: PASSWORD, ip: '198.51.100.77' })
		).rejects.toBeInstanceOf(TooManyRequestsError);
		const owner = await signIn(deps, {
			email: victim.email,
			password: PASSWORD,
			ip: '10.0.0.1',
			deviceToken
		});
		expect(owner.actor.id).toBe(victim.id);
		expect(owner.device).toBeNull();
	});

	it('1,000 wrong passwords sprayed over many accounts from one address cost at most 15', async () => {
		const deps = countedDeps();
		for (let i = 0; i < 1_000; i++) {
			await outcome(
				signIn(deps, { email: `nobody-${i}@example.test`, password: 'x', ip: '203.0.113.50' })
			);
		}
		expect(deps.verifications()).toBeLessThanOrEqual(15);
	});

	it('refuses a throttled attempt before hashing even when the password is right', async () => {
		const victim = await buildAccount(runtime);
		const deps = countedDeps();
		for (let i = 0; i < 5; i++) {
			await outcome(signIn(deps, { email: victim.email, password: 'wrong', ip: '192.0.2.1' }));
		}
		const spent = deps.verifications();
		const refused = signIn(deps, { email: victim.email, password: PASSWORD, ip: '192.0.2.1' });
		await expect(refused).rejects.toMatchObject({ code: 'login_throttled', status: 429 });
		await expect(refused).rejects.toHaveProperty('retryAfterSeconds', 1);
		expect(deps.verifications()).toBe(spent);
	});

	it('answers the same for an unknown e-mail and a wrong password, and hashes for both', async () => {
		const someone = await buildAccount(runtime);
		const deps = countedDeps();
		await expect(
			signIn(deps, { email: 'ghost@example.test', password: 'x', ip: '192.0.2.2' })
		).rejects.toMatchObject({ code: 'login_failed', status: 401 });
		await expect(
			signIn(deps, { email: someone.email, password: 'x', ip: '192.0.2.3' })
		).rejects.toMatchObject({ code: 'login_failed', status: 401 });
		expect(deps.verifications()).toBe(2);
	});

	it('matches the e-mail whatever its case and surrounding spaces', async () => {
		const someone = await buildAccount(runtime, `Mixed.Case-${Date.now()}@Example.test`);
		const deps = countedDeps();
		const signed = await signIn(deps, {
			email: `  ${someone.email.toLowerCase()} `,
			password: PASSWORD,
			ip: '192.0.2.4'
		});
		expect(signed.actor.id).toBe(someone.id);
	});
});
