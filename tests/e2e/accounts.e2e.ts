import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { runBuiltServer, waitForOutput, type Started } from '../support/process';
import { listenSmtp, type TestSmtpServer } from '../support/smtp-capture';
import { listenOidcProvider, type TestOidcProvider } from '../support/oidc-gateway';
import { expectNoSeriousA11yViolations } from './support/axe';
import { demoPerson, type DemoPersonKey } from './support/demo-people';
import { signIn } from './support/session';

/**
 * Accounts, as people meet them (issue 13): "forgot password" from the login page to the mail's
 * link, the administrator making someone an administrator and taking it back, and a deactivated
 * account signing in through SPID/CIE. On a server of its own, with a real SMTP server (the mail
 * is read as it arrived) and a real OpenID provider standing in for the body's gateway; at
 * desktop and phone widths, with axe on every page.
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

async function checkPage(page: Page): Promise<void> {
	await expectNoSeriousA11yViolations(page);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow, `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

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

const FORGETFUL: Record<number, DemoPersonKey> = {
	1280: 'observer',
	390: 'steeringSole',
	320: 'editorAi'
};

for (const width of [1280, 390, 320]) {
	test(`"forgot password" from the login page to a new password at ${width} px`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await page.setViewportSize({ width, height: 900 });
		const person = demoPerson(FORGETFUL[width]);
		const fresh = `una password nuova ${width}`;

		await page.goto('/login');
		await page.getByRole('link', { name: 'Password dimenticata?' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Password dimenticata' })
		).toBeVisible();
		await checkPage(page);

		// A wrong address is said next to the field; a right one gets the one answer for all.
		await page.getByLabel('E-mail').fill('non-un-indirizzo');
		await page.getByRole('button', { name: 'Invia il link' }).click();
		await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
		const before = smtp.received.length;
		await page.getByLabel('E-mail').fill(person.email);
		await page.getByRole('button', { name: 'Invia il link' }).click();
		await expect(page.getByRole('status')).toContainText(
			`Se ${person.email} è l'indirizzo di un account attivo`
		);
		await checkPage(page);

		const link = await linkMailedTo(person.email, '/reset/', before);
		await page.goto(link);
		await expect(page.getByText(`Scegli la nuova password per ${person.email}`)).toBeVisible();
		await checkPage(page);
		await page.locator('input[name="password"]').fill(fresh);
		await page.locator('input[name="confirmPassword"]').fill(fresh);
		await page.getByRole('button', { name: 'Salva la nuova password' }).click();
		await expect(page).toHaveURL(/\/login\?reset=done$/);
		await expect(page.getByText('Password cambiata')).toBeVisible();

		// The link is spent: opened again it says so, and offers to ask for another.
		await page.goto(link);
		await expect(page.getByRole('alert')).toContainText('è già stato usato');
		await expect(page.getByRole('link', { name: 'Password dimenticata?' })).toBeVisible();
		await checkPage(page);

		await page.goto('/login');
		await page.locator('input[name="email"]').fill(person.email);
		await page.locator('input[name="password"]').fill(fresh);
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/projects$/);
	});
}

test('an unknown address reads the same answer, and no mail leaves', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 900 });
	const before = smtp.received.length;
	await page.goto('/login/forgot');
	await page.getByLabel('E-mail').fill('nessuno.qui@example.test');
	await page.getByRole('button', { name: 'Invia il link' }).click();
	await expect(page.getByRole('status')).toContainText(
		"Se nessuno.qui@example.test è l'indirizzo di un account attivo"
	);
	await page.waitForTimeout(1500);
	expect(smtp.received.length).toBe(before);
});

for (const width of [1280, 390]) {
	test(`the admin makes someone an administrator and takes it back at ${width} px`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		await page.setViewportSize({ width, height: 900 });
		const someone = demoPerson('caseOperator');
		const admin = demoPerson('admin');
		await signIn(page, 'admin');
		await page.goto('/admin/accounts');
		await checkPage(page);
		// No button takes one's own right away.
		await expect(
			page.getByRole('button', { name: `Togli a ${admin.name} il ruolo di amministratore` })
		).toHaveCount(0);

		await page.getByRole('button', { name: `Rendi ${someone.name} amministratore` }).click();
		await expect(page.getByRole('status')).toContainText(
			`${someone.name} è ora amministratore di Tavolo.`
		);
		await checkPage(page);
		const other = await page.context().browser()!.newContext({ baseURL: BASE });
		const theirs = await other.newPage();
		await signIn(theirs, 'caseOperator');
		expect((await theirs.goto('/admin'))?.status()).toBe(200);

		await page
			.getByRole('button', { name: `Togli a ${someone.name} il ruolo di amministratore` })
			.click();
		await expect(page.getByRole('status')).toContainText(
			`${someone.name} non è più amministratore di Tavolo.`
		);
		await checkPage(page);
		expect((await theirs.goto('/admin'))?.status()).toBe(403);
		await other.close();
	});
}

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

	for (const width of [1280, 390]) {
		const refused = await throughTheGateway(browser, identity);
		await refused.setViewportSize({ width, height: 900 });
		await expect(refused).toHaveURL(/\/login\?oidc=account_deactivated$/);
		await expect(refused.getByText('Questo account è stato disattivato')).toBeVisible();
		await checkPage(refused);
		const cookies = await refused.context().cookies();
		expect(cookies.map((c) => c.name)).not.toContain('tavolo_session');
		expect(await sessionStatus(refused)).toBe(401);
		await refused.context().close();
	}
});
