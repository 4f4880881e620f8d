import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CoverageStatus, TeamCoverage } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { formatPercent } from '../monitor/format.ts';
import { statusClass } from './labels.ts';

/** A norm's status in words (never colour alone). */
export function StatusText({ status }: { status: CoverageStatus }) {
  const { t } = useTranslation();
  return <span className={statusClass(status)}>{t(`followUp.status.${status}`)}</span>;
}

/** The figures behind each norm of one team, as cells of a row. */
export function coverageCells(c: TeamCoverage, t: TFunction) {
  return {
    ambassadors: formatNumber(c.ambassadors.count),
    ibt:
      c.ibt.participants === null
        ? '—'
        : t('followUp.coverage.ofSize', {
            n: formatNumber(c.ibt.participants),
            size: formatNumber(c.teamSize),
            share: c.ibt.share === null ? '' : formatPercent(c.ibt.share),
          }),
    vr: t('followUp.coverage.sessions', {
      sessions: formatNumber(c.vrSessions.sessions),
      participants: formatNumber(c.vrSessions.participants),
    }),
    dialogue: t('followUp.coverage.meetings', {
      meetings: formatNumber(c.dialogue.meetings),
      participants: formatNumber(c.dialogue.participants),
    }),
  };
}
