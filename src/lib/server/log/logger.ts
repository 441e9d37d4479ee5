import pino from 'pino';

/** One logger for both doors. Never log personal data: ids, not names or e-mails. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
	base: undefined
});

export type Logger = typeof logger;
