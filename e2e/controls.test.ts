/**
 * Professional controls in the browser, the "done means": a team chief registers a
 * control on a 360 px phone while offline, sees "nog niet verzonden: 1", comes back online and
 * sees it sent (0); a registration the server refuses stays in the queue with its field errors
 * until it is fixed; the control counts in the team's figures; unit leadership runs the
 * instrument for the unit and downloads it as CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, baseUrl, describeViolations, launch, settled, signedInPage, url } from './harness.ts';

const PHONE = { width: 360, height: 740 } as const;
/** Near Kop Zeedijk, Amsterdam (a demo buurt). */
const POSITION = { latitude: 52.3747, longitude: 4.9003 };
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

interface Session {
  activeGrant: { role: string; scopeType: string; scopeId: string; scopeName: string };
}
interface Analysis {
  quality: { controls: number };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function expectAccessible(page: Page, where: string) {
  await settled(page);
  const found = describeViolations(where, await axe(page));
  const wide = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(found, found).toBe('');
  expect(wide, `${where}: the page scrolls sideways`).toBe(false);
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

/** Fills and submits the registration of a person control; the page confirms it is on the device. */
async function registerPerson(
  page: Page,
  reason: string,
  text: string,
  legalBasis?: string,
): Promise<void> {
  await group(page, /^Soort controle/)
    .getByRole('radio', { name: 'Persoon' })
    .check();
  await group(page, /^Reden van selectie/)
    .getByRole('radio', { name: reason })
    .check();
  await page.getByRole('textbox', { name: /^Reden in het kort/ }).fill(text);
  if (legalBasis)
    await page
      .getByRole('combobox', { name: 'Wettelijke grondslag (optioneel)' })
      .selectOption({ label: legalBasis });
  await page.getByRole('button', { name: 'Registreren', exact: true }).click();
  await page.getByText('De controle is op dit apparaat opgeslagen').waitFor();
}

describe('professional controls', () => {
  let chief: { context: BrowserContext; page: Page };
  let teamId = '';
  let before = 0;

  beforeAll(async () => {
    chief = await signedInPage(browser, 'demo.teamchef', PHONE);
    const session = (await (
      await chief.context.request.get(url('/api/v1/session'))
    ).json()) as Session;
    expect(session.activeGrant.role).toBe('teamchef');
    teamId = session.activeGrant.scopeId;
    const analysis = (await (
      await chief.context.request.get(url(`/api/v1/controls/analysis/teams/${teamId}`))
    ).json()) as Analysis;
    before = analysis.quality.controls;
    await chief.context.grantPermissions(['geolocation'], { origin: baseUrl() });
    await chief.context.setGeolocation(POSITION);
  });
  afterAll(async () => {
    await chief.context.close();
  });

  it('registers a control offline on a phone and sends it when the connection returns', async () => {
    const { context, page } = chief;
    await page.goto(url('/controles/registreren'));
    await page.getByRole('heading', { level: 1, name: 'Controle registreren' }).waitFor();
    await settled(page);

    await context.setOffline(true);
    const started = Date.now();
    // GPS works offline; the buurt lookup does not, so the position goes along instead.
    await page.getByRole('button', { name: 'Mijn locatie gebruiken' }).click();
    await page.getByText('Uw positie. De buurt wordt bepaald bij het verzenden.').waitFor();
    await registerPerson(
      page,
      'Gedrag',
      'Bleef bij geparkeerde fietsen staan en keek steeds om zich heen',
      'Politiewet',
    );
    // The filling itself, as a robot does it: a bound on the form's own overhead, not a human.
    expect(Date.now() - started).toBeLessThan(30_000);

    const count = page.getByRole('status').filter({ hasText: 'Nog niet verzonden: 1' });
    await count.waitFor();
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await page.getByText('Wacht op verbinding; wordt vanzelf opnieuw verzonden.').waitFor();
    await expectAccessible(page, 'registration with one queued, offline, 360 px');

    await context.setOffline(false);
    await page.getByRole('heading', { level: 2, name: 'Nog niet verzonden' }).waitFor({
      state: 'detached',
      timeout: 20_000,
    });
    expect(await page.getByText(/Nog niet verzonden: \d/).count()).toBe(0);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('queue'))),
    ).toEqual([]);
  });

