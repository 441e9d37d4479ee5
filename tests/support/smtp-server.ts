import { afterAll } from 'vitest';
import { listenSmtp, type TestSmtpServer } from './smtp-capture';

export type { TestSmtpServer };

/** A real SMTP server for a Vitest file (smtp-capture.ts), stopped after the file's tests. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
	const server = await listenSmtp();
	afterAll(() => server.stop());
	return server;
}
