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
import { launch, newPage, signIn, url } from './harness.ts';
import { apiOf, expectAccessible, open, type TeamRow, type Wave } from './accessibility-support.ts';
import { controlsAccessibility } from './accessibility-controls.ts';

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

    for (const path of [
      '/inloggen',
      '/toegankelijkheid',
      '/privacy',
      '/bestaat-niet',
      '/vragenlijst',
      `/vragenlijst#${'x'.repeat(43)}`,
    ]) {
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
    const ids = { unit: '', district: '', team: '', wave: '' };
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
      const waves = await get<{ items: Wave[] }>('/survey/waves');
      ids.wave = waves.items.find((w) => w.name === 'Teammonitor MEMO 2025')!.id;
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
      ['/teammonitor', () => '/teammonitor'],
      ['/teammonitor/nieuw', () => '/teammonitor/nieuw'],
      ['a closed wave', () => `/teammonitor/${ids.wave}`],
      ['/beheer/uitgaande-mail', () => '/beheer/uitgaande-mail'],
      ['/controles/importeren', () => '/controles/importeren'],
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

    it('/teammonitor/nieuw with the error summary and a second unit', async () => {
      await open(page, '/teammonitor/nieuw');
      await page.getByRole('button', { name: 'Nog een eenheid toevoegen' }).click();
      await page.getByRole('combobox', { name: 'Eenheid (verplicht)' }).first().selectOption({
        index: 1,
      });
      await page.getByRole('button', { name: 'Concept aanmaken' }).click();
      await page.getByRole('alert').filter({ hasText: 'fouten in het formulier' }).waitFor();
      await expectAccessible(page, `/teammonitor/nieuw (errors) at ${size}`);
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

    it("the team's plans with the form to agree one, and its errors", async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.teamchef');
      const api = await apiOf(context);
      const session = await api.get<{ activeGrant: { scopeId: string } }>('/session');
      await open(page, `/teammonitor/teams/${session.activeGrant.scopeId}/plannen`);
      const form = page.getByRole('region', { name: 'Plan van aanpak vastleggen' });
      await form
        .getByRole('combobox', { name: 'Ronde (verplicht)' })
        .selectOption({ label: 'Teammonitor MEMO 2025' });
      await form.getByRole('checkbox').first().waitFor();
      await expectAccessible(page, `team plans with the form (teamchef) at ${size}`);
      await form.getByRole('button', { name: 'Plan vastleggen' }).click();
      await form.getByRole('alert').filter({ hasText: 'in het formulier' }).waitFor();
      await expectAccessible(page, `team plans with errors (teamchef) at ${size}`);
      await context.close();
    });
  });

  controlsAccessibility(viewport, () => browser);

  describe(`team monitor reports (HR analyst, national), ${size}`, () => {
    let context: BrowserContext;
    let page: Page;
    const ids = { wave: '', unit: '', district: '', team: '' };
    beforeAll(async () => {
      ({ context, page } = await newPage(browser, viewport));
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.hr');
      const api = await apiOf(context);
      const waves = await api.get<{ items: Wave[] }>('/survey/waves');
      ids.wave = waves.items.find((w) => w.name === 'Teammonitor MEMO 2025')!.id;
      const teams = await api.get<{ items: TeamRow[] }>('/teams?q=Burgwallen');
      const team = teams.items[0]!;
      Object.assign(ids, { unit: team.unitId, district: team.districtId, team: team.id });
    });
    afterAll(async () => {
      await context.close();
    });

    const routes: [string, () => string][] = [
      ['a closed wave with its results link', () => `/teammonitor/${ids.wave}`],
      [
        'the national report (units heatmap, background)',
        () => `/teammonitor/${ids.wave}/landelijk`,
      ],
      [
        'a unit report (hidden background cells)',
        () => `/teammonitor/${ids.wave}/eenheden/${ids.unit}`,
      ],
      ['a district report', () => `/teammonitor/${ids.wave}/districten/${ids.district}`],
      ['a team report (items, open answers)', () => `/teammonitor/${ids.wave}/teams/${ids.team}`],
      ['the national plans overview', () => '/teammonitor/plannen'],
      ['a unit plans overview', () => `/teammonitor/plannen/eenheden/${ids.unit}`],
      ["a team's plans and risks (read only)", () => `/teammonitor/teams/${ids.team}/plannen`],
      ['needs attention: the choice of units', () => '/teammonitor/aandacht'],
      ['needs attention in a unit', () => `/teammonitor/aandacht/eenheden/${ids.unit}`],
      ['needs attention in a district', () => `/teammonitor/aandacht/districten/${ids.district}`],
      ['the HR-indicator import', () => '/teammonitor/hr-indicatoren'],
      ["a team's reflection on controls", () => `/controles/teams/${ids.team}/reflectie`],
      ["a team's training and outreach", () => `/controles/teams/${ids.team}/vorming`],
      ['a unit’s training and outreach coverage', () => `/controles/dekking/eenheden/${ids.unit}`],
      [
        'a district’s training and outreach coverage',
        () => `/controles/dekking/districten/${ids.district}`,
      ],
    ];
    for (const [name, path] of routes) {
      it(name, async () => {
        await open(page, path());
        await expectAccessible(page, `${name} (${path()}) at ${size}`);
      });
    }

    it('needs attention: a team with its components and trend lines, as charts and tables', async () => {
      await open(page, `/teammonitor/aandacht/eenheden/${ids.unit}`);
      await page
        .getByRole('button', { name: /^Details van / })
        .first()
        .click();
      await page.getByRole('heading', { level: 2, name: /: onderdelen en trends$/ }).waitFor();
      for (const summary of await page.locator('.pvi-trend__table summary').all())
        await summary.click();
      await expectAccessible(page, `needs attention with a team's trends at ${size}`);
    });

    it('the HR-indicator import with a report of bad rows', async () => {
      await open(page, '/teammonitor/hr-indicatoren');
      await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
        name: 'hr.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'team_code,month,absenteeism_pct,absence_frequency,turnover_pct,overtime_hours,vacancies,integrity_reports\nGEEN-TEAM,2020-01,abc,,,,,\n',
        ),
      });
      await page.getByRole('button', { name: 'HR-cijfers inlezen', exact: true }).click();
      await page
        .getByRole('table', { name: 'Fouten in het bestand, per regel en kolom' })
        .waitFor();
      await expectAccessible(page, `HR-indicator import (report) at ${size}`);
    });

    it('a team report in English', async () => {
      await open(page, `/teammonitor/${ids.wave}/teams/${ids.team}`);
      await page.getByRole('button', { name: /^English/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Results per theme' }).waitFor();
      await expectAccessible(page, `team report (English) at ${size}`);
      await page.getByRole('button', { name: /^Nederlands/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Uitkomsten per thema' }).waitFor();
    });
  });

  describe(`team monitor: an open wave, a team link, the questionnaire, a hidden team, ${size}`, () => {
    let hr: { context: BrowserContext; page: Page };
    let api: Awaited<ReturnType<typeof apiOf>>;
    let wave: Wave;
    let team: TeamRow;
    let link = '';
    beforeAll(async () => {
      hr = await newPage(browser, viewport);
      await hr.page.goto(url('/inloggen'));
      await signIn(hr.page, 'demo.hr');
      api = await apiOf(hr.context);
      // A small team outside Amsterdam (where the other monitor tests work), for a wave of its own.
      const teams = await api.get<{ items: TeamRow[] }>('/teams?pageSize=500');
      team = teams.items
        .filter((t) => t.memberCount >= 2 && t.unitName !== 'Eenheid Amsterdam')
        .sort((a, b) => a.memberCount - b.memberCount)[0]!;
      const today = new Date().toISOString().slice(0, 10);
      const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      wave = await api.post<Wave>('/survey/waves', {
        name: `Toegankelijkheid ${size} ${String(Date.now())}`,
        instrumentKey: 'weerbaarheid',
        units: [{ unitId: team.unitId, opensOn: today, closesOn: inAWeek }],
        teamIds: [team.id],
      });
      await api.post(`/survey/waves/${wave.id}/open`);
    });
    afterAll(async () => {
      await hr.context.close();
    });

    it('a draft wave with the form for its anonymity rules', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const draft = await api.post<Wave>('/survey/waves', {
        name: `Concept ${size} ${String(Date.now())}`,
        instrumentKey: 'weerbaarheid',
        units: [{ unitId: team.unitId, opensOn: today, closesOn: today }],
        teamIds: [team.id],
      });
      await open(hr.page, `/teammonitor/${draft.id}`);
      await hr.page
        .getByRole('heading', { level: 2, name: 'Anonimiteitsregels van deze ronde' })
        .waitFor();
      await expectAccessible(hr.page, `draft wave with its rules at ${size}`);
    });

    it('an open wave: managing, and a team link with its QR code', async () => {
      await open(hr.page, `/teammonitor/${wave.id}`);
      await hr.page.getByRole('heading', { level: 2, name: 'Ronde beheren' }).waitFor();
      await expectAccessible(hr.page, `open wave at ${size}`);
      await hr.page.getByRole('combobox', { name: 'Team (verplicht)' }).selectOption({
        value: team.id,
      });
      await hr.page.getByRole('button', { name: 'Teamlink maken' }).click();
      const qr = hr.page.getByRole('img', {
        name: `QR-code met de link naar de vragenlijst van ${team.name}`,
      });
      await qr.waitFor();
      link = (await hr.page.locator('.pvi-team-link__url').textContent())!;
      expect(link).toMatch(/\/vragenlijst#[A-Za-z0-9_-]{20,}$/);
      await expectAccessible(hr.page, `open wave with a team link at ${size}`);
    });

    it('the questionnaire: a page of questions, the review and the thank-you', async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(url(`/vragenlijst#${link.split('#')[1]!}`));
      await page.getByText('Pagina 1 van 2').waitFor();
      await page
        .getByRole('group')
        .first()
        .getByRole('radio', { name: 'Eens', exact: true })
        .check();
      await expectAccessible(page, `questionnaire page 1 at ${size}`);
      await page.getByRole('button', { name: 'Volgende' }).click();
      await page.getByRole('textbox').fill('Meer tijd om samen na te praten.');
      await page.getByRole('button', { name: 'Naar controleren' }).click();
      await page.getByRole('heading', { level: 2, name: 'Controleren en versturen' }).waitFor();
      await expectAccessible(page, `questionnaire review at ${size}`);
      await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
      await page.getByRole('heading', { level: 2, name: 'Bedankt!' }).waitFor();
      await expectAccessible(page, `questionnaire thank-you at ${size}`);
      await context.close();
    });

    it('the closed wave: the team is too small, so its report is the conversation kit', async () => {
      await api.post(`/survey/waves/${wave.id}/close`);
      await open(hr.page, `/teammonitor/${wave.id}/teams/${team.id}`);
      await hr.page.getByRole('heading', { level: 2, name: 'Gesprekskaart' }).waitFor();
      await expectAccessible(hr.page, `hidden team report at ${size}`);
    });

    it('the outbox with a message opened', async () => {
      const { context, page } = await newPage(browser, viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.beheerder');
      await open(page, '/beheer/uitgaande-mail');
      const first = page.locator('details').first();
      if ((await first.count()) > 0) {
        await first.locator('summary').click();
        await first.locator('pre').waitFor();
      }
      await expectAccessible(page, `/beheer/uitgaande-mail (message open) at ${size}`);
      await context.close();
    });
  });
}