  it('keeps a refused registration in the queue with its field errors until it is fixed', async () => {
    const { page } = chief;
    // The previous position stays; this time the buurt is picked by hand.
    await page.getByText('Uw positie. De buurt wordt bepaald bij het verzenden.').waitFor();
    await page
      .getByRole('combobox', { name: 'Gemeente (optioneel)' })
      .selectOption({ label: 'Amsterdam' });
    const buurt = page.getByRole('combobox', { name: 'Buurt (optioneel)' });
    await buurt.locator('option', { hasText: 'Kop Zeedijk' }).waitFor({ state: 'attached' });
    await buurt.selectOption({ label: 'Kop Zeedijk' });
    await page.getByText(/^Gekozen: Kop Zeedijk, .*Amsterdam$/).waitFor();
    await group(page, /^Soort controle/)
      .getByRole('radio', { name: 'Voertuig' })
      .check();
    await group(page, /^Reden van selectie/)
      .getByRole('radio', { name: 'Verkeersovertreding' })
      .check();
    await group(page, /^Handelingen/)
      .getByRole('checkbox', { name: 'Fouillering' })
      .check();
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'in het formulier' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const message = 'Deze handelingen passen niet bij het soort controle';
    await summary.getByRole('link', { name: new RegExp(message) }).waitFor();
    // Beside the field as well, and kept in the queue (nothing is lost).
    await group(page, /^Handelingen/)
      .getByText(new RegExp(message))
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'Nog niet verzonden: 1' }).waitFor();
    await page.getByText('Niet aangenomen:').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Registratie verbeteren' }).waitFor();
    await expectAccessible(page, 'registration refused by the server, 360 px');

    await group(page, /^Soort controle/)
      .getByRole('radio', { name: 'Beide' })
      .check();
    await page.getByRole('button', { name: 'Verbeterd versturen' }).click();
    await page.getByText('De controle is geregistreerd en verzonden.').waitFor();
    expect(await page.getByText(/Nog niet verzonden: \d/).count()).toBe(0);
  });

  it("counts both in the team's figures", async () => {
    const { page } = chief;
    await page.goto(url('/controles/cijfers'));
    await page.getByRole('heading', { level: 1, name: 'Controlecijfers' }).waitFor();
    await page.getByText(`: ${nl(before + 2)} controles.`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kwaliteit van de registratie' }).waitFor();
    await expectAccessible(page, "the team's figures, 360 px");
  });
});

describe('the instrument for a unit', () => {
  let lead: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    lead = await signedInPage(browser, 'demo.eenheid');
  });
  afterAll(async () => {
    await lead.context.close();
  });

  it('shows every section with intervals and the benchmark of its teams', async () => {
    const { page } = lead;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Controlecijfers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Controlecijfers' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: /\(eenheid\)$/ })
      .waitFor({ timeout: 30_000 });
    const reasons = page.getByRole('table', { name: 'Trefkans per reden van selectie' });
    const behaviour = reasons.getByRole('row').filter({ hasText: 'Gedrag' });
    // "24 % (22–26)": an estimate with its interval.
    expect(await behaviour.textContent()).toMatch(/\d+ % \(\d+–\d+\)/);
    await page.getByRole('table', { name: 'Vergelijking bij reden: Gedrag' }).waitFor();
    await page.getByRole('table', { name: 'Kwaliteit van de registratie per team' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Niet meegeteld' }).waitFor();
    await expectAccessible(page, 'the unit figures, 1280 px');
  });

  it('exports the analysis and the registrations as CSV', async () => {
    const { page } = lead;
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name }).click(),
      ]);
      return readFile(await file.path(), 'utf8');
    };
    const analysis = await download('Analyse downloaden (CSV)');
    const lines = analysis.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'section,breakdown,key,label,measure,n,successes,estimate,lower,upper,note',
    );
    expect(lines.some((l) => l.startsWith('quality,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('benchmark,'))).toBe(true);
    const records = await download('Registraties downloaden (CSV)');
    expect(records.split(/\r?\n/)[0]).toMatch(/^id,source,source_area,occurred_at,/);
    expect(records.split(/\r?\n/).length).toBeGreaterThan(100);
  });
});

describe('the registration page without a connection (service worker)', () => {
  let officer: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    officer = await signedInPage(browser, 'demo.teamchef', PHONE);
  });
  afterAll(async () => {
    await officer.context.close();
  });

  it('opens again offline once visited, with the kept lists, and sends when back online', async () => {
    const { context, page } = officer;
    const heading = page.getByRole('heading', { level: 1, name: 'Controle registreren' });
    await page.goto(url('/controles/registreren'));
    await heading.waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // One visit under the service worker keeps the session and the lists this form reads.
    await page.reload();
    await heading.waitFor();
    const gemeente = page.getByRole('combobox', { name: 'Gemeente (optioneel)' });
    const buurt = page.getByRole('combobox', { name: 'Buurt (optioneel)' });
    await gemeente.selectOption({ label: 'Amsterdam' });
    await buurt.locator('option', { hasText: 'Kop Zeedijk' }).waitFor({ state: 'attached' });
    await settled(page);

    await context.setOffline(true);
    // A request to the server fails now: the page really is offline.
    expect(
      await page.evaluate(() =>
        fetch('/api/v1/health').then(
          () => 'answered',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.reload();
    await heading.waitFor();
    await gemeente.selectOption({ label: 'Amsterdam' });
    await buurt.locator('option', { hasText: 'Kop Zeedijk' }).waitFor({ state: 'attached' });
    await buurt.selectOption({ label: 'Kop Zeedijk' });
    await registerPerson(
      page,
      'Omstandigheden',
      'Liep na sluitingstijd met gereedschap langs de achterdeuren',
    );
    await page.getByRole('status').filter({ hasText: 'Nog niet verzonden: 1' }).waitFor();
    await expectAccessible(page, 'registration page opened offline, 360 px');

    await context.setOffline(false);
    await page.getByRole('heading', { level: 2, name: 'Nog niet verzonden' }).waitFor({
      state: 'detached',
      timeout: 20_000,
    });
    expect(await page.evaluate(() => caches.has('pvi-data'))).toBe(true);
  });

  it('forgets what it kept when the officer signs out', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await page.evaluate(() => caches.has('pvi-data'))).toBe(false);
  });
});

