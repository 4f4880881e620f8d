import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@pvi/db/demo';
import {
  generateDemoControls,
  LOW_HIT_TEAM,
  POOR_QUALITY_TEAM,
  type DemoControl,
} from '@pvi/db/demo/controls';
import type { ControlAction, ControlRegistration } from '@pvi/contracts';
import { checkRegistration } from './rules.ts';

const organisation = generateDemoOrganisation({ scale: 'small', seed: 1 });
const controls = generateDemoControls({ organisation, scale: 'small', seed: 1 });

const share = (list: DemoControl[], test: (c: DemoControl) => boolean) =>
  list.filter(test).length / list.length;
const ofTeam = (code: string) => controls.filter((c) => c.teamCode === code);
const hitRate = (list: DemoControl[]) =>
  share(
    list.filter((c) => c.selectionReason === 'behaviour'),
    (c) => c.outcome !== 'none',
  );

describe('demo controls', () => {
  it('are deterministic by seed and number 20–40 thousand for the small demo', () => {
    expect(controls.length).toBeGreaterThan(20_000);
    expect(controls.length).toBeLessThan(40_000);
    expect(generateDemoControls({ organisation, scale: 'small', seed: 1 })).toEqual(controls);
    expect(generateDemoControls({ organisation, scale: 'small', seed: 2 })[0]).not.toEqual(
      controls[0],
    );
  });

  it('break none of the registration rules', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    for (const c of controls.slice(0, 5000)) {
      const actions: ControlAction[] = [];
      if (c.identityCheck) actions.push('identity_check');
      if (c.frisk) actions.push('frisk');
      if (c.searchPerson) actions.push('search_person');
      if (c.searchVehicle) actions.push('search_vehicle');
      const body: ControlRegistration = {
        id: c.id,
        buurtCode: c.buurtCode,
        controlType: c.controlType,
        initiative: c.initiative,
        selectionReason: c.selectionReason,
        reasonText: c.reasonText ?? undefined,
        legalBasis: c.legalBasis ?? undefined,
        explained: c.explained,
        notExplainedWhy: c.notExplainedWhy ?? undefined,
        actions,
        outcome: c.outcome,
        outcomeLinked: c.outcomeLinked,
        durationBand: c.durationBand,
        subjectKind: c.subjectKind ?? undefined,
        subjectKey: c.subjectKind ? 'AB-12-CD' : undefined,
      };
      expect(checkRegistration(body, now), c.id).toEqual([]);
    }
  });

  it('have one team that registers poorly and one with a low hit rate for behaviour', () => {
    const poor = ofTeam(POOR_QUALITY_TEAM);
    const others = controls.filter((c) => c.teamCode !== POOR_QUALITY_TEAM);
    expect(share(poor, (c) => c.legalBasis === null)).toBeGreaterThan(0.4);
    expect(share(others, (c) => c.legalBasis === null)).toBeLessThan(0.1);
    expect(share(poor, (c) => c.explained)).toBeLessThan(0.5);
    expect(share(others, (c) => c.explained)).toBeGreaterThan(0.8);
    expect(hitRate(ofTeam(LOW_HIT_TEAM))).toBeLessThan(0.12);
    expect(hitRate(ofTeam('AMS-C-BT01'))).toBeGreaterThan(0.18);
  });

  it('cover every hour, and the evening more than the early morning', () => {
    const hours = new Map<number, number>();
    const amsterdam = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    for (const c of controls.slice(0, 8000)) {
      const h = Number(amsterdam.format(new Date(c.occurredAt)));
      hours.set(h, (hours.get(h) ?? 0) + 1);
    }
    expect(hours.size).toBe(24);
    expect(hours.get(21)!).toBeGreaterThan(3 * hours.get(5)!);
  });
});
