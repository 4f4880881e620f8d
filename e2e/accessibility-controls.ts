/** The professional-controls pages in the accessibility suite (see accessibility.ts). */
import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import { newPage, signIn, url } from './harness.ts';
import { apiOf, expectAccessible, open } from './accessibility-support.ts';

export function controlsAccessibility(
  viewport: { width: number; height: number },
  getBrowser: () => Browser,
) {
  const size = `${viewport.width}×${viewport.height}`;
  describe(`controls follow-up as teamchef: the forms and their errors, ${size}`, () => {
    it("the team's reflection page with the session form's errors", async () => {
      const { context, page } = await newPage(getBrowser(), viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.teamchef');
      const api = await apiOf(context);
      const session = await api.get<{ activeGrant: { scopeId: string } }>('/session');
      const team = session.activeGrant.scopeId;
      await open(page, `/controles/teams/${team}/reflectie`);
      await page.getByRole('heading', { level: 2, name: 'Gespreksvragen' }).waitFor();
      await expectAccessible(page, `reflection (teamchef) at ${size}`);
      const form = page.getByRole('region', { name: 'Reflectiesessie vastleggen' });
      await form.getByRole('button', { name: 'Sessie vastleggen' }).click();
      await form.getByRole('alert').filter({ hasText: 'in het formulier' }).waitFor();
      await expectAccessible(page, `reflection with errors (teamchef) at ${size}`);
      await open(page, `/controles/teams/${team}/vorming`);
      await page.getByRole('heading', { level: 2, name: /^Ambassadeurs en IBT/ }).waitFor();
      await expectAccessible(page, `training and outreach with forms (teamchef) at ${size}`);
      await context.close();
    });
  });

  describe(`professional controls (team chief, unit leadership), ${size}`, () => {
    it('the registration form, empty and with its error summary', async () => {
      const { context, page } = await newPage(getBrowser(), viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.teamchef');
      await open(page, '/controles/registreren');
      await page
        .getByRole('combobox', { name: 'Gemeente (optioneel)' })
        .locator('option')
        .nth(1)
        .waitFor({ state: 'attached' });
      await expectAccessible(page, `/controles/registreren at ${size}`);
      await page.getByRole('button', { name: 'Registreren', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'in het formulier' }).waitFor();
      await expectAccessible(page, `/controles/registreren (errors) at ${size}`);
      await open(page, '/controles/cijfers');
      await page
        .getByRole('heading', { level: 2, name: 'Niet meegeteld' })
        .waitFor({ timeout: 30_000 });
      await expectAccessible(page, `/controles/cijfers (team) at ${size}`);
      await context.close();
    });

    it('the figures of a unit', async () => {
      const { context, page } = await newPage(getBrowser(), viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.eenheid');
      await open(page, '/controles/cijfers');
      await page
        .getByRole('heading', { level: 2, name: 'Niet meegeteld' })
        .waitFor({ timeout: 30_000 });
      await expectAccessible(page, `/controles/cijfers (unit) at ${size}`);
      await context.close();
    });

    it('/controles/importeren with a report of bad rows', async () => {
      const { context, page } = await newPage(getBrowser(), viewport);
      await page.goto(url('/inloggen'));
      await signIn(page, 'demo.beheerder');
      await open(page, '/controles/importeren');
      await page.getByRole('radio', { name: 'police.uk stop and search' }).check();
      await page
        .getByLabel('Bron: politiekorps of plaats (optioneel)')
        .fill(`toegankelijkheid-${viewport.width}`);
      await page.getByLabel('CSV-bestand (verplicht)').setInputFiles({
        name: 'stop-and-search.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n' +
            `Person search,2026-02-01T10:00:00+00:00,,,51.5,-0.09,Male,18-24,,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs ${viewport.width} ${Date.now()},Arrest,True,False\n` +
            `Spaceship search,2026-02-31T10:00:00+00:00,,,51.5,-0.09,Male,18-24,,White,,,Arrest,True,False\n`,
        ),
      });
      await page.getByRole('button', { name: 'Importeren', exact: true }).click();
      await page
        .getByRole('table', { name: 'Fouten in het bestand, per regel' })
        .waitFor({ timeout: 30_000 });
      await expectAccessible(page, `/controles/importeren (report) at ${size}`);
      await context.close();
    });
  });
}
