import { describe, expect, it } from 'vitest';
import { anchorOf, bodyOf, checkDraft, draftOf, emptyDraft, fieldOfParam } from './draft.ts';

const place = {
  kind: 'buurt' as const,
  code: 'BU03630000',
  label: 'Kop Zeedijk, Burgwallen-Oude Zijde, Amsterdam',
  gemeenteCode: 'GM0363',
  wijkCode: 'WK036300',
};
const now = new Date('2026-03-01T20:15:00.000Z');

describe('registration draft', () => {
  it('asks for the place, type and reason; the rest has defaults', () => {
    expect(checkDraft(emptyDraft(null)).map((p) => p.field)).toEqual([
      'place',
      'controlType',
      'selectionReason',
    ]);
    expect(
      checkDraft({ ...emptyDraft(place), controlType: 'person', selectionReason: 'behaviour' }),
    ).toEqual([]);
  });

  it('requires a text for "other" and a why when not explained', () => {
    const d = {
      ...emptyDraft(place),
      controlType: 'person' as const,
      selectionReason: 'other' as const,
      explained: 'no' as const,
    };
    expect(checkDraft(d)).toEqual([
      { field: 'reasonText', code: 'reasonTextOther' },
      { field: 'notExplainedWhy', code: 'notExplainedWhy' },
    ]);
  });

  it('fixes "now" in the body and leaves out what does not apply', () => {
    const d = {
      ...emptyDraft(place),
      controlType: 'person' as const,
      selectionReason: 'behaviour' as const,
      reasonText: '  ',
      notExplainedWhy: 'left over',
    };
    expect(bodyOf(d, now)).toEqual({
      id: d.id,
      occurredAt: '2026-03-01T20:15:00.000Z',
      buurtCode: 'BU03630000',
      controlType: 'person',
      initiative: 'proactive',
      selectionReason: 'behaviour',
      explained: true,
      actions: ['identity_check'],
      outcome: 'none',
      outcomeLinked: false,
      durationBand: 'lt5',
    });
  });

  it('sends a position when there is no buurt, and reads a queued body back', () => {
    const d = {
      ...emptyDraft({ kind: 'position', lat: 52.37, lng: 4.9 }),
      controlType: 'both' as const,
      selectionReason: 'traffic_violation' as const,
      legalBasis: 'wvw_160' as const,
      subjectKind: 'vehicle' as const,
      subjectKey: ' 12-ABC-3 ',
    };
    const body = bodyOf(d, now);
    expect(body).toMatchObject({
      position: { lat: 52.37, lng: 4.9 },
      legalBasis: 'wvw_160',
      subjectKind: 'vehicle',
      subjectKey: '12-ABC-3',
    });
    expect(body).not.toHaveProperty('buurtCode');
    const back = draftOf(body, {});
    expect(bodyOf(back, new Date(0))).toEqual(body);
  });

  it('puts each server error at its field', () => {
    const param = (name: string) => ({ name, code: 'x', reason: 'y' });
    expect(fieldOfParam(param('buurtCode'))).toBe('place');
    expect(fieldOfParam(param('position.lat'))).toBe('place');
    expect(fieldOfParam(param('actions[1]'))).toBe('actions');
    expect(fieldOfParam(param('somethingNew'))).toBeNull();
    expect(anchorOf('controlType')).toBe('ctl-controlType-person');
    expect(anchorOf('reasonText')).toBe('ctl-reasonText');
    expect(anchorOf(null)).toBe('ctl-form');
  });
});
