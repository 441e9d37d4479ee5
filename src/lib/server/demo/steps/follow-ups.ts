import type { Db } from '../../db/client';
import { DEMO_FOLLOW_UP_CASES } from '../data/follow-ups';
import { insertDemoCase } from './cases';

/**
 * Demo step `follow-ups`: three pathways closed in 2025 with their six- and twelve-month
 * follow-ups, so the result indicators have something to show. A step of its own, so databases
 * seeded before it get them too.
 */
export async function seedFollowUps(db: Db): Promise<void> {
	for (const demo of DEMO_FOLLOW_UP_CASES) await insertDemoCase(db, demo);
}