describe('disparity with residents per group (national, imported stop and search)', () => {
  const HEADER =
    'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';
  /** 60 searches in March 2026: 36 of people seen as White, 24 as Black; every third finds something. */
  const stops = () =>
    Array.from({ length: 60 }, (_, i) => {
      const group = i % 5 < 3 ? 'White' : 'Black';
      const outcome = i % 3 === 0 ? 'Arrest' : 'A no further action disposal';
      const day = String(1 + (i % 28)).padStart(2, '0');
      return `Person search,2026-03-${day}T${String(10 + (i % 10))}:15:00+00:00,,,51.51,-0.09,Male,18-24,,${group},Misuse of Drugs Act 1971 (section 23),Controlled drugs ${i},${outcome},${i % 3 === 0 ? 'True' : 'False'},False`;
    }).join('\n');

  beforeAll(async () => {
    const { context, page } = await signedInPage(browser, 'demo.beheerder');
    await page.goto(url('/controles/importeren'));
    await page.getByRole('radio', { name: 'police.uk stop and search' }).check();
    await page.getByLabel('Bron: politiekorps of plaats (optioneel)').fill('e2e-disparity');
    await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
      name: 'stop-and-search.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${HEADER}\n${stops()}\n`),
    });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('De controles zijn geïmporteerd.').waitFor({ timeout: 30_000 });
    await context.close();
  });

  it('adds controls per 1,000 residents and the ratio from an uploaded table, line errors first', async () => {
    const { context, page } = await signedInPage(browser, 'demo.hr');
    await page.goto(url('/controles/cijfers'));
    const groups = page.getByRole('table', { name: 'Verschillen tussen groepen' });
    await groups.waitFor({ timeout: 30_000 });
    expect(
      await groups.getByRole('columnheader', { name: 'Controles per 1.000 inwoners' }).count(),
    ).toBe(0);

    const file = page.getByLabel('Bestand met inwoners per groep (CSV) (verplicht)');
    const use = page.getByRole('button', { name: 'Inwoners gebruiken' });
    await file.setInputFiles({
      name: 'inwoners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('group,residents\nWhite,800000\nBlack,veel\nWhite,12\n'),
    });
    await use.click();
    const summary = page.getByRole('alert').filter({ hasText: 'er is niets gebruikt' });
    await summary.waitFor();
    const problems = page.getByRole('table', { name: 'Fouten in het inwonersbestand, per regel' });
    expect(await problems.getByRole('row').filter({ hasText: 'heel getal boven 0' }).count()).toBe(
      1,
    );
    expect(await problems.getByRole('row').filter({ hasText: 'eerdere regel' }).count()).toBe(1);
    await expectAccessible(page, 'residents file with bad lines, 1280 px');

    await file.setInputFiles({
      name: 'inwoners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('groep;inwoners\nWhite;800.000\nBlack;120.000\n'),
    });
    await use.click();
    await page.getByText('Inwoners uit inwoners.csv (2 groepen) zijn meegerekend.').waitFor();
    await groups.getByRole('columnheader', { name: 'Controles per 1.000 inwoners' }).waitFor();
    const black = groups.getByRole('row').filter({ hasText: /^Black/ });
    // Residents, the rate per 1,000 and the ratio to White with its interval.
    expect(await black.textContent()).toMatch(/120\.000.*\d+,\d{2} \(\d+,\d{2}–\d+,\d{2}\)/);
    await expectAccessible(page, 'disparity with residents, 1280 px');

    await page.getByRole('button', { name: 'Inwoners weglaten' }).click();
    await groups.getByRole('columnheader', { name: 'Controles per 1.000 inwoners' }).waitFor({
      state: 'detached',
    });
    await context.close();
  });
});
