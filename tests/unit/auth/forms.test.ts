import { describe, expect, it } from 'vitest';
import {
	acceptAsNewPersonForm,
	inviteForm,
	loginForm,
	passwordChangeForm
} from '../../../src/lib/auth/forms';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('account form schemas', () => {
	it('rejects a malformed e-mail on the sign-in form', () => {
		const parsed = loginForm.safeParse({ email: 'not-an-email', password: 'x' });
		expect(parsed.success).toBe(false);
		expect(issuesOf(parsed)).toEqual(['email']);
	});

	it('trims the e-mail and requires a password', () => {
		expect(loginForm.parse({ email: ' a@b.it ', password: 'p' }).email).toBe('a@b.it');
		expect(issuesOf(loginForm.safeParse({ email: 'a@b.it', password: '' }))).toEqual(['password']);
	});

	it('wants new passwords of at least 10 characters, confirmed', () => {
		const short = passwordChangeForm.safeParse({
			currentPassword: 'old',
			newPassword: 'short',
			confirmPassword: 'short'
		});
		expect(issuesOf(short)).toEqual(['newPassword']);
		const mismatch = passwordChangeForm.safeParse({
			currentPassword: 'old',
			newPassword: 'long enough one',
			confirmPassword: 'long enough two'
		});
		expect(issuesOf(mismatch)).toEqual(['confirmPassword']);
		const newcomer = acceptAsNewPersonForm.safeParse({
			name: 'Anna',
			password: 'long enough one',
			confirmPassword: 'other'
		});
		expect(issuesOf(newcomer)).toEqual(['confirmPassword']);
	});

	it('accepts only known roles and an optional organisation', () => {
		expect(issuesOf(inviteForm.safeParse({ email: 'a@b.it', role: 'admin' }))).toEqual(['role']);
		expect(
			inviteForm.parse({ email: 'a@b.it', role: 'observer', organisationId: '' }).organisationId
		).toBeNull();
	});
});
