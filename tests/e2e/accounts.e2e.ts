import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { runBuiltServer, waitForOutput, type Started } from '../support/process';
import { listenSmtp, type TestSmtpServer } from '../support/smtp-capture';
import { listenOidcProvider, type TestOidcProvider } from '../support/oidc-gateway';
import { copyPgliteTemplate } from '../support/template-folder';
import { demoPerson } from './support/demo-people';
import { signIn } from './support/session';
import { checkWidths, DESKTOP } from './support/widths';

/**
 * Accounts, as people meet them (issue 13): "forgot password" from the login page to the mail's
 * link, the administrator making someone an administrator and taking it back, and a deactivated
 * account signing in through SPID/CIE. On a server of its own, with a real SMTP server (the mail
 * is read as it arrived) and a real OpenID provider standing in for the body's gateway; with
 * axe on every page, at desktop and phone widths. Each task is walked once, at desktop width,
 * and each page it checks is laid out again at the phone widths (support/widths.ts).
 */
const PORT = Number(process.env.E2E_ACCOUNTS_PORT ?? 4192);
const BASE = `http://127.0.0.1:${PORT}`;

let dataDir: string;
let server: Started;
let smtp: TestSmtpServer;
let gateway: TestOidcProvider;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
	test.setTimeout(240_000);
	smtp = await listenSmtp();
	gateway = await listenOidcProvider({ redirectUri: `${BASE}/login/oidc/callback` });
	dataDir = mkdtempSync(join(tmpdir(), 'tavolo-accounts-'));
	// From the migrated template when the integration tests built one: the server only seeds.
	copyPgliteTemplate(dataDir);
	server = runBuiltServer({
		DATA_DIR: dataDir,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		SEED_DEMO: 'true',
		SMTP_URL: smtp.url,
		OIDC_ISSUER: gateway.issuer,
		OIDC_CLIENT_ID: gateway.clientId,
		OIDC_CLIENT_SECRET: gateway.clientSecret,
		OIDC_LABEL: 'SPID / CIE'
	});
	await waitForOutput(server, /Tavolo is running/, 200_000);
});

test.afterAll(async () => {
	server?.child.kill('SIGTERM');
	await server?.exited;
	await smtp?.stop();
	await gateway?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const PHONES = [390, 320];

/** The link to `path` in the latest mail to `email`, once it arrived. */
async function linkMailedTo(email: string, path: string, after: number): Promise<string> {
	let link = '';
	await expect
		.poll(
			() => {
				const mail = smtp.received
					.slice(after)
					.find((m) => m.to && 'text' in m.to && m.to.text === email);
				link = (mail?.text ?? '').match(new RegExp(`https?://\\S+${path}\\S+`))?.[0] ?? '';
				return link;
			},
			{ message: `a mail to ${email} with ${path}`, timeout: 20_000 }
		)
		.not.toBe('');
	return link;
}

async function sessionStatus(page: Page): Promise<number> {
	return (await page.request.get('/api/session')).status();
}

test('"forgot password" from the login page to a new password, at 1280, 390 and 320 px', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: DESKTOP, height: 900 });
	const person = demoPerson('observer');
	const fresh = 'una password nuova';
	const widths = [DESKTOP, ...PHONES];

	await page.goto('/login');
	const forgot = page.getByRole('link', { name: 'Password dimenticata?' });
	await checkWidths(page, PHONES, { controls: [forgot], axe: false });
	await forgot.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Password dimenticata' })).toBeVisible();
	const field = page.getByLabel('E-mail');
	const send = page.getByRole('button', { name: 'Invia il link' });
	await checkWidths(page, widths, { controls: [field, send] });

	// A wrong address is said next to the field; a right one gets the one answer for all.
	await field.fill('non-un-indirizzo');
	await send.click();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	const before = smtp.received.length;
	await field.fill(person.email);
	await send.click();
	await expect(page.getByRole('status')).toContainText(
		`Se ${person.email} è l'indirizzo di un account attivo`
	);
	await checkWidths(page, widths);

	const link = await linkMailedTo(person.email, '/reset/', before);
	await page.goto(link);
	await expect(page.getByText(`Scegli la nuova password per ${person.email}`)).toBeVisible();
	const password = page.locator('input[name="password"]');
	const confirm = page.locator('input[name="confirmPassword"]');
	const save = page.getByRole('button', { name: 'Salva la nuova password' });
	await checkWidths(page, widths, { controls: [password, confirm, save] });
	await password.fill(fresh);
	await confirm.fill(fresh);
	await save.click();
	await expect(page).toHaveURL(/\/login\?reset=done$/);
	await expect(page.getByText('Password cambiata')).toBeVisible();

	// The link is spent: opened again it says so, and offers to ask for another.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('è già stato usato');
	const again = page.getByRole('link', { name: 'Password dimenticata?' });
	await expect(again).toBeVisible();
	await checkWidths(page, widths, { controls: [again] });

	await page.goto('/login');
	const email = page.locator('input[name="email"]');
	const secret = page.locator('input[name="password"]');
	const enter = page.locator('main form button[type="submit"]');
	await checkWidths(page, PHONES, { controls: [email, secret, enter], axe: false });
	await email.fill(person.email);
	await secret.fill(fresh);
	await enter.click();
	await expect(page).toHaveURL(/\/projects$/);
});

