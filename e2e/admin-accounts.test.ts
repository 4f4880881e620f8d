/**
 * Granting a role as administrator (/beheer/accounts): the list of accounts, a new account through
 * the "Nieuw account" form, a role with a scope chosen step by step (unit → district → team), and
 * the new account signing in with that role.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, signedInPage, signIn, url } from './harness.ts';

interface Team {
  id: string;
  name: string;
  unitName: string;
  districtName: string | null;
  memberCount: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('accounts and roles', () => {
  it('creates an account, grants it a team role, and the account works with it', async () => {
    const { context, page } = await signedInPage(browser, 'demo.beheerder');
    // The team to grant: the demo teamchef's team, from the API.
    const teams = (await (
      await context.request.get(url('/api/v1/teams?q=Burgwallen&pageSize=5'))
    ).json()) as { items: Team[] };
    const team = teams.items[0]!;
    expect(team.districtName).toBeTruthy();

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Accounts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();

    // The list: every demo account, with its roles.
    const list = page.getByRole('table', { name: 'Alle accounts' });
    await list.waitFor();
    const usernames = await list
      .locator('tbody tr td:first-child .pvi-account-name')
      .allTextContents();
    expect(usernames).toEqual(expect.arrayContaining(['demo.beheerder', 'demo.teamchef']));
    const teamchefRow = list.getByRole('row').filter({ hasText: 'demo.teamchef' });
    expect(await teamchefRow.textContent()).toContain(`teamchef — ${team.name}`);

    // A new account with a password.
    const username = `e2e.${randomBytes(4).toString('hex')}`;
    const password = `e2e-${randomBytes(8).toString('hex')}`;
    const form = page.getByRole('region', { name: 'Nieuw account' });
    // Empty form: the error summary, focused.
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    const summary = form
      .getByRole('alert')
      .filter({ hasText: 'Er zijn 2 fouten in het formulier' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);

    await form.getByRole('textbox', { name: 'Gebruikersnaam (verplicht)' }).fill(username);
    await form.getByLabel('Wachtwoord (verplicht)').fill(password);
    await form
      .getByRole('textbox', { name: 'Naam die de gebruiker ziet (optioneel)' })
      .fill('E2E Teamchef');
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByText(`Account ${username} is aangemaakt. Ken hieronder een rol toe.`).waitFor();

    // The account's panel opens, focused on its heading; no role yet.
    const panel = page.getByRole('region', { name: `Account ${username}` });
    const heading = panel.getByRole('heading', { level: 2, name: `Account ${username}` });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.getByText('Dit account heeft geen rol en kan dus niets inzien.').waitFor();

    // Grant: nothing chosen → errors; then role and scope step by step.
    const grant = panel.getByRole('region', { name: 'Rol toekennen' });
    await grant.getByRole('button', { name: 'Rol toekennen' }).click();
    await grant
      .getByRole('alert')
      .filter({ hasText: 'Er zijn 2 fouten in het formulier' })
      .waitFor();
    await grant.getByText('Kies een rol.').first().waitFor();

    await grant
      .getByRole('combobox', { name: 'Rol (verplicht)' })
      .selectOption({ label: 'teamchef' });
    await grant
      .getByRole('combobox', { name: 'Voor welk deel van de organisatie (verplicht)' })
      .selectOption({ label: 'team' });
    const unit = grant.getByRole('combobox', { name: 'Eenheid (verplicht)' });
    await unit.locator('option', { hasText: team.unitName }).waitFor({ state: 'attached' });
    await unit.selectOption({ label: team.unitName });
    const district = grant.getByRole('combobox', { name: 'District (verplicht)' });
    await district
      .locator('option', { hasText: team.districtName! })
      .waitFor({ state: 'attached' });
    await district.selectOption({ label: team.districtName! });
    const teamSelect = grant.getByRole('combobox', { name: 'Team (verplicht)' });
    await teamSelect.locator('option', { hasText: team.name }).waitFor({ state: 'attached' });
    await teamSelect.selectOption({ label: team.name });
    await grant.getByRole('button', { name: 'Rol toekennen' }).click();

    await panel.getByText(`De rol teamchef voor ${team.name} is toegekend.`).waitFor();
    await panel
      .getByRole('listitem')
      .filter({ hasText: `teamchef — ${team.name}` })
      .waitFor();
    // The list shows it too.
    await list
      .getByRole('row')
      .filter({ hasText: username })
      .filter({ hasText: `teamchef — ${team.name}` })
      .waitFor();

    // The same grant again is refused in words.
    await grant
      .getByRole('combobox', { name: 'Rol (verplicht)' })
      .selectOption({ label: 'teamchef' });
    await grant
      .getByRole('combobox', { name: 'Voor welk deel van de organisatie (verplicht)' })
      .selectOption({ label: 'team' });
    await unit.selectOption({ label: team.unitName });
    await district
      .locator('option', { hasText: team.districtName! })
      .waitFor({ state: 'attached' });
    await district.selectOption({ label: team.districtName! });
    await teamSelect.locator('option', { hasText: team.name }).waitFor({ state: 'attached' });
    await teamSelect.selectOption({ label: team.name });
    await grant.getByRole('button', { name: 'Rol toekennen' }).click();
    await grant
      .getByText('Dit account heeft deze rol voor dit deel van de organisatie al.')
      .waitFor();
    await context.close();

    // The new account signs in and works as teamchef of that team: it sees the member names.
    const second = await newPage(browser);
    await second.page.goto(url('/inloggen'));
    await signIn(second.page, username, password);
    await second.page.getByRole('heading', { level: 1, name: 'Welkom, E2E Teamchef' }).waitFor();
    await second.page.getByText(`U werkt nu als teamchef voor ${team.name}.`).waitFor();
    await second.page.getByRole('link', { name: team.name }).first().click();
    const members = second.page.getByRole('table', { name: `Leden van ${team.name}` });
    await members.waitFor();
    expect(await members.getByRole('row').count()).toBe(team.memberCount + 1);
    await second.context.close();
  });
});
