import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launch, newPage, url } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('sign in', () => {
  it('shows the error summary for empty fields; it takes focus and links to the fields', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    // The first page of the run: the lazy sign-in chunk may take seconds on a busy machine.
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('Inloggen — PvI-platform');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    const summary = page
      .getByRole('alert')
      .filter({ hasText: 'Er zijn 2 fouten in het formulier' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Vul uw gebruikersnaam in.',
      'Vul uw wachtwoord in.',
    ]);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#username',
      '#password',
    ]);

    // Each field says what is wrong beside it and is marked invalid.
    const username = page.getByLabel('Gebruikersnaam');
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await username.getAttribute('aria-describedby')).toBe('username-error');
    expect(await page.locator('#username-error').textContent()).toBe('Vul uw gebruikersnaam in.');

    // The link in the summary brings the person to the field.
    await links.nth(1).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');

    // Fill in one field: one error left.
    await username.fill('demo.medewerker');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout in het formulier' }).waitFor();
    expect(await username.getAttribute('aria-invalid')).toBeNull();
    await context.close();
  });

  it('refuses a wrong password with a message, and stays on the sign-in page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await page.getByLabel('Gebruikersnaam').fill('demo.cdo');
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'De gebruikersnaam of het wachtwoord klopt niet.' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    // No session was made.
    const session = await context.request.get(url('/api/v1/session'));
    expect(session.status()).toBe(401);
    await context.close();
  });

  it('signs in with the right password and lands on home with the person’s name', async () => {
    const { context, page } = await newPage(browser);
    // A page behind sign-in sends the person to sign in first.
    await page.goto(url('/'));
    await page.waitForURL((u) => u.pathname === '/inloggen');
    await page.getByLabel('Gebruikersnaam').fill('demo.teamchef');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');

    const session = (await (await context.request.get(url('/api/v1/session'))).json()) as {
      account: { displayName: string };
    };
    const name = session.account.displayName;
    expect(name.length).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 1, name: `Welkom, ${name}` }).waitFor();
    expect(await page.locator('header').textContent()).toContain(`Ingelogd als ${name}`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    expect(await page.title()).toBe(`Welkom, ${name} — PvI-platform`);

    // Signing out ends the session and goes back to the sign-in page.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((u) => u.pathname === '/inloggen');
    expect((await context.request.get(url('/api/v1/session'))).status()).toBe(401);
    await context.close();
  });
});
