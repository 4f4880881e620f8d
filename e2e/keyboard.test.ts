/**
 * Keyboard only: from the first Tab to a team page without the mouse. Every step uses
 * page.keyboard; locators are used only to read where the focus is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launch, newPage, url } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Focused {
  tag: string;
  text: string;
  href: string | null;
  id: string;
  /** The landmark the element is in: header, nav, main or footer. */
  region: string | null;
  visible: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const region = el?.closest('nav, header, main, footer');
    const rect = el?.getBoundingClientRect();
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.innerText ?? '').trim(),
      href: el?.getAttribute('href') ?? null,
      id: el?.id ?? '',
      region: region ? region.tagName.toLowerCase() : null,
      visible: Boolean(rect && rect.width > 0 && rect.height > 0),
    };
  });

/** Presses Tab until the focused element matches, at most `max` times; returns what it passed. */
async function tabTo(page: Page, match: (f: Focused) => boolean, max = 40): Promise<Focused[]> {
  const passed: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    passed.push(f);
    expect(f.visible, `focused element is visible: ${JSON.stringify(f)}`).toBe(true);
    if (match(f)) return passed;
  }
  throw new Error(
    `Not reached in ${max} Tabs; passed:\n${passed.map((f) => JSON.stringify(f)).join('\n')}`,
  );
}

describe('keyboard only', () => {
  it('skip link, sign-in, header, navigation, organisation, unit, district and team', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    // The first Tab reaches the skip link; Enter puts the focus on the main content.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ text: 'Direct naar de inhoud', href: '#inhoud' });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('inhoud');

    // From the main content, Tab goes into the form; type, and Enter submits.
    await tabTo(page, (f) => f.id === 'username');
    await page.keyboard.type('demo.beheerder');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();

    // A fresh load of home: skip link first, then the header, then the main navigation.
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Direct naar de inhoud');
    const passed = await tabTo(page, (f) => f.region === 'nav' && f.text === 'Organisatie');
    const regions = passed.map((f) => f.region);
    expect(regions[0]).toBe('header'); // the product name
    expect(passed.some((f) => f.tag === 'button' && f.text.startsWith('English'))).toBe(true);
    expect(passed.some((f) => f.tag === 'button' && f.text === 'Uitloggen')).toBe(true);
    // Header before navigation; nothing from main in between.
    expect(regions.indexOf('nav')).toBeGreaterThan(regions.lastIndexOf('header'));
    expect(regions).not.toContain('main');

    // Enter follows the link; focus moves to the new page's main content.
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/organisatie');
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('inhoud');

    // Units: Tab to the first unit and follow it.
    const unit = await tabTo(page, (f) => f.href?.startsWith('/organisatie/eenheden/') ?? false);
    const unitName = unit.at(-1)!.text;
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: unitName }).waitFor();

    // A district of that unit.
    const district = await tabTo(
      page,
      (f) => f.href?.startsWith('/organisatie/districten/') ?? false,
    );
    const districtName = district.at(-1)!.text;
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: districtName }).waitFor();

    // A team in the district's table.
    const team = await tabTo(page, (f) => f.href?.startsWith('/organisatie/teams/') ?? false);
    const teamName = team.at(-1)!.text;
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: teamName }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/organisatie\/teams\/[0-9a-f-]{36}$/);
    // The beheerder sees the members.
    await page.getByRole('table', { name: `Leden van ${teamName}` }).waitFor();

    // Back up through the breadcrumbs, still by keyboard: the district is a link there.
    await page.goto(page.url());
    await page.getByRole('heading', { level: 1, name: teamName }).waitFor();
    await tabTo(page, (f) => f.text === districtName && f.region === 'nav');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: districtName }).waitFor();
    await context.close();
  });

  it('the language switch works from the keyboard', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(url('/inloggen'));
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('English'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Focus stays on the switch, which now offers Dutch; Space switches back.
    expect((await focused(page)).text).toMatch(/^Nederlands/);
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await context.close();
  });
});
