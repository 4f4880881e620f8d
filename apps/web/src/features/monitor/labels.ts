import type { TFunction } from 'i18next';
import type { answerScaleOptions, Grant, Role, SessionInfo, Wave } from '@pvi/contracts';
import { i18n } from '../../app/i18n.ts';
import type { ReportLevel } from './api.ts';

// The contracts' value exports would pull zod into the page; these copies are checked against
// the contracts' types instead, so a change there fails the type check until made here too.

/** Who runs waves (the API's WAVE_MANAGERS), each within the scope of their grant. */
export const WAVE_MANAGERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo', 'beheerder'];
/** Who reads reports (the API's REPORT_READERS), each within the scope of their grant. */
export const REPORT_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
/** Who may make a team link (a team chief for their own team). */
export const TEAM_LINK_MAKERS: readonly Role[] = ['teamchef', ...WAVE_MANAGERS];

export const INSTRUMENTS: Wave['instrumentKey'][] = ['memo', 'weerbaarheid', 'teamscan'];

/** The fixed answer options of the rating scales, as in packages/contracts/src/instrument.ts. */
export const ANSWER_OPTIONS: typeof answerScaleOptions = {
  agree5: [
    { value: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
    { value: 2, label: { nl: 'Oneens', en: 'Disagree' } },
    { value: 3, label: { nl: 'Niet eens, niet oneens', en: 'Neither agree nor disagree' } },
    { value: 4, label: { nl: 'Eens', en: 'Agree' } },
    { value: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
  ],
  frequency5: [
    { value: 1, label: { nl: 'Nooit', en: 'Never' } },
    { value: 2, label: { nl: 'Zelden', en: 'Rarely' } },
    { value: 3, label: { nl: 'Soms', en: 'Sometimes' } },
    { value: 4, label: { nl: 'Vaak', en: 'Often' } },
    { value: 5, label: { nl: '(Bijna) altijd', en: '(Almost) always' } },
  ],
  yesno: [
    { value: 1, label: { nl: 'Ja', en: 'Yes' } },
    { value: 0, label: { nl: 'Nee', en: 'No' } },
  ],
};

/** The reader's language for texts that come in Dutch and English. */
export const lang = (): 'nl' | 'en' => (i18n.language === 'en' ? 'en' : 'nl');
export const pick = (text: { nl: string; en: string }) => text[lang()];

export const hasRole = (grant: Grant | null | undefined, roles: readonly Role[]) =>
  grant !== null && grant !== undefined && roles.includes(grant.role);

/**
 * Whether the active grant may manage this wave: national, or a unit grant that covers every
 * unit of the wave (the server checks the same and has the last word).
 */
export function managesWave(grant: Grant | null | undefined, wave: Wave): boolean {
  if (!grant || !hasRole(grant, WAVE_MANAGERS)) return false;
  if (grant.scopeType === 'national') return true;
  if (grant.scopeType === 'unit') return wave.units.every((u) => u.unitId === grant.scopeId);
  return false;
}

export interface ReportTarget {
  level: ReportLevel;
  id: string;
  name: string;
}

/** The report the active grant reads first: its own scope (a member: their own team). */
export function reportTargetOf(session: SessionInfo | null): ReportTarget | null {
  const grant = session?.activeGrant;
  if (!grant || !hasRole(grant, REPORT_READERS)) return null;
  if (grant.scopeType === 'national') return { level: 'national', id: '', name: grant.scopeName };
  if (!grant.scopeId) return null;
  return { level: grant.scopeType, id: grant.scopeId, name: grant.scopeName };
}

/** The route of a group's report. */
export function reportRoute(waveId: string, level: ReportLevel, id: string | null) {
  switch (level) {
    case 'national':
      return { to: '/teammonitor/$waveId/landelijk', params: { waveId } } as const;
    case 'unit':
      return {
        to: '/teammonitor/$waveId/eenheden/$unitId',
        params: { waveId, unitId: id ?? '' },
      } as const;
    case 'district':
      return {
        to: '/teammonitor/$waveId/districten/$districtId',
        params: { waveId, districtId: id ?? '' },
      } as const;
    case 'team':
      return {
        to: '/teammonitor/$waveId/teams/$teamId',
        params: { waveId, teamId: id ?? '' },
      } as const;
  }
}

/**
 * Why a group is hidden, in words. Reason codes come from packages/disclosure; a code without a
 * text here is not shown raw: the general "too few respondents" then stands alone.
 */
export function reasonTexts(t: TFunction, reasons: string[], min: number): string[] {
  return reasons
    .map((r) => `monitor.reason.${r}`)
    .filter((key) => i18n.exists(key))
    .map((key) => t(key, { min }));
}

/** "Leeftijd: groep 2" for a background view's filter `age_band=2`. */
export function backgroundLabel(t: TFunction, filter: string): string {
  const [column = filter, value = ''] = filter.split('=');
  const key = `monitor.background.column.${column}`;
  const name = i18n.exists(key) ? t(key) : column;
  return t('monitor.background.value', { name, value });
}
