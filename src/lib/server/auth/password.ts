import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * A hash of nothing anyone knows, with the same parameters: an unknown e-mail is checked against
 * it so that it costs the same time as a wrong password and does not reveal who has an account.
 */
export const TIMING_EQUALISER_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$0Ahlaq4nIy3/Rhx8vaHXng$CyMEL0GtST9f53CytSAlH7t6bvRwzcdjYxxnrjwdC4U';

export type PasswordVerifier = (passwordHash: string, password: string) => Promise<boolean>;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export const verifyPassword: PasswordVerifier = async (passwordHash, password) => {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false; // a malformed stored hash never signs anyone in
	}
};
