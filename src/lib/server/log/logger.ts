import pino from 'pino';

/**
 * One logger for both doors. Never log personal data: ids, not names or e-mails. Its level is
 * the configuration's `logLevel` (LOG_LEVEL, validated in config.ts), set when the runtime
 * starts; until then the default.
 */
export const logger = pino({ level: process.env.VITEST ? 'silent' : 'info', base: undefined });

export type Logger = typeof logger;
