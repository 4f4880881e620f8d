/**
 * People analytics and the monitor's remaining pages in the browser: an HR analyst uploads a file
 * of HR indicators with bad rows (every problem by line, column and reason; nothing written),
 * then a good one; unit leadership reads the "needs attention" list of its unit with every
 * component and weight, and a team's trend lines as charts with tables; a report downloads as
 * CSV and XLSX; the create page shows the installation's anonymity rules and a draft wave lets
 * its manager change its own copy. axe-core (WCAG 2.2 AA) on every state.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, launch, settled, signedInPage, url } from './harness.ts';

interface TeamRow {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  memberCount: number;
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
  expect(found, found).toBe('');
}

/** `YYYY-MM` of this month and the `n - 1` before it, oldest first (the server refuses later). */
function lastMonths(n: number): string[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1))
      .toISOString()
      .slice(0, 7),
  );
}

const HEADER =
  'team_code,month,absenteeism_pct,absence_frequency,turnover_pct,overtime_hours,vacancies,integrity_reports';

describe('people analytics', () => {
  let hr: { context: BrowserContext; page: Page };
  let team: TeamRow;

  beforeAll(async () => {
    hr = await signedInPage(browser, 'demo.hr');
    const teams = (await (
      await hr.context.request.get(url('/api/v1/teams?q=Burgwallen&pageSize=5'))
    ).json()) as { items: TeamRow[] };
    team = teams.items[0]!;
    expect(team.memberCount).toBeGreaterThanOrEqual(5);
  });
  afterAll(async () => {
    await hr.context.close();
  });

  const upload = async (page: Page, name: string, csv: string) => {
    await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'HR-cijfers inlezen', exact: true }).click();
  };

  it('an HR analyst uploads HR indicators: bad rows by line, column and reason, then a good file', async () => {
    const { page } = hr;
    await page.goto(url('/teammonitor/aandacht'));
    await page.getByRole('heading', { level: 1, name: 'Aandacht nodig' }).waitFor();
    await page.getByRole('link', { name: 'HR-cijfers per team inlezen (CSV)' }).click();
    await page.getByRole('heading', { level: 1, name: 'HR-cijfers inlezen' }).waitFor();
    await expectAccessible(page, 'HR-indicator import page');

    // No file: the error summary takes the focus.
    await page.getByRole('button', { name: 'HR-cijfers inlezen', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is 1 fout in het formulier' }).waitFor();

    const [m1, m2, m3] = lastMonths(3) as [string, string, string];
    await upload(
      page,
      'fout.csv',
      [
        HEADER,
        `${team.code},${m1},4,1,1,6,0,0`,
        `GEEN-TEAM,${m1},4,1,1,6,0,0`,
        `${team.code},2024-13,abc,1,1,6,0,0.5`,
      ].join('\n'),
    );
    const issues = page.getByRole('table', { name: 'Fouten in het bestand, per regel en kolom' });
    await issues.waitFor();
    await page.getByText('Er is niets ingelezen: 2 regels hebben een fout.').waitFor();
    const rows = async () =>
      (await issues.getByRole('row').all()).slice(1).map(async (r) => {
        const cells = await r.getByRole('cell').allTextContents();
        return cells.slice(0, 3).join(' | ');
      });
    expect(await Promise.all(await rows())).toEqual([
      '3 | team_code | Er is geen team met deze code.',
      '4 | month | Geen maand in de vorm JJJJ-MM.',
      '4 | absenteeism_pct | Geen getal (gebruik 4,5 of 4.5; geen minteken).',
      '4 | integrity_reports | Moet een heel getal zijn.',
    ]);
    // The result heading takes the focus, so a screen reader hears the outcome.
    expect(await page.evaluate(() => document.activeElement?.textContent.trim() ?? '')).toBe(
      'Resultaat',
    );
    await expectAccessible(page, 'HR-indicator import with bad rows');

    // High absence and integrity reports for the team: it should come out on top below.
    await upload(
      page,
      'goed.csv',
      [
        HEADER,
        `${team.code},${m1},11,3,2,25,3,1`,
        `${team.code},${m2},"12,5",3,2,25,3,1`,
        `${team.code},${m3},13,3,2,25,3,1`,
      ].join('\n'),
    );
    await page.getByText(`De HR-cijfers van ${m1} tot en met ${m3} zijn ingelezen.`).waitFor();
    await expectAccessible(page, 'HR-indicator import done');
  });

  it('unit leadership reads who needs attention, why, and the trend lines', async () => {
    const leader = await signedInPage(browser, 'demo.eenheid');
    const { page } = leader;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Teammonitor' })
      .click();
    await page
      .getByRole('link', { name: 'Aandacht nodig: teams met HR-cijfers en teammonitor' })
      .click();
    await page.getByRole('link', { name: `Aandacht nodig in ${team.unitName}` }).click();
    await page
      .getByRole('heading', { level: 1, name: `Aandacht nodig: ${team.unitName}` })
      .waitFor();
    const list = page.getByRole('table', {
      name: `Teams in ${team.unitName} op volgorde van score`,
    });
    const first = list
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: team.name, exact: true }) });
    // The reasons say which component counts how much: absence 11, 12,5 and 13 % average 12,2 %.
    await first.getByText(/^Ziekteverzuim .*: 12,2 % \(telt 2,00\)$/).waitFor();
    await first.getByText(/^Integriteitsmeldingen .*: 3 \(telt 2,00\)$/).waitFor();
    // Sorted by score, highest first.
    const scores = (await list.getByRole('row').all()).slice(1).map(async (r) => {
      const text = (await r.getByRole('cell').nth(1).textContent()) ?? '';
      return Number(text.split(' van ')[0]!.replace(',', '.'));
    });
    const values = await Promise.all(scores);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Every weight is documented on the page.
    const weights = page.getByRole('table', {
      name: 'Onderdelen, drempels en gewichten van de score',
    });
    expect(await weights.getByRole('row').count()).toBe(11);
    await expectAccessible(page, 'needs attention in a unit');

    await first.getByRole('button', { name: `Details van ${team.name}` }).click();
    const details = page.getByRole('heading', {
      level: 2,
      name: `${team.name}: onderdelen en trends`,
    });
    await details.waitFor();
    expect(await details.evaluate((el) => el === document.activeElement)).toBe(true);
    const components = page.getByRole('table', {
      name: `Onderdelen van de score van ${team.name}`,
    });
    const absence = components.getByRole('row').filter({ hasText: 'Ziekteverzuim' });
    await absence.getByText('vanaf 6,0 %, volledig bij 10,0 %').waitFor();
    // Trend lines: an SVG chart per indicator with its text summary, and the table behind it.
    const chart = page.getByRole('img', { name: /^Lijngrafiek: Ziekteverzuim \(%\)/ });
    await chart.waitFor();
    const scaleChart = page.getByRole('img', { name: /^Lijngrafiek: Aandeel gunstig per thema/ });
    await scaleChart.waitFor();
    await page.getByText('Toon als tabel: Ziekteverzuim (%)').click();
    const table = page.getByRole('table', { name: 'Ziekteverzuim (%)' });
    await table.getByRole('cell', { name: '12,5 %' }).waitFor();
    await expectAccessible(page, 'needs attention: a team with its trend lines');
    await leader.context.close();
  });
});

