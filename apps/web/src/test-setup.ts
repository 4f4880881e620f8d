/** Set-up for the `web` component tests (jsdom): the i18n instance ready in Dutch, and cleanup. */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { i18n } from './app/i18n.ts';

beforeAll(async () => {
  if (!i18n.isInitialized)
    await new Promise<void>((resolve) => {
      i18n.on('initialized', () => {
        resolve();
      });
    });
  await i18n.changeLanguage('nl');
});

afterEach(() => {
  cleanup();
});
