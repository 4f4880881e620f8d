import type { TFunction } from 'i18next';
import type { CreateWaveBody, Wave } from '@pvi/contracts';
import type { FieldError } from '../../../components/Form.tsx';
import { isDate } from '../../admin/dates.ts';

/** One leg of the relay: a unit with its own dates; the order of the list is the relay order. */
export interface Leg {
  /** A stable key for React while legs move up and down. */
  key: number;
  unitId: string;
  opensOn: string;
  closesOn: string;
}

export interface WaveDraft {
  name: string;
  instrumentKey: Wave['instrumentKey'] | '';
  legs: Leg[];
  /** Chosen districts per unit; a unit without any takes part with all its teams. */
  districtsByUnit: Record<string, string[]>;
  previousWaveId: string;
}

export const fieldIds = {
  name: 'wave-name',
  instrument: 'wave-instrument-memo',
  unit: (i: number) => `wave-unit-${i}`,
  opensOn: (i: number) => `wave-opens-${i}`,
  closesOn: (i: number) => `wave-closes-${i}`,
  districts: (unitId: string) => `wave-districts-${unitId}`,
  previous: 'wave-previous',
} as const;

/** Adds whole days to a calendar date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every problem in the draft, each at its field, in the order of the form. */
export function validateDraft(
  t: TFunction,
  draft: WaveDraft,
  unitName: (id: string) => string,
): FieldError[] {
  const found: FieldError[] = [];
  const name = draft.name.trim();
  if (!name) found.push({ field: fieldIds.name, message: t('monitor.create.nameRequired') });
  else if (name.length < 3 || name.length > 120)
    found.push({ field: fieldIds.name, message: t('monitor.create.nameLength') });
  if (!draft.instrumentKey)
    found.push({ field: fieldIds.instrument, message: t('monitor.create.instrumentRequired') });
  const seen = new Set<string>();
  draft.legs.forEach((leg, i) => {
    if (!leg.unitId)
      found.push({
        field: fieldIds.unit(i),
        message: t('monitor.create.unitRequired', { step: i + 1 }),
      });
    else if (seen.has(leg.unitId))
      found.push({
        field: fieldIds.unit(i),
        message: t('monitor.create.unitTwice', { step: i + 1 }),
      });
    seen.add(leg.unitId);
    if (!isDate(leg.opensOn))
      found.push({
        field: fieldIds.opensOn(i),
        message: t('monitor.create.dateInvalid', { step: i + 1 }),
      });
    if (!isDate(leg.closesOn))
      found.push({
        field: fieldIds.closesOn(i),
        message: t('monitor.create.dateInvalid', { step: i + 1 }),
      });
    else if (isDate(leg.opensOn) && leg.closesOn < leg.opensOn)
      found.push({
        field: fieldIds.closesOn(i),
        message: t('monitor.create.closesBeforeOpens', { step: i + 1 }),
      });
  });
  // Districts narrow the whole wave: with districts for one unit, a unit without any would have
  // no teams at all, so either every unit names its districts or none does.
  const units = [...seen].filter(Boolean);
  const narrowed = units.filter((u) => (draft.districtsByUnit[u] ?? []).length > 0);
  if (narrowed.length > 0)
    for (const u of units.filter((x) => !narrowed.includes(x)))
      found.push({
        field: fieldIds.districts(u),
        message: t('monitor.create.districtsEverywhere', { unit: unitName(u) }),
      });
  return found;
}

/** The chosen districts of the units in the relay (choices for units since removed drop out). */
export const chosenDistricts = (draft: WaveDraft) =>
  [...new Set(draft.legs.map((l) => l.unitId))].flatMap((u) => draft.districtsByUnit[u] ?? []);

export function toBody(draft: WaveDraft): CreateWaveBody {
  return {
    name: draft.name.trim(),
    instrumentKey: draft.instrumentKey as Wave['instrumentKey'],
    units: draft.legs.map((l) => ({ unitId: l.unitId, opensOn: l.opensOn, closesOn: l.closesOn })),
    ...(chosenDistricts(draft).length ? { districtIds: chosenDistricts(draft) } : {}),
    ...(draft.previousWaveId ? { previousWaveId: draft.previousWaveId } : {}),
  };
}

/** The field a server error (`invalidParams[].name`, e.g. `units.1.closesOn`) belongs to. */
export function fieldOfServerParam(name: string, draft: WaveDraft): string {
  const leg = /^units\.(\d+)\.(unitId|opensOn|closesOn)$/.exec(name);
  if (leg) {
    const i = Number(leg[1]);
    return leg[2] === 'unitId'
      ? fieldIds.unit(i)
      : leg[2] === 'opensOn'
        ? fieldIds.opensOn(i)
        : fieldIds.closesOn(i);
  }
  if (name === 'instrumentKey') return fieldIds.instrument;
  if (name.startsWith('units')) return fieldIds.unit(0);
  if (name.startsWith('districtIds') || name.startsWith('teamIds'))
    return fieldIds.districts(draft.legs[0]?.unitId ?? '');
  if (name === 'previousWaveId') return fieldIds.previous;
  return fieldIds.name;
}
