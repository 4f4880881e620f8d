/**
 * Organisation browsing: units → a unit → a district → a team, with breadcrumbs; team search by
 * name; who sees the names of a team's members.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, settled, signedInPage, url } from './harness.ts';

interface Team {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  districtId: string | null;
  districtName: string | null;
  memberCount: number;
  chief: { id: string; name: string } | null;
}

let browser: Browser;
/** The demo teamchef's team (a basisteam in a district of Eenheid Amsterdam). */
let team: Team;

beforeAll(async () => {
  browser = await launch();
  // Which team the demo teamchef leads, from the API as that person sees it.
  const { context } = await signedInPage(browser, 'demo.teamchef');
  const session = (await (await context.request.get(url('/api/v1/session'))).json()) as {
    activeGrant: { role: string; scopeId: string };
  };
  expect(session.activeGrant.role).toBe('teamchef');
  team = (await (
    await context.request.get(url(`/api/v1/teams/${session.activeGrant.scopeId}`))
  ).json()) as Team;
  expect(team.districtName).toBeTruthy();
  await context.close();
});
afterAll(async () => {
  await browser.close();
});

/** The breadcrumb trail: [text, is it a link, is it the current page]. */
const crumbs = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Kruimelpad' })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => {
        const link = li.querySelector('a');
        return [
          li.textContent.trim(),
          Boolean(link),
          li.querySelector('[aria-current="page"]') !== null,
        ];
      }),
    );

describe('organisation', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signedInPage(browser, 'demo.beheerder'));
  });
  afterAll(async () => {
    await context.close();
  });

  it('browses units → unit → district → team, with breadcrumbs back up', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Organisatie' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
    expect(await crumbs(page)).toEqual([
      ['Start', true, false],
      ['Organisatie', false, true],
    ]);
    expect(
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Organisatie' })
        .getAttribute('aria-current'),
    ).toBe('page');

    // Units, each with its counts.
    const units = page.locator('.pvi-cards').getByRole('link');
    await units.first().waitFor();
    expect(await units.count()).toBeGreaterThan(1);
    await page.getByRole('link', { name: team.unitName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: team.unitName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisatie/eenheden/${team.unitId}`);
    expect(await crumbs(page)).toEqual([
      ['Start', true, false],
      ['Organisatie', true, false],
      [team.unitName, false, true],
    ]);
    await page.getByRole('heading', { level: 2, name: 'Districten' }).waitFor();

    await page.getByRole('link', { name: team.districtName!, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: team.districtName! }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisatie/districten/${team.districtId}`);
    expect(await crumbs(page)).toEqual([
      ['Start', true, false],
      ['Organisatie', true, false],
      [team.unitName, true, false],
      [team.districtName, false, true],
    ]);
    const table = page.getByRole('table', { name: `Teams van ${team.districtName}` });
    await table.getByRole('link', { name: team.name, exact: true }).click();

    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisatie/teams/${team.id}`);
    expect(await crumbs(page)).toEqual([
      ['Start', true, false],
      ['Organisatie', true, false],
      [team.unitName, true, false],
      [team.districtName, true, false],
      [team.name, false, true],
    ]);
    if (team.chief) await page.getByText(`Teamchef: ${team.chief.name}`).waitFor();

    // Back up through the breadcrumbs.
    const trail = page.getByRole('navigation', { name: 'Kruimelpad' });
    await trail.getByRole('link', { name: team.unitName }).click();
    await page.getByRole('heading', { level: 1, name: team.unitName }).waitFor();
    await page
      .getByRole('navigation', { name: 'Kruimelpad' })
      .getByRole('link', { name: 'Organisatie' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
  });

  it('finds teams by (part of) their name', async () => {
    await page.goto(url('/organisatie'));
    await page.getByRole('heading', { level: 1, name: 'Organisatie' }).waitFor();
    const word = team.name.split(' ').at(-1)!; // "Basisteam Burgwallen" → "Burgwallen"
    const search = page.getByRole('search');
    await search.getByLabel('Zoek een team op naam').fill(word.toLowerCase());
    await search.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.getByRole('table', { name: `Teams met “${word.toLowerCase()}”` });
    await results.waitFor();
    const names = await results.getByRole('link').allTextContents();
    expect(names).toContain(team.name);
    for (const n of names) expect(n.toLowerCase()).toContain(word.toLowerCase());
    await results.getByRole('link', { name: team.name }).click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();

    // Nothing found: said in words.
    await page.goto(url('/organisatie'));
    await page.getByLabel('Zoek een team op naam').fill('geen-team-heet-zo');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen teams gevonden met deze naam.').waitFor();
  });
});

describe('member names', () => {
  it('the team chief sees the names of the members of their own team', async () => {
    const { context, page } = await signedInPage(browser, 'demo.teamchef');
    // From home: "Uw team".
    await page.getByRole('link', { name: team.name }).first().click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    const members = page.getByRole('table', { name: `Leden van ${team.name}` });
    await members.waitFor();
    const rows = members.getByRole('row');
    // Header row + one row per member.
    expect(await rows.count()).toBe(team.memberCount + 1);
    const header = await rows.first().getByRole('columnheader').allTextContents();
    expect(header).toEqual(['Naam', 'Rol', 'Sinds']);
    if (team.chief) {
      const chiefRow = rows.filter({ hasText: team.chief.name });
      expect(await chiefRow.getByRole('cell').nth(1).textContent()).toBe('teamchef');
      // Dates in Dutch format.
      expect(await chiefRow.getByRole('cell').nth(2).textContent()).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    }
    expect(await page.getByText('De namen van de leden ziet u alleen').count()).toBe(0);
    await context.close();
  });

  it('a medewerker of another team sees the team but not the names', async () => {
    const { context, page } = await signedInPage(browser, 'demo.medewerker');
    // Another team, found through the team search.
    await page.goto(url('/organisatie'));
    await page.getByLabel('Zoek een team op naam').fill('Basisteam');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const table = page.getByRole('table', { name: 'Teams met “Basisteam”' });
    await table.waitFor();
    const other = table.getByRole('link').filter({ hasNotText: team.name }).first();
    const otherName = (await other.textContent())!;
    await other.click();
    await page.getByRole('heading', { level: 1, name: otherName }).waitFor();
    await settled(page);
    await page
      .getByText(
        'De namen van de leden ziet u alleen als teamchef van dit team, als eenheidsleiding, HR-analist of beheerder.',
      )
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await context.close();
  });
});
