/** What the accessibility suites share: axe with the reflow check, opening a route, the API. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axe, describeViolations, settled, url } from './harness.ts';

/** Runs axe (and at narrow widths the reflow check) and fails with a readable list. */
export async function expectAccessible(page: Page, where: string) {
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

export async function open(page: Page, path: string) {
  await page.goto(url(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The API as the context's signed-in account, with its CSRF token for changes. */
export async function apiOf(context: BrowserContext) {
  const session = (await (await context.request.get(url('/api/v1/session'))).json()) as {
    csrfToken: string;
  };
  const answer = async <T>(response: Awaited<ReturnType<BrowserContext['request']['get']>>) => {
    expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    get: async <T>(path: string) => answer<T>(await context.request.get(url(`/api/v1${path}`))),
    post: async <T>(path: string, data?: unknown) =>
      answer<T>(
        await context.request.post(url(`/api/v1${path}`), {
          headers: { 'x-csrf-token': session.csrfToken },
          ...(data === undefined ? {} : { data }),
        }),
      ),
  };
}

export interface Wave {
  id: string;
  name: string;
}
export interface TeamRow {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  districtId: string | null;
  memberCount: number;
}
