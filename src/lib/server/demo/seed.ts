import type { Config } from '../config';
import type { Db } from '../db/client';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from './data/people';
import { appliedSteps, lockSeeding, markApplied } from './ledger';
import type { DemoStep, SeedContext } from './step';
import { seedOrganisations } from './steps/organisations';
import { seedTerritories } from './steps/territories';
import { seedPeople } from './steps/people';
import { seedProjects } from './steps/projects';
import { seedMemberships, seedPartnerships } from './steps/partnerships';
import { seedProposals } from './steps/proposals';
import { seedGovernance } from './steps/governance';
import { seedCases } from './steps/cases';
import { seedLabs } from './steps/labs';
import { seedMonitoring } from './steps/monitoring';
import { seedNetwork } from './steps/network';
import { seedPractices } from './steps/practices';
import { seedFollowUps } from './steps/follow-ups';
import { seedReferrals } from './steps/referrals';

export { DEMO_LOGINS } from './logins';

/**
 * The demo, in order. A later feature adds its own step with one line at the end (e.g.
 * `{ name: 'proposals', run: seedProposals }`); it then runs once on new and existing databases.
 * Never rename a step: the name is what marks it as applied.
 */
export const DEMO_STEPS: readonly DemoStep[] = [
	{ name: 'organisations', run: seedOrganisations },
	{ name: 'territories', run: seedTerritories },
	{ name: 'people', run: seedPeople },
	{ name: 'projects', run: seedProjects },
	{ name: 'partnerships', run: seedPartnerships },
	{ name: 'memberships', run: seedMemberships },
	{ name: 'proposals', run: seedProposals },
	{ name: 'governance', run: seedGovernance },
	{ name: 'cases', run: seedCases },
	{ name: 'labs', run: seedLabs },
	{ name: 'monitoring', run: seedMonitoring },
	{ name: 'network', run: seedNetwork },
	{ name: 'practices', run: seedPractices },
	{ name: 'follow-ups', run: seedFollowUps },
	{ name: 'referrals', run: seedReferrals }
];

/**
 * Seeds what is missing of the demo, in one transaction: all of a step or none of it. Steps
 * already applied are skipped, so a restart keeps whatever users changed in the demo data.
 */
export async function seedDemo(db: Db, steps: readonly DemoStep[] = DEMO_STEPS): Promise<string[]> {
	let hash: Promise<string> | undefined;
	// argon2 is slow on purpose: hash the shared password once, only if a step needs it.
	const seed: SeedContext = { passwordHash: () => (hash ??= hashPassword(DEMO_PASSWORD)) };
	return db.transaction(async (tx) => {
		await lockSeeding(tx);
		const done = await appliedSteps(tx);
		const applied: string[] = [];
		for (const step of steps) {
			if (done.has(step.name)) continue;
			await step.run(tx, seed);
			await markApplied(tx, step.name);
			applied.push(step.name);
		}
		return applied;
	});
}

export async function seedIfEnabled(db: Db, config: Config): Promise<void> {
	if (config.seedDemo) await seedDemo(db);
}
