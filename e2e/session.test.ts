/**
 * Session expiry. Waiting out PVI_SESSION_IDLE_MINUTES would take more than a minute, so the
 * server ends the session the way it ends an expired one: it is gone on the server while the
 * browser still holds its cookie (DELETE /api/v1/session sent from outside the browser). The next
 * thing the person does must lead to the sign-in page with the "session expired" message, and
 * after signing in again back to the page they were going to.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, launch, newPage, signIn, url } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('session expiry', () => {
  it('sends the person to sign in with a message, and back where they were afterwards', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await signIn(page, 'demo.hr');
    await page.goto(url('/organisatie'));
    await page.getByRole('link', { name: 'Eenheid Amsterdam', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Eenheid Amsterdam' }).waitFor();
    const district = page.locator('a[href^="/organisatie/districten/"]').first();
    const districtName = (await district.textContent())!;
    const districtPath = (await district.getAttribute('href'))!;

    // The server ends the session; the browser keeps its (now useless) cookie.
    const cookie = await cookieHeader(context);
    expect(cookie).toContain('pvi_session=');
    const current = await fetch(url('/api/v1/session'), { headers: { cookie } });
    const { csrfToken } = (await current.json()) as { csrfToken: string };
    const ended = await fetch(url('/api/v1/session'), {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(ended.status).toBe(204);
    expect((await context.cookies()).some((c) => c.name === 'pvi_session')).toBe(true);

    // The next click needs the server: off to sign in, with the reason and the way back.
    await district.click();
    await page.waitForURL((u) => u.pathname === '/inloggen');
    const here = new URL(page.url());
    expect(here.searchParams.get('reason')).toBe('expired');
    expect(here.searchParams.get('returnTo')).toBe(districtPath);
    await page
      .getByText('Uw sessie is verlopen. Log opnieuw in; daarna gaat u verder waar u was.')
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    // Signing in again continues on the district page.
    await signIn(page, 'demo.hr');
    await page.waitForURL((u) => u.pathname === districtPath);
    await page.getByRole('heading', { level: 1, name: districtName }).waitFor();
    await page.getByRole('table', { name: `Teams van ${districtName}` }).waitFor();
    await context.close();
  });

  it('a page opened without a session asks to sign in and then shows that page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/organisatie?x=1'));
    await page.waitForURL((u) => u.pathname === '/inloggen');
    expect(new URL(page.url()).searchParams.get('reason')).toBeNull();
    expect(await page.getByText('Uw sessie is verlopen').count()).toBe(0);
    await signIn(page, 'demo.hr');
    await page.waitForURL((u) => u.pathname === '/organisatie');
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
    await context.close();
  });
});
