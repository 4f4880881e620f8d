/**
 * Shared helpers for the browser tests: Debian's Chromium through playwright-core, pages on the
 * one server that `global-setup.ts` starts, signing in, and axe-core with the WCAG 2.2 AA rules.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app runs, e.g. http://127.0.0.1:41234 (no trailing slash). */
    pviBaseUrl: string;
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const DEMO_PASSWORD = 'pvi-demo-wachtwoord';
/** The two widths every page is checked at: a small phone (WCAG 1.4.10 reflow) and a desktop. */
export const NARROW = { width: 320, height: 800 } as const;
export const WIDE = { width: 1280, height: 900 } as const;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const baseUrl = (): string => inject('pviBaseUrl');
export const url = (path: string): string => `${baseUrl()}${path}`;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh context (own cookies and storage) with one page; @axe-core/playwright needs a context. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = WIDE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    baseURL: baseUrl(),
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the form and waits for the home page ("Welkom, …"). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  if (!page.url().includes('/inloggen')) await page.goto(url('/inloggen'));
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForURL((u) => u.pathname !== '/inloggen');
}

/** Signs in on a new page of its own context. */
export async function signedInPage(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number } = WIDE,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, viewport);
  await signIn(opened.page, username);
  await opened.page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
  return opened;
}

/** Waits until the network is quiet and nothing on the page says it is loading any more. */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !/Bezig met laden|Loading…/.test(document.querySelector('main')?.textContent ?? ''),
  );
}

/** The session cookie the browser holds, as a `Cookie` header value. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies(baseUrl());
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown; failureSummary?: string | undefined; html: string }[];
}

/** Runs axe-core with the WCAG 2.0–2.2 A and AA rules on the page as it is now. */
export async function axe(page: Page): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations;
}

/** Violations as readable text: rule, impact, help, and each offending element. */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return '';
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      ${JSON.stringify(n.target)}  ${n.html.slice(0, 160)}`);
      if (n.failureSummary) lines.push(`        ${n.failureSummary.replace(/\n/g, '\n        ')}`);
    }
    if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}
