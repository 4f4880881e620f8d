import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ControlRegistration } from '@pvi/contracts';
import { checkRegistration, findClearIdentifier, looksLikePlate, passesElfproef } from './rules.ts';

const now = new Date('2026-06-15T12:00:00Z');
const base: ControlRegistration = {
  id: '0b0e7d7e-1f7a-4c55-9a43-5f0e3d1e2a10',
  occurredAt: '2026-06-15T11:30:00Z',
  buurtCode: 'BU03630000',
  controlType: 'person',
  initiative: 'proactive',
  selectionReason: 'behaviour',
  reasonText: 'Liep weg bij het zien van de politie',
  legalBasis: 'wid',
  explained: true,
  actions: ['identity_check'],
  outcome: 'none',
  outcomeLinked: false,
  durationBand: '5to15',
};
const names = (body: Partial<ControlRegistration>) =>
  checkRegistration({ ...base, ...body }, now).map((p) => `${p.name}:${p.code}`);

describe('registration rules', () => {
  it('accepts a complete, consistent registration', () => {
    expect(names({})).toEqual([]);
  });
  it('refuses a time in the future and one older than a month', () => {
    expect(names({ occurredAt: '2026-06-15T12:10:00Z' })).toEqual(['occurredAt:in_future']);
    expect(names({ occurredAt: '2026-06-15T12:01:00Z' })).toEqual([]);
    expect(names({ occurredAt: '2026-04-01T12:00:00Z' })).toEqual(['occurredAt:too_old']);
  });
  it('needs a place', () => {
    expect(names({ buurtCode: undefined })).toEqual(['buurtCode:required']);
    expect(names({ buurtCode: undefined, position: { lat: 52.37, lng: 4.9 } })).toEqual([]);
  });
  it('refuses searches that the control type rules out', () => {
    expect(names({ actions: ['search_vehicle'] })).toEqual(['actions:impossible_combination']);
    expect(names({ controlType: 'vehicle', actions: ['frisk'] })).toEqual([
      'actions:impossible_combination',
    ]);
    expect(names({ controlType: 'both', actions: ['frisk', 'search_vehicle'] })).toEqual([]);
    expect(names({ actions: ['frisk', 'frisk'] })).toEqual(['actions:duplicate']);
  });
  it('allows a seizure or arrest without a search', () => {
    expect(names({ outcome: 'seizure', outcomeLinked: true, actions: [] })).toEqual([]);
    expect(names({ outcome: 'arrest', outcomeLinked: false, actions: [] })).toEqual([]);
  });
  it('refuses an ANPR control of a person only', () => {
    expect(names({ initiative: 'anpr' })).toEqual(['initiative:impossible_combination']);
  });
  it('wants a why when the reason was not explained, and none when it was', () => {
    expect(names({ explained: false })).toEqual(['notExplainedWhy:required']);
    expect(names({ explained: false, notExplainedWhy: 'Persoon liep weg' })).toEqual([]);
    expect(names({ notExplainedWhy: 'x' })).toEqual(['notExplainedWhy:not_applicable']);
  });
  it('refuses an outcome "none" that is linked to the reason', () => {
    expect(names({ outcomeLinked: true })).toEqual(['outcomeLinked:impossible_combination']);
  });
  it('wants a text for reason "other"', () => {
    expect(names({ selectionReason: 'other', reasonText: undefined })).toEqual([
      'reasonText:required',
    ]);
  });
  it('wants a subject key and kind together, and no vehicle key in a person control', () => {
    expect(names({ subjectKey: '123456782' })).toEqual(['subjectKind:required']);
    expect(names({ subjectKind: 'person' })).toEqual(['subjectKey:required']);
    expect(names({ subjectKind: 'vehicle', subjectKey: 'AB-12-CD' })).toEqual([
      'subjectKind:impossible_combination',
    ]);
  });
  it('refuses a BSN or plate in the texts', () => {
    expect(names({ reasonText: 'BSN 111222333 bekend' })).toEqual(['reasonText:clear_identifier']);
    expect(names({ explained: false, notExplainedWhy: 'auto 12-ABC-3 reed weg' })).toEqual([
      'notExplainedWhy:clear_identifier',
    ]);
  });
  it('reports every broken rule at once', () => {
    expect(
      names({
        occurredAt: '2027-01-01T00:00:00Z',
        actions: ['search_vehicle'],
        explained: false,
        outcomeLinked: true,
      }),
    ).toEqual([
      'occurredAt:in_future',
      'actions:impossible_combination',
      'notExplainedWhy:required',
      'outcomeLinked:impossible_combination',
    ]);
  });
});

describe('clear identifiers', () => {
  it('knows the elfproef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });
  it('finds a BSN written with dots or spaces, not a longer number', () => {
    expect(findClearIdentifier('nummer 1112.22.333')).toBe('bsn');
    expect(findClearIdentifier('nummer 111 222 333')).toBe('bsn');
    expect(findClearIdentifier('meldnummer 1111222333')).toBeNull();
    expect(findClearIdentifier('om 23:15 bij station')).toBeNull();
  });
  it('finds Dutch plates of the side codes, with and without dashes', () => {
    for (const plate of ['AB-12-34', '12-AB-CD', '99-XXX-9', 'G-123-BB', 'XXX-99-X', '1-KB-123'])
      expect(looksLikePlate(plate), plate).toBe(true);
    expect(looksLikePlate('AB12CD')).toBe(true);
    for (const word of ['Amsterdam', 'A12', '2026-06-15', 'ABCDEF', '123456', 'AB-CD-EF'])
      expect(looksLikePlate(word), word).toBe(false);
    expect(findClearIdentifier('auto met kenteken gh-123-k gezien')).toBe('plate');
    expect(findClearIdentifier('Persoon gedroeg zich verdacht bij de ingang')).toBeNull();
  });
  it('finds every valid BSN in any sentence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.string(), (n, words) => {
        const eight = String(n);
        let sum = 0;
        for (let i = 0; i < 8; i++) sum += Number(eight[i]) * (9 - i);
        const last = sum % 11;
        fc.pre(last < 10);
        const bsn = `${eight}${last}`;
        expect(passesElfproef(bsn)).toBe(true);
        expect(findClearIdentifier(`${words.replace(/\d/g, '')} ${bsn} .`)).toBe('bsn');
      }),
    );
  });
});
