/**
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules on every route, at 320 and 1280 px wide:
 * zero violations. At 320 px the page must also not scroll sideways (WCAG 1.4.10 Reflow; tables
 * may scroll inside their own box). A few states that only appear after an action (error
 * summaries, an open account panel, an import report, English) are checked as well.
 *
 * One test file per width (accessibility-320.test.ts, accessibility-1280.test.ts), so the two
 * run side by side.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, launch, newPage, settled, signIn, url } from './harness.ts';

/** Runs axe (and at narrow widths the reflow check) and fails with a readable list. */
async function expectAccessible(page: Page, where: string) {
  await settled(page);
  const violations = await axe(page);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    // The deepest elements that stick out, to say where the problem is.
    const sticksOut = (e: Element) =>
      e.getBoundingClientRect().right > width + 1 ||
      (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible');
    const wide = [...document.querySelectorAll('body *')].filter(
      (e) => sticksOut(e) && ![...e.children].some(sticksOut),
    );
    const names = wide
      .slice(0, 5)
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.trim().slice(0, 40)}`,
      );
    return `the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window: ${names.join('; ')}`;
  });
  const problems = [describeViolations(where, violations), overflow ? `${where}: ${overflow}` : '']
    .filter(Boolean)
    .join('\n');
  expect(problems, problems).toBe('');
}

async function open(page: Page, path: string) {
  await page.goto(url(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

export function accessibilitySuite(viewport: { width: number; height: number }) {
  const size = `${viewport.width}×${viewport.height}`;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  describe(`signed out, ${size}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      ({ context, page } = await newPage(browser, viewport));
    });
    afterAll(async () => {
      await context.close();
    });

    for (const path of ['/inloggen', '/toegankelijkheid', '/privacy', '/bestaat-niet']) {
      it(path, async () => {
        await open(page, path);
        await expectAccessible(page, `${path} at ${size}`);
      });
    }

    it('/inloggen with the error summary and a failed sign-in', async () => {
      await open(page, '/inloggen');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'fouten in het formulier' }).waitFor();
      await expectAccessible(page, `/inloggen (errors) at ${size}`);
      await page.getByLabel('Gebruikersnaam').fill('demo.ndv');
      await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.getByText('De gebruikersnaam of het wachtwoord klopt niet.').waitFor();
      await expectAccessible(page, `/inloggen (failed) at ${size}`);
    });

    it('/inloggen in English', async () => {
      await open(page, '/inloggen');
      await page.getByRole('button', { name: /^English/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectAccessible(page, `/inloggen (English) at ${size}`);
      await page.getByRole('button', { name: /^Nederlands/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    });
  });

  describe(`signed in as beheerder, ${size}`, () => {
    let context: BrowserContext;
    let page: Page;
    const ids = { unit: '', district: '', team: '' };
    beforeAll(async () => {
      ({ context, page } = await newPage(browser, viewport));
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.beheerder');
      const get = async <T>(path: string) =>
        (await (await context.request.get(url(`/api/v1${path}`))).json()) as T;
      const units = await get<{ items: { id: string; name: string }[] }>('/units?pageSize=100');
      ids.unit = units.items.find((u) => u.name === 'Eenheid Amsterdam')?.id ?? units.items[0]!.id;
      const districts = await get<{ items: { id: string }[] }>(`/districts?unitId=${ids.unit}`);
      ids.district = districts.items[0]!.id;
      const teams = await get<{ items: { id: string }[] }>(`/teams?districtId=${ids.district}`);
      ids.team = teams.items[0]!.id;
    });
    afterAll(async () => {
      await context.close();
    });

    const routes: [string, () => string][] = [
      ['/', () => '/'],
      ['/organisatie', () => '/organisatie'],
      ['a unit', () => `/organisatie/eenheden/${ids.unit}`],
      ['a district', () => `/organisatie/districten/${ids.district}`],
      ['a team', () => `/organisatie/teams/${ids.team}`],
      ['/beheer/accounts', () => '/beheer/accounts'],
      ['/beheer/audit', () => '/beheer/audit'],
      ['/beheer/import', () => '/beheer/import'],
      ['a 404 while signed in', () => '/organisatie/bestaat/niet'],
    ];
    for (const [name, path] of routes) {
      it(name, async () => {
        await open(page, path());
        await expectAccessible(page, `${name} (${path()}) at ${size}`);
      });
    }

    it('/organisatie with search results', async () => {
      await open(page, '/organisatie');
      await page.getByLabel('Zoek een team op naam').fill('team');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('table', { name: 'Teams met “team”' }).waitFor();
      await expectAccessible(page, `/organisatie (search) at ${size}`);
    });

    it('/beheer/accounts with an open panel and errors in both forms', async () => {
      await open(page, '/beheer/accounts');
      await page.getByRole('button', { name: 'Beheren demo.teamchef' }).click();
      const panel = page.getByRole('region', { name: 'Account demo.teamchef' });
      await panel.getByRole('heading', { name: 'Account demo.teamchef' }).waitFor();
      await panel.getByRole('button', { name: 'Rol toekennen' }).click();
      await panel.getByRole('alert').filter({ hasText: 'fouten in het formulier' }).waitFor();
      const create = page.getByRole('region', { name: 'Nieuw account' });
      await create.getByRole('button', { name: 'Account aanmaken' }).click();
      await create.getByRole('alert').filter({ hasText: 'fouten in het formulier' }).waitFor();
      // Two error summaries on one page at once.
      await expectAccessible(page, `/beheer/accounts (panel, errors) at ${size}`);
    });

    it('/beheer/import with a report of bad rows', async () => {
      await open(page, '/beheer/import');
      await page.getByRole('radio', { name: 'Organisatie: eenheden, districten en teams' }).check();
      await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
        name: 'org.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'type,code,name,parent_code,kind\nteam,X-1,Team X,GEEN-OUDER,basisteam\nplaneet,X-2,X,,\n',
        ),
      });
      await page.getByRole('button', { name: 'Importeren', exact: true }).click();
      await page
        .getByRole('table', { name: 'Fouten in het bestand, per regel' })
        .waitFor({ timeout: 30_000 });
      await expectAccessible(page, `/beheer/import (report) at ${size}`);
    });
  });

  describe(`signed in as teamchef (two roles: the role switch), ${size}`, () => {
    it('/ and the own team', async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.teamchef');
      await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
      await expectAccessible(page, `/ (teamchef) at ${size}`);
      await page
        .getByRole('link', { name: /^Basisteam/ })
        .first()
        .click();
      await page.getByRole('table', { name: /^Leden van/ }).waitFor();
      await expectAccessible(page, `own team (teamchef) at ${size}`);
      await context.close();
    });
  });
}
