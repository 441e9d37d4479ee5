import { expect, type Browser, type Page } from '@playwright/test';
import { demoPerson, DEMO_PROJECT_ACRONYM, type DemoPersonKey } from './demo-people';

/** Signs in through the real /login page, as a person would, and lands on their projects. */
export async function signIn(page: Page, key: DemoPersonKey): Promise<void> {
	const person = demoPerson(key);
	await page.goto('/login');
	await page.locator('input[name="email"]').fill(person.email);
	await page.locator('input[name="password"]').fill(person.password);
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/projects$/);
}

/** A separate browser context (its own cookies) signed in as `key`: a second person. */
export async function personInNewContext(browser: Browser, key: DemoPersonKey): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, key);
	return page;
}

/** From the projects list into the demo project's home; returns the project id. */
export async function openDemoProject(page: Page): Promise<string> {
	await page.goto('/projects');
	await page.getByRole('link', { name: DEMO_PROJECT_ACRONYM }).first().click();
	await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname.split('/').at(-1)!;
}
