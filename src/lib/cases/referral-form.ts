import { z } from 'zod';

/** A referral to another organisation: where to, why, and whether the identity goes with it. */
export const referralForm = z.object({
	toOrganisationId: z.string().uuid(),
	reason: z.string().trim().min(1).max(2000),
	// A checkbox: present ("on") when ticked, absent otherwise.
	sharesIdentity: z.preprocess((value) => value === 'on' || value === 'true', z.boolean())
});
export type ReferralInput = z.infer<typeof referralForm>;

/** The receiver's answer: a reason is required to decline, so the sender learns why. */
export const referralDecisionForm = z.object({
	referralId: z.string().uuid(),
	reason: z.string().trim().max(2000).default('')
});
export type ReferralDecisionInput = z.infer<typeof referralDecisionForm>;

/** The sender takes a referral back: the reason is required, so the receiver's loss is explained. */
export const referralWithdrawForm = z.object({
	referralId: z.string().uuid(),
	reason: z.string().trim().min(1).max(2000)
});
export type ReferralWithdrawInput = z.infer<typeof referralWithdrawForm>;
