// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import rules that keep dependencies pointing one way (see ARCHITECTURE.md). */
const purePackage = (name) => ({
  files: [`packages/${name}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@pvi/*', '!@pvi/' + name],
            message: `packages/${name} imports nothing of ours.`,
          },
          { group: ['../../*'], message: 'Stay inside the package.' },
          {
            group: [
              'node:fs',
              'node:fs/*',
              'node:net',
              'node:http',
              'node:child_process',
              'pg',
              '@electric-sql/*',
            ],
            message: `packages/${name} does no I/O.`,
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'packages/db/migrations/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // openid-client marks this deprecated only so that it stands out; we use it for http issuers in tests.
      '@typescript-eslint/no-deprecated': [
        'error',
        { allow: [{ from: 'package', package: 'openid-client', name: 'allowInsecureRequests' }] },
      ],
    },
  },
  {
    // Tests assert on untyped JSON bodies (`inject().json()`); `expect` is the type check there.
    files: ['**/test/**/*.ts', '**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['apps/web/src/service-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // The web app runs in the browser, and its components take every colour from the theme's
    // design tokens (apps/web/src/theme/tokens.css); scripts/check-css.mjs does the same for CSS.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // TanStack Router's way out of a route guard is `throw redirect(…)`.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'Redirect' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(/]',
          message:
            'No raw colours in components: use a design token (var(--pvi-…)) from theme/tokens.css.',
        },
        {
          selector: 'TemplateElement[value.raw=/#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(/]',
          message:
            'No raw colours in components: use a design token (var(--pvi-…)) from theme/tokens.css.',
        },
      ],
    },
  },
  purePackage('contracts'),
  purePackage('stats'),
  purePackage('disclosure'),
  {
    files: ['packages/db/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@pvi/api', '@pvi/web', '**/apps/**'],
              message: 'packages never import apps.',
            },
          ],
        },
      ],
    },
  },
  {
    // A module never imports another module's repository: it calls that module's service.
    files: ['apps/api/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repository', '../*/*.repository.ts'],
              message: "Call the other module's service, not its repository.",
            },
          ],
        },
      ],
    },
  },
);
