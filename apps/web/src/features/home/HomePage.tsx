import { lazy, Suspense } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Team, Unit } from '@pvi/contracts';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Failure, Loading } from '../../components/States.tsx';

// Each pillar is its own chunk, also its part of the home page.
const HomeMonitor = lazy(async () => ({
  default: (await import('../monitor/HomeMonitor.tsx')).HomeMonitor,
}));

/**
 * Home per role: the active grant's team or unit, the person's own team, and what needs attention
 * in the team monitor. Real data only.
 */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const grant = session?.activeGrant ?? null;
  const team = useQuery({
    queryKey: ['team', grant?.scopeId],
    queryFn: () => api<Team>(`/teams/${grant!.scopeId!}`),
    enabled: grant?.scopeType === 'team',
  });
  const unit = useQuery({
    queryKey: ['unit', grant?.scopeId],
    queryFn: () => api<Unit>(`/units/${grant!.scopeId!}`),
    enabled: grant?.scopeType === 'unit',
  });
  const units = useQuery({
    queryKey: ['units', 'all'],
    queryFn: () => api<{ total: number; items: Unit[] }>('/units?pageSize=50'),
    enabled: grant?.scopeType === 'national',
  });
  if (!session) return <Loading />;
  return (
    <>
      <Heading1>{t('home.welcome', { name: session.account.displayName })}</Heading1>
      {grant ? (
        <Paragraph>
          {t('home.activeRole', { role: t(`role.${grant.role}`), scope: grant.scopeName })}
        </Paragraph>
      ) : (
        <Paragraph>{t('home.noRole')}</Paragraph>
      )}
      <ul className="pvi-cards">
        {grant?.scopeType === 'team' && (
          <li className="pvi-card">
            <Heading2>{t('home.yourTeam')}</Heading2>
            {team.isPending ? (
              <Loading />
            ) : team.isError ? (
              <Failure error={team.error} />
            ) : (
              <>
                <Paragraph>
                  <Link to="/organisatie/teams/$teamId" params={{ teamId: team.data.id }}>
                    {team.data.name}
                  </Link>
                </Paragraph>
                <Paragraph>
                  {t('org.memberCount', {
                    count: team.data.memberCount,
                    formatted: formatNumber(team.data.memberCount),
                  })}
                </Paragraph>
                <Paragraph className="pvi-muted">
                  {[team.data.districtName, team.data.unitName].filter(Boolean).join(' · ')}
                </Paragraph>
              </>
            )}
          </li>
        )}
        {grant?.scopeType === 'unit' && (
          <li className="pvi-card">
            <Heading2>{t('home.yourUnit')}</Heading2>
            {unit.isPending ? (
              <Loading />
            ) : unit.isError ? (
              <Failure error={unit.error} />
            ) : (
              <>
                <Paragraph>
                  <Link to="/organisatie/eenheden/$unitId" params={{ unitId: unit.data.id }}>
                    {unit.data.name}
                  </Link>
                </Paragraph>
                <Paragraph>
                  {t('org.unitCounts', {
                    districts: unit.data.districtCount,
                    teams: unit.data.teamCount,
                  })}
                </Paragraph>
              </>
            )}
          </li>
        )}
        {grant?.scopeType === 'national' && (
          <li className="pvi-card">
            <Heading2>{t('home.organisation')}</Heading2>
            {units.isPending ? (
              <Loading />
            ) : units.isError ? (
              <Failure error={units.error} />
            ) : (
              <Paragraph>
                <Link to="/organisatie">{t('home.unitsCount', { count: units.data.total })}</Link>
              </Paragraph>
            )}
          </li>
        )}
        {session.person?.team && (
          <li className="pvi-card">
            <Heading2>{t('home.yourOwnTeam')}</Heading2>
            <Paragraph>
              <Link to="/organisatie/teams/$teamId" params={{ teamId: session.person.team.id }}>
                {session.person.team.name}
              </Link>
            </Paragraph>
            <Paragraph className="pvi-muted">{session.person.team.unitName}</Paragraph>
          </li>
        )}
      </ul>
      <Suspense fallback={<Loading />}>
        <HomeMonitor />
      </Suspense>
    </>
  );
}
