import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Grant, Wave } from '@pvi/contracts';
import { formatDate } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Failure, Loading } from '../../components/States.tsx';
import { districtQuery, teamQuery } from '../org/api.ts';
import { wavesQuery } from './api.ts';
import { formatDay, lastCloseDate } from './format.ts';
import {
  hasRole,
  managesWave,
  REPORT_READERS,
  reportRoute,
  reportTargetOf,
  WAVE_MANAGERS,
} from './labels.ts';
import { ResponseText } from './ResponseText.tsx';
import { plansLinkOf } from './plans/links.ts';
import './monitor.css';

/** The unit the active grant sits in (null: national, everything concerns it). */
function useScopeUnit(grant: Grant | null): { unitId: string | null; ready: boolean } {
  const team = useQuery({
    ...teamQuery(grant?.scopeId ?? ''),
    enabled: grant?.scopeType === 'team',
  });
  const district = useQuery({
    ...districtQuery(grant?.scopeId ?? ''),
    enabled: grant?.scopeType === 'district',
  });
  if (!grant || grant.scopeType === 'national') return { unitId: null, ready: true };
  if (grant.scopeType === 'unit') return { unitId: grant.scopeId, ready: true };
  const data = grant.scopeType === 'team' ? team.data : district.data;
  return { unitId: data?.unitId ?? null, ready: data !== undefined };
}

/**
 * The team monitor on the home page: what needs attention now, from real data — a wave that is
 * open (until when; for a manager the response so far), a draft waiting to open, and the latest
 * closed wave's results for the role's own team, district, unit or the country.
 */
export function HomeMonitor() {
  const { t } = useTranslation();
  const session = useSession();
  const grant = session?.activeGrant ?? null;
  const waves = useQuery(wavesQuery);
  const scope = useScopeUnit(grant);
  if (!grant) return null;
  const manager = hasRole(grant, WAVE_MANAGERS);
  const reader = hasRole(grant, REPORT_READERS);
  if (!manager && !reader) return null;

  const concerns = (w: Wave) =>
    scope.unitId === null || w.units.some((u) => u.unitId === scope.unitId);
  const relevant = (waves.data ?? []).filter(concerns);
  const open = relevant.filter((w) => w.status === 'open');
  const drafts = relevant.filter((w) => w.status === 'draft' && managesWave(grant, w));
  const closed = relevant
    .filter((w) => w.status === 'closed' && w.closedAt)
    .sort((a, b) => (a.closedAt! < b.closedAt! ? 1 : -1));
  const latest = closed[0];
  const target = reportTargetOf(session);
  const plans = plansLinkOf(session);

  return (
    <section aria-labelledby="home-monitor-title" className="pvi-home-monitor">
      <Heading2 id="home-monitor-title">{t('nav.monitor')}</Heading2>
      {waves.isPending || !scope.ready ? (
        <Loading />
      ) : waves.isError ? (
        <Failure error={waves.error} />
      ) : (
        <ul className="pvi-cards">
          {open.map((w) => {
            const leg = w.units.find((u) => u.unitId === scope.unitId);
            const until = leg?.closesOn ?? lastCloseDate(w.units);
            return (
              <li key={w.id} className="pvi-card">
                <Heading3>
                  <Link to="/teammonitor/$waveId" params={{ waveId: w.id }}>
                    {w.name}
                  </Link>
                </Heading3>
                <Paragraph>
                  {until
                    ? t('home.monitor.openUntil', { date: formatDay(until) })
                    : t('monitor.status.open')}
                </Paragraph>
                {manager ? (
                  <Paragraph>
                    <ResponseText invited={w.invited} responded={w.responded} />
                  </Paragraph>
                ) : (
                  <Paragraph className="pvi-muted">{t('home.monitor.openMember')}</Paragraph>
                )}
              </li>
            );
          })}
          {drafts.map((w) => (
            <li key={w.id} className="pvi-card">
              <Heading3>
                <Link to="/teammonitor/$waveId" params={{ waveId: w.id }}>
                  {w.name}
                </Link>
              </Heading3>
              <Paragraph>{t('home.monitor.draft')}</Paragraph>
            </li>
          ))}
          {latest && reader && target && (
            <li className="pvi-card">
              <Heading3>{t('home.monitor.latestResults')}</Heading3>
              <Paragraph>
                <Link {...reportRoute(latest.id, target.level, target.id)}>
                  {target.level === 'national'
                    ? t('home.monitor.resultsNational', { wave: latest.name })
                    : t('home.monitor.resultsOf', { wave: latest.name, name: target.name })}
                </Link>
              </Paragraph>
              <Paragraph className="pvi-muted">
                {t('home.monitor.closedOn', { date: formatDate(latest.closedAt!) })}
              </Paragraph>
            </li>
          )}
          {plans && (
            <li className="pvi-card">
              <Heading3>{t('plans.plan')}</Heading3>
              <Paragraph>
                <Link to={plans.to} params={plans.params}>
                  {plans.kind === 'team'
                    ? t('plans.link.team', { name: plans.name })
                    : t('plans.link.overview', { name: plans.name })}
                </Link>
              </Paragraph>
            </li>
          )}
          {open.length === 0 && drafts.length === 0 && !(latest && reader && target) && (
            <li className="pvi-card">
              <Paragraph>{t('home.monitor.nothing')}</Paragraph>
              <Paragraph>
                <Link to="/teammonitor">{t('home.monitor.allWaves')}</Link>
              </Paragraph>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
