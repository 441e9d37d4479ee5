import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { PROJECT_ROLES } from './roles';
import { isValidFiscalCode, normaliseFiscalCode } from '$lib/cases/fiscal-code';

/** Form schemas of accounts and memberships: the actions parse with them, pages show their errors. */
export const PASSWORD_MIN_LENGTH = 10;

// Trim first: a pasted address often carries a space, and the format check must not see it.
const email = z
	.string()
	.trim()
	.pipe(z.email({ error: () => m.auth_email_invalid() }).max(254));

const newPassword = z
	.string()
	.min(PASSWORD_MIN_LENGTH, {
		error: () => m.auth_password_too_short({ min: PASSWORD_MIN_LENGTH })
	})
	.max(256, { error: () => m.auth_password_too_long() });

const mustMatch = <T extends { password?: string; newPassword?: string; confirmPassword: string }>(
	form: T
) => (form.newPassword ?? form.password) === form.confirmPassword;
const mismatch = { error: () => m.auth_password_mismatch(), path: ['confirmPassword'] };

export const loginForm = z.object({
	email,
	password: z
		.string()
		.min(1, { error: () => m.auth_password_required() })
		.max(256),
	redirectTo: z.string().optional()
});

export const sessionRequest = loginForm.omit({ redirectTo: true });

export const passwordChangeForm = z
	.object({
		currentPassword: z
			.string()
			.min(1, { error: () => m.auth_password_required() })
			.max(256),
		newPassword,
		confirmPassword: z.string()
	})
	.refine(mustMatch, mismatch);

export const acceptAsNewPersonForm = z
	.object({
		name: z
			.string()
			.trim()
			.min(2, { error: () => m.auth_name_required() })
			.max(120),
		password: newPassword,
		confirmPassword: z.string()
	})
	.refine(mustMatch, mismatch);

const role = z.enum(PROJECT_ROLES, { error: () => m.members_role_invalid() });
const optionalId = z
	.union([z.uuid(), z.literal('')])
	.transform((value) => (value === '' ? null : value));

/** Optional codice fiscale: lets the invited person sign in with SPID/CIE later (ADR 0150). */
const optionalFiscalCode = z
	.string()
	.transform(normaliseFiscalCode)
	.refine((code) => code === '' || isValidFiscalCode(code), {
		error: () => m.cases_fiscal_code_invalid()
	})
	.transform((code) => (code === '' ? null : code));

export const inviteForm = z.object({
	email,
	role,
	organisationId: optionalId.optional(),
	fiscalCode: optionalFiscalCode.optional()
});
export const changeRoleForm = z.object({ membershipId: z.uuid(), role });
export const removeMemberForm = z.object({ membershipId: z.uuid() });
export const revokeInvitationForm = z.object({ invitationId: z.uuid() });

/** A new password from a reset link an administrator sent (issue 13). */
/** "Forgot password": only the address; the answer is the same whether it has an account. */
export const forgotPasswordForm = z.object({ email });

export const passwordResetForm = z
	.object({ password: newPassword, confirmPassword: z.string() })
	.refine(mustMatch, mismatch);

/** The administrator's invitation: the members page's form, for a project chosen in the form. */
export const accountInviteForm = inviteForm.extend({ projectId: z.uuid() });
export const accountForm = z.object({ personId: z.uuid() });
