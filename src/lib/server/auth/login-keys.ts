import type { ThrottleKey, ThrottleRule } from './throttle';

const SECOND = 1000;
const FIFTEEN_MINUTES = 15 * 60 * SECOND;

/**
 * The counters a sign-in attempt belongs to, and how many failures each tolerates before it
 * starts doubling a wait (1 s, 2 s, 4 s … up to 15 min). The numbers bound a burst of wrong
 * passwords: 5 hashes for one account from one address, 10 for one account from anywhere,
 * 15 from one address across accounts.
 */
export const LOGIN_RULES = {
	/** A browser that signed in as this person before: its own budget, untouched by attackers. */
	device: { free: 5, baseMs: SECOND, maxMs: FIFTEEN_MINUTES },
	accountFromAddress: { free: 5, baseMs: SECOND, maxMs: FIFTEEN_MINUTES },
	account: { free: 10, baseMs: SECOND, maxMs: FIFTEEN_MINUTES },
	address: { free: 15, baseMs: SECOND, maxMs: FIFTEEN_MINUTES }
} satisfies Record<string, ThrottleRule>;

export interface LoginKeys {
	keys: ThrottleKey[];
	/** Counters that start over after a correct password (the others only get the attempt back). */
	resetOnSuccess: string[];
}

/**
 * Whom an address stands for: an IPv6 client usually holds a whole /64, so counting single
 * addresses would let it rotate through them.
 */
export function addressBucket(ip: string): string {
	const address = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
	if (!address.includes(':')) return address;
	const [head, tail = ''] = address.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = [
		...left,
		...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
		...right
	];
	return `${groups.slice(0, 4).join(':')}::/64`;
}

export function loginKeys(email: string, ip: string, trustedDeviceId: string | null): LoginKeys {
	if (trustedDeviceId) {
		const key = `device:${trustedDeviceId}`;
		return { keys: [{ key, rule: LOGIN_RULES.device }], resetOnSuccess: [key] };
	}
	const address = addressBucket(ip);
	const accountFromAddress = `account-address:${email}|${address}`;
	return {
		keys: [
			{ key: accountFromAddress, rule: LOGIN_RULES.accountFromAddress },
			{ key: `account:${email}`, rule: LOGIN_RULES.account },
			{ key: `address:${address}`, rule: LOGIN_RULES.address }
		],
		resetOnSuccess: [accountFromAddress]
	};
}

const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * "Forgot password" requests (ADR 0204), on the login throttle with counters of their own: every
 * request counts (none is given back), whether or not the address has an account, so the answer
 * and the wait say nothing about it. A few mails to one address, then a wait from a minute
 * doubling to an hour; one address across many e-mails is bounded too.
 */
export const RESET_REQUEST_RULES = {
	accountFromAddress: { free: 3, baseMs: MINUTE, maxMs: HOUR },
	account: { free: 5, baseMs: MINUTE, maxMs: HOUR },
	address: { free: 20, baseMs: MINUTE, maxMs: HOUR }
} satisfies Record<string, ThrottleRule>;

export function resetRequestKeys(email: string, ip: string): ThrottleKey[] {
	const address = addressBucket(ip);
	return [
		{
			key: `reset:account-address:${email}|${address}`,
			rule: RESET_REQUEST_RULES.accountFromAddress
		},
		{ key: `reset:account:${email}`, rule: RESET_REQUEST_RULES.account },
		{ key: `reset:address:${address}`, rule: RESET_REQUEST_RULES.address }
	];
}
