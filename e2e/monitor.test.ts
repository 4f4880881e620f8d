/**
 * The team monitor from start to end in the browser: an HR analyst creates a wave for one
 * district and opens it; the administrator reads two invitation links in the outbox (mail is held
 * without SMTP); two colleagues answer on a phone, one in Dutch (stopping halfway and coming back)
 * and one in English; a reminder goes only to those who have not answered; the wave closes; the
 * team chief reads the team's report, which is too small to show figures and gives the
 * conversation kit instead.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, launch, newPage, settled, signedInPage, url } from './harness.ts';

const PHONE = { width: 360, height: 740 } as const;
const WAVE = `E2E teammonitor ${randomBytes(3).toString('hex')}`;
// The server decides "today" in UTC; so do the dates of the wave.
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

interface Team {
  id: string;
  name: string;
  unitName: string;
  districtName: string | null;
}
interface Mail {
  recipient: string;
  subject: string;
  kind: string;
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

/** The confirm-button pattern: the action, then "yes" in the question that appears. */
async function confirm(page: Page, action: string, yes: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('button', { name: yes, exact: true }).click();
}

/** Opens the outbox, shows invitations only, and reads `count` links of this wave's mail. */
async function readInvitations(page: Page, count: number) {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Uitgaande mail' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Uitgaande mail' }).waitFor();
  await page
    .getByRole('combobox', { name: 'Soort mail (optioneel)' })
    .selectOption({ label: 'Uitnodiging teammonitor' });
  await page.getByRole('heading', { level: 2, name: 'Uitnodiging teammonitor' }).waitFor();
  const found: { to: string; secret: string }[] = [];
  // Newest first; other tests may send mail too, so page on until this wave's mail shows.
  for (let pages = 0; found.length < count && pages < 20; pages++) {
    const table = page.getByRole('table', { name: 'Uitgaande mail, nieuwste eerst' });
    await table.waitFor();
    const rows = table.getByRole('row').filter({ hasText: `Uitnodiging: ${WAVE}` });
    for (let i = 0; i < (await rows.count()) && found.length < count; i++) {
      const row = rows.nth(i);
      // The body is in a details element: closed at first, opened by its summary.
      const body = row.locator('pre');
      expect(await body.isVisible()).toBe(false);
      await row.locator('summary').click();
      await body.waitFor();
      const text = await body.textContent();
      const secret = /\/vragenlijst#([A-Za-z0-9_-]{20,})/.exec(text ?? '')?.[1];
      expect(secret, text ?? '').toBeTruthy();
      found.push({ to: (await row.getByRole('cell').first().textContent())!, secret: secret! });
    }
    if (found.length < count) await page.getByRole('button', { name: 'Volgende' }).click();
  }
  expect(found).toHaveLength(count);
  return found;
}

/** Goes to the next page (the last one's button leads to the review) until `target` shows. */
async function nextUntil(page: Page, target: RegExp, next = /^(Volgende|Naar controleren)$/) {
  for (let i = 0; i < 15; i++) {
    if (await page.getByText(target).isVisible()) return;
    await page.getByRole('button', { name: next }).click();
  }
  throw new Error(`not reached: ${target}`);
}

