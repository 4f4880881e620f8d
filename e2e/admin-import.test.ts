/**
 * Importing a people file with one bad row (/beheer/import): choose "Medewerkers", choose the
 * file, follow the progress bar, and read the line number and reason of the bad row; nothing is
 * stored. The corrected file then imports.
 */
import { randomInt } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, signedInPage, url } from './harness.ts';

interface Team {
  id: string;
  code: string;
  name: string;
  memberCount: number;
}

const HEADER =
  'employee_number,given_name,family_name,birth_year,employed_since,email,team_code,role,valid_from,valid_to';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('import', () => {
  it('reports the one bad row of a people file by line number, stores nothing, then imports', async () => {
    const { context, page } = await signedInPage(browser, 'demo.beheerder');
    // A team no other browser test counts the members of: the first team of the last unit.
    const api = async <T>(path: string) =>
      (await (await context.request.get(url(`/api/v1${path}`))).json()) as T;
    const units = await api<{ items: { id: string }[] }>('/units?pageSize=100');
    const unitId = units.items.at(-1)!.id;
    const team = (await api<{ items: Team[] }>(`/teams?unitId=${unitId}&pageSize=1`)).items[0]!;
    const members = async () => (await api<Team>(`/teams/${team.id}`)).memberCount;
    const before = await members();

    const base = 8_000_000 + randomInt(900_000);
    const good = (n: number, name: string) =>
      `${base + n},${name},Testpersoon,1990,2015-03-01,,${team.code},lid,2024-01-01,`;
    const bad = [
      HEADER,
      good(1, 'Anouk'),
      // Line 3: a role that does not exist.
      `${base + 2},Bas,Testpersoon,1991,2016-04-01,,${team.code},baas,2024-01-01,`,
      good(3, 'Carmen'),
    ].join('\n');

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Importeren' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Importeren' }).waitFor();

    // Nothing chosen: the error summary names both fields.
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: 'Er zijn 2 fouten in het formulier' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Kies wat u importeert.',
      'Kies een CSV-bestand.',
    ]);

    const kind = page.getByRole('group', { name: /Wat importeert u\?/ });
    expect(await kind.getByRole('radio').count()).toBe(2);
    await kind.getByRole('radio', { name: 'Organisatie: eenheden, districten en teams' }).waitFor();
    await kind.getByRole('radio', { name: 'Medewerkers en hun teams' }).check();
    await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
      name: 'medewerkers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad, 'utf8'),
    });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();

    // The progress bar shows while the import runs.
    await page.getByRole('progressbar', { name: 'Voortgang van de import' }).waitFor();

    // The outcome: focus on its heading, one error, and a table of line + reason.
    const result = page.getByRole('region', { name: 'Resultaat' });
    await result.waitFor({ timeout: 30_000 });
    const heading = result.getByRole('heading', { level: 2, name: 'Resultaat' });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await result
      .getByText(
        'Het bestand bevat 1 fout. Er is niets opgeslagen. Verbeter de regel hieronder en importeer het bestand opnieuw.',
      )
      .waitFor();
    const problems = result.getByRole('table', { name: 'Fouten in het bestand, per regel' });
    expect(await problems.getByRole('columnheader').allTextContents()).toEqual([
      'Regel',
      'Fout (in het Engels)',
    ]);
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().getByRole('cell').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]!.toLowerCase()).toContain('role');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    // All or nothing: the two good rows were not stored either.
    expect(await members()).toBe(before);

    // The corrected file imports: three new members.
    const fixed = [HEADER, good(1, 'Anouk'), good(2, 'Bas'), good(3, 'Carmen')].join('\n');
    await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
      name: 'medewerkers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixed, 'utf8'),
    });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('De medewerkers zijn geïmporteerd.').waitFor({ timeout: 30_000 });
    expect(await members()).toBe(before + 3);
    await context.close();
  });
});