describe('the team monitor’s report downloads and anonymity rules', () => {
  let hr: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    hr = await signedInPage(browser, 'demo.hr');
  });
  afterAll(async () => {
    await hr.context.close();
  });

  it('a report downloads as CSV and XLSX, as the screen shows it', async () => {
    const { page } = hr;
    await page.goto(url('/teammonitor'));
    await page.getByRole('link', { name: 'Teammonitor MEMO 2025' }).click();
    await page.getByRole('link', { name: 'Landelijke resultaten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Downloaden' }).waitFor();
    for (const [label, type] of [
      ['Download als CSV', /text\/csv/],
      ['Download als Excel (XLSX)', /spreadsheetml/],
    ] as const) {
      const href = await page.getByRole('link', { name: label }).getAttribute('href');
      const res = await hr.context.request.get(url(href!));
      expect(res.status(), href!).toBe(200);
      expect(res.headers()['content-type']).toMatch(type);
    }
  });

  it('the create page shows the installation’s rules; a draft wave changes its own copy', async () => {
    const { page } = hr;
    await page.goto(url('/teammonitor/nieuw'));
    const rules = page.getByRole('region', { name: 'Anonimiteitsregels' });
    await rules.getByText('5 personen').waitFor();
    await rules.getByText('10 personen').waitFor();

    const session = (await (await hr.context.request.get(url('/api/v1/session'))).json()) as {
      csrfToken: string;
    };
    const units = (await (await hr.context.request.get(url('/api/v1/units'))).json()) as {
      items: { id: string }[];
    };
    const today = new Date().toISOString().slice(0, 10);
    const draft = (await (
      await hr.context.request.post(url('/api/v1/survey/waves'), {
        headers: { 'x-csrf-token': session.csrfToken },
        data: {
          name: `Concept regels ${String(Date.now())}`,
          instrumentKey: 'weerbaarheid',
          units: [{ unitId: units.items[0]!.id, opensOn: today, closesOn: today }],
        },
      })
    ).json()) as { id: string };
    await page.goto(url(`/teammonitor/${draft.id}`));
    const form = page.getByRole('region', { name: 'Anonimiteitsregels van deze ronde' });
    const k = form.getByRole('textbox', { name: 'Kleinste groep met cijfers (verplicht)' });
    const open = form.getByRole('textbox', {
      name: 'Kleinste groep met open antwoorden (verplicht)',
    });
    expect(await k.inputValue()).toBe('5');
    // Open answers may not come from groups smaller than those with figures.
    await k.fill('12');
    await form.getByRole('button', { name: 'Regels opslaan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Er is 1 fout in het formulier' }).waitFor();
    await form.getByText('Vul een heel getal in van 12 tot en met 1000.').first().waitFor();
    await expectAccessible(page, 'a draft wave with errors in its rules');
    await open.fill('15');
    await form.getByRole('button', { name: 'Regels opslaan' }).click();
    await form.getByText('De regels van deze ronde zijn opgeslagen.').waitFor();
    await page.getByText(/^cijfers vanaf 12 respondenten; open antwoorden vanaf 15/).waitFor();
    const saved = (await (
      await hr.context.request.get(url(`/api/v1/survey/waves/${draft.id}`))
    ).json()) as { rules: unknown };
    expect(saved.rules).toEqual({ minGroupSize: 12, minOpenAnswerGroupSize: 15 });
  });
});
