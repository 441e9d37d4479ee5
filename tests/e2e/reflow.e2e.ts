import { expect, test, type Page } from '@playwright/test';
import type { DemoPersonKey } from './support/demo-people';
import { openDemoProject, signIn } from './support/session';

/**
 * WCAG 2.1 1.4.10 (Reflow): at 320 CSS px nothing makes the page scroll sideways. Wide tables
 * scroll inside their own labelled box instead (TableScroll), the canvas's tables inside the
 * editor. Each role walks the main pages it reaches, found through the links a person follows.
 */
const WIDTHS = [320, 390] as const;

/** How far the page is wider than the window; 0 when it reflows. */
async function sidewaysOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The first link on the page whose address matches, as a path. */
async function linkTo(page: Page, pattern: RegExp): Promise<string> {
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const found = hrefs.find((href) => pattern.test(href));
	expect(found, `a link matching ${pattern} on ${page.url()}`).toBeDefined();
	return found!;
}

/** The pages a role walks: fixed addresses, then ones reached through links on them. */
async function pagesOf(page: Page, role: DemoPersonKey): Promise<string[]> {
	const projectId = await openDemoProject(page);
	const home = `/projects/${projectId}`;
	const pages = [
		'/projects',
		'/account',
		'/organisations',
		home,
		`${home}/members`,
		`${home}/governance`,
		`${home}/network`,
		`${home}/partnership`
	];
	if (role === 'caseOperator') {
		await page.goto(`${home}/cases`);
		pages.push(`${home}/cases`, await linkTo(page, /\/cases\/[0-9a-f-]{36}$/));
		return pages;
	}
	await page.goto(`${home}/governance`);
	pages.push(await linkTo(page, /\/governance\/bodies\/[0-9a-f-]{36}$/));
	pages.push(`${home}/governance/decisions`, `${home}/governance/action-items`);
	await page.goto(pages.at(-3)!);
	pages.push(await linkTo(page, /\/governance\/meetings\/[0-9a-f-]{36}$/));
	await page.goto(`${home}/calls`);
	const call = await linkTo(page, /\/calls\/[0-9a-f-]{36}$/);
	await page.goto(call);
	const proposal = await linkTo(page, /\/proposals\/[0-9a-f-]{36}$/);
	pages.push(`${home}/calls`, call, proposal, `${proposal}/history`);
	await page.goto(`${home}/labs`);
	const lab = await linkTo(page, /\/labs\/[0-9a-f-]{36}$/);
	await page.goto(lab);
	const session = await linkTo(page, /\/sessions\/[0-9a-f-]{36}$/);
	pages.push(
		`${home}/labs`,
		lab,
		session,
		`${home}/monitoring`,
		`${home}/monitoring/cronoprogramma`,
		`${home}/monitoring/traceability`
	);
	return pages;
}

for (const role of ['coordinator', 'caseOperator', 'observer'] as const) {
	test(`every main page reflows at ${WIDTHS.join(' and ')} px for the ${role}`, async ({
		page
	}) => {
		await page.setViewportSize({ width: WIDTHS[0], height: 800 });
		await signIn(page, role);
		const pages = await pagesOf(page, role);
		// About twenty pages, each loaded once and laid out at both widths: reflow is layout,
		// so resizing the open page asks the same question as loading it again.
		test.setTimeout(Math.max(120_000, pages.length * 8_000));
		for (const path of pages) {
			await page.goto(path);
			await page.locator('main').waitFor();
			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: 800 });
				await expect
					.poll(() => sidewaysOverflow(page), { message: `${path} at ${width} px` })
					.toBeLessThanOrEqual(0);
			}
			await page.setViewportSize({ width: WIDTHS[0], height: 800 });
		}
	});
}

test('a wide table scrolls inside its own focusable, labelled box with a visible hint', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await signIn(page, 'coordinator');
	const projectId = await openDemoProject(page);
	await page.goto(`/projects/${projectId}/members`);
	const region = page.getByRole('region', { name: 'Partecipanti' });
	await expect(region).toHaveAttribute('tabindex', '0');
	await expect(
		page.getByText('Scorri la tabella di lato per vedere tutte le colonne.')
	).toBeVisible();
	await region.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
});
