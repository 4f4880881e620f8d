import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roles } from '@pvi/contracts';
import { parseRoleClaim, safeReturnTo } from './oidc.service.ts';

describe('parseRoleClaim', () => {
  it('reads `role` as national and `role@scope` as scoped', () => {
    expect(
      parseRoleClaim([
        'medewerker',
        'teamchef@team:AMS-C-BT01',
        'hr_analist@district:AMS-C',
        'eenheidsleiding@unit:AMS',
        'cdo@national',
      ]),
    ).toEqual([
      { role: 'medewerker', scope: 'national' },
      { role: 'teamchef', scope: 'team:AMS-C-BT01' },
      { role: 'hr_analist', scope: 'district:AMS-C' },
      { role: 'eenheidsleiding', scope: 'unit:AMS' },
      { role: 'cdo', scope: 'national' },
    ]);
  });

  it('accepts one string separated by spaces or commas', () => {
    expect(parseRoleClaim('medewerker, teamchef@team:X  beheerder')).toEqual([
      { role: 'medewerker', scope: 'national' },
      { role: 'teamchef', scope: 'team:X' },
      { role: 'beheerder', scope: 'national' },
    ]);
  });

  it('drops unknown roles, empty and non-string entries; a scope is passed on as given', () => {
    expect(
      parseRoleClaim([
        'astronaut',
        'astronaut@team:X',
        '',
        42,
        null,
        { role: 'beheerder' },
        'Teamchef',
        'teamchef@galaxy:M31',
      ]),
    ).toEqual([
      { role: 'teamchef', scope: 'galaxy:M31' }, // the organisation lookup refuses this scope later
    ]);
  });

  it('keeps everything after the first @ as the scope', () => {
    expect(parseRoleClaim(['teamchef@team:A@B'])).toEqual([
      { role: 'teamchef', scope: 'team:A@B' },
    ]);
  });

  it('gives nothing for a claim that is missing or of another type', () => {
    for (const value of [undefined, null, 7, true, {}, { 0: 'beheerder' }])
      expect(parseRoleClaim(value)).toEqual([]);
  });

  it('only ever returns known roles, and reads back any role and scope it is given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...roles), fc.integer())),
        (entries) => {
          for (const g of parseRoleClaim(entries)) expect(roles).toContain(g.role);
          expect(parseRoleClaim(entries).length).toBeLessThanOrEqual(entries.length);
        },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.string({ minLength: 1 }), (role, scope) => {
        expect(parseRoleClaim([`${role}@${scope}`])).toEqual([{ role, scope }]);
      }),
    );
  });
});

describe('safeReturnTo', () => {
  it('keeps a path of this site', () => {
    for (const path of [
      '/',
      '/teams',
      '/teams/123?tab=members#top',
      '/a/b.c-d_e~f',
      '/search?q=http://x',
    ])
      expect(safeReturnTo(path)).toBe(path);
  });

  it('turns anything else into /', () => {
    for (const value of [
      undefined,
      null,
      42,
      ['/teams'],
      '',
      'teams',
      'https://evil.example/',
      'javascript:alert(1)',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' /teams',
      '/teams page',
      '/tëams',
    ])
      expect(safeReturnTo(value)).toBe('/');
  });

  const base = 'https://pvi.example/app/';
  const tricky = fc
    .array(
      fc.constantFrom(
        '/',
        '//',
        '\\',
        ':',
        '.',
        '..',
        '@',
        '?',
        '#',
        '%2F',
        '%5C',
        'evil.example',
        'http',
        'https:',
        'javascript:',
        '\t',
        '\n',
        '\r',
        ' ',
        '\0',
        '\u3002',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));

  it('never returns a protocol-relative URL, a scheme or another origin', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tricky, fc.webUrl(), fc.anything()),
        (value) => {
          const result = safeReturnTo(value);
          expect(result.startsWith('/')).toBe(true);
          expect(result.startsWith('//')).toBe(false);
          expect(result).not.toMatch(/^[a-z][a-z\d+.-]*:/i);
          expect(result === '/' || result === value).toBe(true);
          // As a browser resolves it: same origin, whatever backslashes or control characters it holds.
          expect(new URL(result, base).origin).toBe('https://pvi.example');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
