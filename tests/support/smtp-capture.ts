import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server (`smtp-server`) on a free port that keeps every message it receives,
 * parsed by `mailparser`, so tests read what a mail client would show.
 */
export interface TestSmtpServer {
	url: string;
	received: ParsedMail[];
	/** Resolves when `count` messages have arrived (or fails after `timeoutMs`). */
	waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
	stop(): Promise<void>;
}

/** The server alone, for any runner (Playwright too): the caller stops it. */
export async function listenSmtp(): Promise<TestSmtpServer> {
	const received: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		// Plain SMTP on loopback: no STARTTLS offer, so nodemailer does not try a self-signed cert.
		hideSTARTTLS: true,
		disableReverseLookup: true,
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					received.push(parsed);
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		async waitFor(count, timeoutMs = 5000) {
			const until = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > until) {
					throw new Error(`expected ${count} mails, received ${received.length}`);
				}
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			return received;
		},
		stop
	};
}