describe('team monitor', () => {
  let hr: { context: BrowserContext; page: Page };
  let team: Team;
  let invited = 0;
  let answered: { to: string; secret: string }[] = [];

  beforeAll(async () => {
    hr = await signedInPage(browser, 'demo.hr');
    const teams = (await (
      await hr.context.request.get(url('/api/v1/teams?q=Burgwallen&pageSize=5'))
    ).json()) as { items: Team[] };
    team = teams.items[0]!;
    expect(team.districtName).toBeTruthy();
  });
  afterAll(async () => {
    await hr.context.close();
  });

  it('an HR analyst creates a wave for one district and opens it', async () => {
    const { page } = hr;
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Teammonitor' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Teammonitor' }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe ronde aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe ronde' }).waitFor();

    // Nothing filled in: every missing field in a summary that takes focus.
    await page.getByRole('button', { name: 'Concept aanmaken' }).click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: 'Er zijn 3 fouten in het formulier' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Geef de ronde een naam.',
      'Kies een vragenlijst.',
      'Kies bij stap 1 een eenheid.',
    ]);

    await page.getByRole('textbox', { name: 'Naam van de ronde (verplicht)' }).fill(WAVE);
    await page.getByRole('radio', { name: 'MEMO (medewerkersmonitor)' }).check();
    const unit = page.getByRole('combobox', { name: 'Eenheid (verplicht)' });
    await unit.locator('option', { hasText: team.unitName }).waitFor({ state: 'attached' });
    await unit.selectOption({ label: team.unitName });
    await page.getByLabel('Open vanaf (verplicht)').fill(today);
    await page.getByLabel('Open tot en met (verplicht)').fill(inAWeek);
    const districts = page.getByRole('group', {
      name: `Districten van ${team.unitName} (optioneel)`,
    });
    await districts.getByRole('checkbox', { name: team.districtName!, exact: true }).check();
    await page.getByRole('button', { name: 'Concept aanmaken' }).click();

    await page.getByRole('heading', { level: 1, name: WAVE }).waitFor();
    await page.getByText('Deze ronde is nog niet geopend').waitFor();
    const legs = page.getByRole('table', { name: 'Estafette: eenheden en data' });
    expect(await legs.getByRole('row').nth(1).getByRole('rowheader').textContent()).toBe(
      team.unitName,
    );

    await confirm(page, 'Ronde openen', 'Ja, openen');
    const opened = page.getByRole('status').filter({ hasText: 'De ronde is geopend.' }).last();
    await opened.waitFor();
    invited = Number(/(\d+) uitnodigingen/.exec((await opened.textContent())!)![1]);
    expect(invited).toBeGreaterThan(2);
    await page.getByText('Medewerkers kunnen nu invullen.').waitFor();
    // The wave list shows it as open.
    await page.getByRole('link', { name: 'Teammonitor', exact: true }).first().click();
    const row = page.getByRole('row').filter({ hasText: WAVE });
    await row.getByText('open', { exact: true }).waitFor();
  });

  it('the administrator reads invitation links in the outbox while mail is held', async () => {
    const admin = await signedInPage(browser, 'demo.beheerder');
    answered = await readInvitations(admin.page, 2);
    expect(new Set(answered.map((a) => a.to)).size).toBe(2);
    await admin.page.getByRole('cell', { name: 'vastgehouden' }).first().waitFor();
    await admin.context.close();
  });

  it('a colleague answers in Dutch on a phone, stops halfway and continues later', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const link = url(`/vragenlijst#${answered[0]!.secret}`);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: WAVE }).waitFor();
    await page.getByText('Alle vragen zijn optioneel: je mag elke vraag overslaan.').waitFor();
    await page.getByText(/^Je antwoorden zijn anoniem/).waitFor();
    await page.getByText('Pagina 1 van 10').waitFor();
    // Nobody's name or menu on this page.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await expectAccessible(page, 'questionnaire page 1 at 360 px');

    const first = page.getByRole('group').first();
    await first.getByRole('radio', { name: 'Eens', exact: true }).check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Pagina 2 van 10').waitFor();
    // The new page's heading has the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

    // Later, on the same phone: the answers and the page are still there.
    await page.reload();
    await page.getByText('Je antwoorden van de vorige keer staan nog klaar').waitFor();
    await page.getByText('Pagina 2 van 10').waitFor();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByText('Pagina 1 van 10').waitFor();
    expect(
      await page
        .getByRole('group')
        .first()
        .getByRole('radio', { name: 'Eens', exact: true })
        .isChecked(),
    ).toBe(true);
    // The device keeps them under a hash of the link, never the link itself.
    const stored = await page.evaluate(() => Object.keys(localStorage).join(' '));
    expect(stored).toMatch(/pvi\.vragenlijst\.[0-9a-f]{64}/);
    expect(stored).not.toContain(answered[0]!.secret);

    // Follow-up questions appear only after "Ja".
    await nextUntil(page, /^Pagina 7 van 10$/);
    const groups = page.getByRole('group');
    expect(await groups.count()).toBe(2);
    await groups.first().getByRole('radio', { name: 'Ja', exact: true }).check();
    const from = page.getByRole('group', { name: /^Van wie kwam de intimidatie/ });
    await from.waitFor();
    await from.getByRole('checkbox', { name: 'Een collega' }).check();
    expect(await groups.count()).toBe(4);
    await expectAccessible(page, 'questionnaire with follow-up questions at 360 px');

    await nextUntil(page, /^Controleren en versturen$/);
    await page.getByText(/^Je hebt 3 van de \d+ vragen beantwoord\.$/).waitFor();
    await expectAccessible(page, 'questionnaire review at 360 px');
    await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bedankt!' }).waitFor();
    await expectAccessible(page, 'questionnaire thank-you at 360 px');
    // Nothing of the link stays behind: not in the address bar, not on the device.
    expect(new URL(page.url()).hash).toBe('');
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('pvi.vragenlijst.')),
      ),
    ).toEqual([]);

    // The link works once.
    await page.goto(link);
    await page.getByText('Met deze link zijn de antwoorden al verstuurd.').waitFor();
    await context.close();
  });

  it('another colleague answers in English', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(url(`/vragenlijst#${answered[1]!.secret}`));
    await page.getByRole('heading', { level: 1, name: WAVE }).waitFor();
    await page.getByRole('button', { name: /^English/ }).click();
    await page.getByText('Every question is optional: you may skip any question.').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByText('Page 1 of 10').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Safety in your team' }).waitFor();
    await page.getByRole('group').first().getByRole('radio', { name: 'Strongly agree' }).check();
    await nextUntil(page, /^Review and send$/, /^(Next|Review)$/);
    await page.getByText(/^You answered 1 of the \d+ questions\.$/).waitFor();
    await expectAccessible(page, 'questionnaire review in English at 360 px');
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByRole('heading', { level: 2, name: 'Thank you!' }).waitFor();
    await context.close();
  });

  it('a reminder goes only to those who have not answered', async () => {
    const { page } = hr;
    await page.getByRole('link', { name: WAVE }).click();
    await page.getByRole('heading', { level: 1, name: WAVE }).waitFor();
    await page.getByText(`2 van ${invited}`).first().waitFor();
    await confirm(page, 'Herinnering sturen', 'Ja, herinnering sturen');
    const reminded = page
      .getByRole('status')
      .filter({ hasText: 'herinneringen staan klaar' })
      .last();
    await reminded.waitFor();
    expect(await reminded.textContent()).toContain(`${invited - 2} herinneringen`);

    // The outbox, read through the API as the administrator: who got which mail.
    const admin = await signedInPage(browser, 'demo.beheerder');
    const mail = async (kind: string) =>
      (
        (await (
          await admin.context.request.get(url(`/api/v1/mail/outbox?kind=${kind}&pageSize=500`))
        ).json()) as { items: Mail[] }
      ).items.filter((m) => m.subject.includes(WAVE));
    const invitations = await mail('survey_invitation');
    const reminders = await mail('survey_reminder');
    expect(invitations).toHaveLength(invited);
    expect(reminders).toHaveLength(invited - 2);
    const remindedTo = new Set(reminders.map((m) => m.recipient));
    for (const a of answered) expect(remindedTo.has(a.to)).toBe(false);
    expect([...remindedTo].sort()).toEqual(
      invitations
        .map((m) => m.recipient)
        .filter((to) => !answered.some((a) => a.to === to))
        .sort(),
    );
    await admin.context.close();
  });

  it('closes the wave; the team chief reads the team report: too small, so the conversation kit', async () => {
    await confirm(hr.page, 'Ronde sluiten', 'Ja, sluiten');
    await hr.page.getByRole('status').filter({ hasText: 'De ronde is gesloten.' }).last().waitFor();
    await hr.page.getByText('Deze ronde is gesloten; de resultaten staan hieronder.').waitFor();

    const chief = await signedInPage(browser, 'demo.teamchef');
    const { page } = chief;
    // The home page points to the latest results of the team.
    await page.getByRole('link', { name: `Resultaten van ${team.name} in ${WAVE}` }).click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Te weinig respondenten om cijfers te tonen' })
      .waitFor();
    await page.getByText(/minder dan 5 mensen vulden de vragenlijst in/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gesprekskaart' }).waitFor();
    const kit = page.locator('.pvi-kit');
    expect(await kit.count()).toBeGreaterThan(3);
    expect(await kit.first().getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    // No figures at all.
    expect(await page.getByRole('heading', { name: 'Uitkomsten per thema' }).count()).toBe(0);
    expect(await page.getByText(/\d+ %/).count()).toBe(0);
    await expectAccessible(page, 'hidden team report with the conversation kit');

    // The same through the wave page.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Teammonitor' })
      .click();
    await page.getByRole('link', { name: WAVE }).click();
    await page.getByRole('link', { name: `Resultaten van ${team.name}` }).click();
    await page.getByRole('heading', { level: 2, name: 'Gesprekskaart' }).waitFor();
    await chief.context.close();
  });

  it('the team chief agrees a plan on its own themes; unit leadership sees it', async () => {
    const chief = await signedInPage(browser, 'demo.teamchef');
    const { page } = chief;
    await page
      .getByRole('link', { name: `Plan van aanpak van ${team.name}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: `Plan van aanpak: ${team.name}` }).waitFor();
    const form = page.getByRole('region', { name: 'Plan van aanpak vastleggen' });
    const wave = form.getByRole('combobox', { name: 'Ronde (verplicht)' });
    const risks = form.getByRole('group', { name: "Risico's (verplicht)" });
    // The 2025 results give flags, each with the rule that raised it.
    await wave.selectOption({ label: 'Teammonitor MEMO 2025' });
    const flag = risks.getByRole('checkbox').first();
    await flag.waitFor();
    const why = await flag.getAttribute('aria-describedby');
    expect((await page.locator(`[id="${why!}"]`).textContent())!.length).toBeGreaterThan(20);
    // This wave's results were too small to show: no flags, the team's own themes instead.
    await wave.selectOption({ label: WAVE });
    await risks.getByText(/te weinig respondenten/).waitFor();
    expect(await risks.getByRole('checkbox').count()).toBe(0);
    await form.getByRole('button', { name: 'Plan vastleggen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Er is 1 fout in het formulier' }).waitFor();
    await form.getByText('Kies minstens één risico, of schrijf een eigen thema.').first().waitFor();
    await form
      .getByRole('textbox', { name: "Eigen thema's (optioneel)" })
      .fill('Samen nabespreken na incidenten');
    await form.getByLabel('Datum van het teamgesprek (optioneel)').fill(today);
    await form
      .getByRole('textbox', { name: 'Maatregel', exact: false })
      .first()
      .fill('Maandelijks teamgesprek over veiligheid');
    await form.getByRole('textbox', { name: /^Wie trekt het/ }).fill('teamchef');
    await form.getByRole('button', { name: 'Plan vastleggen' }).click();

    await page.getByText(`Plan bij ${WAVE}`).first().waitFor();
    const measures = page.getByRole('table', { name: `Maatregelen van ${team.name}` });
    const row = measures
      .getByRole('row')
      .filter({ hasText: 'Maandelijks teamgesprek over veiligheid' });
    await row.getByText('gepland').waitFor();
    await page.getByText('Samen nabespreken na incidenten').waitFor();

    // Progress, kept in the history.
    const update = page.getByRole('region', { name: 'Maatregel bijwerken' });
    await update
      .getByRole('combobox', { name: 'Welke maatregel (verplicht)' })
      .selectOption({ label: 'Maandelijks teamgesprek over veiligheid' });
    await update
      .getByRole('combobox', { name: 'Status (verplicht)' })
      .selectOption({ label: 'bezig' });
    await update.getByRole('textbox', { name: /^Voortgang/ }).fill('25');
    await update.getByRole('button', { name: 'Opslaan' }).click();
    await update.getByText('De maatregel is bijgewerkt.').waitFor();
    await row.getByText('bezig').waitFor();
    await row.getByText('25 %').waitFor();
    const history = page.getByRole('region', { name: 'Geschiedenis' });
    await history.getByText('plan vastgelegd').waitFor();
    await history.getByText('maatregel bijgewerkt').waitFor();
    await expectAccessible(page, 'a plan of approach');
    await chief.context.close();

    const leader = await signedInPage(browser, 'demo.eenheid');
    await leader.page.getByRole('link', { name: `Plannen van aanpak in ${team.unitName}` }).click();
    await leader.page
      .getByRole('heading', { level: 1, name: `Plannen van aanpak: ${team.unitName}` })
      .waitFor();
    const teams = leader.page.getByRole('table', {
      name: `Plannen van aanpak per team in ${team.unitName}`,
    });
    const teamRow = teams.getByRole('row').filter({ hasText: team.name });
    await teamRow.getByText('0 van 1 maatregelen klaar').waitFor();
    await expectAccessible(leader.page, 'the plans overview of a unit');
    // Through to the plan.
    await teamRow.getByRole('link', { name: team.name }).click();
    await leader.page.getByRole('link', { name: `Plan bij ${WAVE}` }).click();
    await leader.page.getByRole('table', { name: `Maatregelen van ${team.name}` }).waitFor();
    await leader.context.close();
  });
});

describe('the questionnaire without a working link', () => {
  it('says what to do without a link and with an unknown one', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(url('/vragenlijst'));
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst' }).waitFor();
    await page.getByText(/^Open de vragenlijst met de persoonlijke link/).waitFor();
    await page.goto(url(`/vragenlijst#${'x'.repeat(43)}`));
    await page.getByText(/^Deze link kennen we niet/).waitFor();
    await context.close();
  });
});