test('an unknown address reads the same answer, and no mail leaves', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 900 });
	const before = smtp.received.length;
	await page.goto('/login/forgot');
	await page.getByLabel('E-mail').fill('nessuno.qui@example.test');
	await page.getByRole('button', { name: 'Invia il link' }).click();
	await expect(page.getByRole('status')).toContainText(
		"Se nessuno.qui@example.test è l'indirizzo di un account attivo"
	);
	// Reset mails are queued in the order they were asked for, and each round sends the oldest
	// first (reset-mail-queue.ts): once a mail asked for afterwards has arrived, one for the
	// unknown address would have been sent before it. (A clock would only guess how long to wait.)
	const known = demoPerson('facilitator');
	await page.goto('/login/forgot');
	await page.getByLabel('E-mail').fill(known.email);
	await page.getByRole('button', { name: 'Invia il link' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Se ${known.email} è l'indirizzo di un account attivo`
	);
	await linkMailedTo(known.email, '/reset/', before);
	expect(smtp.received.length).toBe(before + 1);
});

test('the admin makes someone an administrator and takes it back, at 1280 and 390 px', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.setViewportSize({ width: DESKTOP, height: 900 });
	const someone = demoPerson('caseOperator');
	const admin = demoPerson('admin');
	const widths = [DESKTOP, 390];
	await signIn(page, 'admin');
	await page.goto('/admin/accounts');
	const make = page.getByRole('button', { name: `Rendi ${someone.name} amministratore` });
	await checkWidths(page, widths, { controls: [make] });
	// No button takes one's own right away.
	await expect(
		page.getByRole('button', { name: `Togli a ${admin.name} il ruolo di amministratore` })
	).toHaveCount(0);

	await make.click();
	await expect(page.getByRole('status')).toContainText(
		`${someone.name} è ora amministratore di Tavolo.`
	);
	const takeBack = page.getByRole('button', {
		name: `Togli a ${someone.name} il ruolo di amministratore`
	});
	await checkWidths(page, widths, { controls: [takeBack] });
	const other = await page.context().browser()!.newContext({ baseURL: BASE });
	const theirs = await other.newPage();
	await signIn(theirs, 'caseOperator');
	expect((await theirs.goto('/admin'))?.status()).toBe(200);

	await takeBack.click();
	await expect(page.getByRole('status')).toContainText(
		`${someone.name} non è più amministratore di Tavolo.`
	);
	await checkWidths(page, widths);
	expect((await theirs.goto('/admin'))?.status()).toBe(403);
	await other.close();
});

/** A browser of its own that signs in through the gateway as `identity`. */
async function throughTheGateway(browser: Browser, identity: Record<string, unknown>) {
	const context = await browser.newContext({ baseURL: BASE });
	const page = await context.newPage();
	gateway.nextIdentity = identity;
	await page.goto('/login');
	await page.getByRole('link', { name: 'Entra con SPID / CIE' }).click();
	return page;
}

test('a deactivated account signing in with SPID/CIE reads why, and no session is made', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const FISCAL_CODE = 'GLLPLA85M01F205K';
	const email = 'paola.galli.spid@example.test';
	const identity = { sub: 'spid-paola', fiscal_number: `TINIT-${FISCAL_CODE}` };

	// The admin invites Paola with her codice fiscale; she creates her account from the mail.
	await signIn(page, 'admin');
	await page.goto('/admin/accounts');
	const before = smtp.received.length;
	await page.locator('input[name="email"]').fill(email);
	await page.locator('select[name="projectId"]').selectOption({ index: 1 });
	await page.locator('select[name="role"]').selectOption('observer');
	await page.locator('input[name="fiscalCode"]').fill(FISCAL_CODE);
	await page.getByRole('button', { name: "Crea l'invito" }).click();
	const invite = await linkMailedTo(email, '/invite/', before);
	const paolaContext = await browser.newContext({ baseURL: BASE });
	const paola = await paolaContext.newPage();
	await paola.goto(invite);
	await paola.locator('input[name="name"]').fill('Paola Galli');
	await paola.locator('input[name="password"]').fill('la password di paola');
	await paola.locator('input[name="confirmPassword"]').fill('la password di paola');
	await paola.getByRole('button', { name: "Crea l'account e accetta" }).click();
	await expect(paola).not.toHaveURL(/\/invite\//);
	await paolaContext.close();

	// While active, SPID/CIE signs her in: the gateway and the link work.
	const active = await throughTheGateway(browser, identity);
	await expect(active).toHaveURL(/\/projects$/);
	expect(await sessionStatus(active)).toBe(200);
	await active.context().close();

	await page.goto('/admin/accounts');
	await page.getByRole('button', { name: "Disattiva l'account di Paola Galli" }).click();
	await expect(page.getByRole('status')).toContainText("L'account di Paola Galli è disattivato");

	const refused = await throughTheGateway(browser, identity);
	await expect(refused).toHaveURL(/\/login\?oidc=account_deactivated$/);
	await expect(refused.getByText('Questo account è stato disattivato')).toBeVisible();
	await checkWidths(refused, [DESKTOP, 390]);
	const cookies = await refused.context().cookies();
	expect(cookies.map((c) => c.name)).not.toContain('tavolo_session');
	expect(await sessionStatus(refused)).toBe(401);
	await refused.context().close();
});
