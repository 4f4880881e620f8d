/** Switching language: texts and <html lang> change, the choice survives a reload, and back. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, signIn, url } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('language', () => {
  it('switches to English, remembers it after a reload, and switches back to Dutch', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await signIn(page, 'demo.beheerder');
    await page.goto(url('/organisatie'));
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
    expect(await htmlLang(page)).toBe('nl');

    // The switch names the other language in that language.
    const toEnglish = page.getByRole('button', { name: 'English — taal wisselen' });
    expect(await toEnglish.locator('[lang="en"]').textContent()).toBe('English');
    await toEnglish.click();

    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Organisation',
      'Team monitor',
      'Accounts',
      'Audit log',
      'Import',
      'Outgoing mail',
    ]);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByLabel('Search a team by name').waitFor();
    expect(await page.title()).toBe('Organisation — PvI platform');

    // Remembered after a reload (and on other pages).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.goto(url('/toegankelijkheid'));
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();

    // And back to Dutch.
    const toDutch = page.getByRole('button', { name: 'Nederlands — switch language' });
    expect(await toDutch.locator('[lang="nl"]').textContent()).toBe('Nederlands');
    await toDutch.click();
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(await htmlLang(page)).toBe('nl');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }).waitFor();
    expect(await htmlLang(page)).toBe('nl');
    await context.close();
  });

  it('texts with counts on a signed-in page change too', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await signIn(page, 'demo.teamchef');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Uw team' }).waitFor();
    // The first card, "Uw team" / "Your team" (a filter on its Dutch text would lose it).
    const card = page.locator('.pvi-card').first();
    await card.getByText(/\d+ leden/).waitFor();
    await page.getByRole('button', { name: /^English/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await card.getByRole('heading', { name: 'Your team' }).waitFor();
    await card.getByText(/\d+ members/).waitFor();
    await context.close();
  });
});
