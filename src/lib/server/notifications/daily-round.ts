import { romeToday } from '../../governance/rome-time';

/**
 * Runs `job` at most once per Rome day: the first round of the mail queue after midnight runs
 * it, the others of that day skip it. A restart runs it again that day, so the job must be
 * idempotent (the overdue notices are: each is told once, whatever the rounds).
 */
export function dailyRound<T>(job: (now: Date) => Promise<T>) {
	let lastDay: string | null = null;
	return async (now = new Date()): Promise<T | null> => {
		const today = romeToday(now);
		if (today === lastDay) return null;
		const result = await job(now);
		// Only a round that succeeded counts: a failure is tried again on the next round.
		lastDay = today;
		return result;
	};
}
