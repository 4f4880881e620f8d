import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ButtonLink,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PlanOverview } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { formatDay } from './format.ts';
import { pick } from './labels.ts';
import { planOverviewExportUrl, planOverviewQuery, type OverviewLevel } from './plans/api.ts';
import '../admin/admin.css';
import './monitor.css';

export function NationalPlansPage() {
  return <PlanOverviewView level="national" id="" />;
}
export function UnitPlansPage() {
  const { unitId } = useParams({ from: '/signed-in/teammonitor/plannen/eenheden/$unitId' });
  return <PlanOverviewView level="unit" id={unitId} />;
}
export function DistrictPlansPage() {
  const { districtId } = useParams({
    from: '/signed-in/teammonitor/plannen/districten/$districtId',
  });
  return <PlanOverviewView level="district" id={districtId} />;
}

/** Leadership's view: which teams have a plan for their latest results, overdue measures, flags. */
function PlanOverviewView({ level, id }: { level: OverviewLevel; id: string }) {
  const { t } = useTranslation();
  const overview = useQuery(planOverviewQuery(level, id));
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.monitor'), to: '/teammonitor' },
  ];
  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: t('plans.overview.title') }]} />
        <Heading1>{t('plans.overview.title')}</Heading1>
        <Failure error={overview.error} />
      </>
    );
  const o = overview.data;
  const s = o.summary;
  return (
    <>
      <Breadcrumbs
        items={[...crumbs, { label: t('plans.overview.titleOf', { name: o.scope.name }) }]}
      />
      <Heading1>{t('plans.overview.titleOf', { name: o.scope.name })}</Heading1>
      <Paragraph>{t('plans.overview.intro')}</Paragraph>
      <dl className="pvi-facts pvi-facts--wide">
        <dt>{t('plans.overview.teams')}</dt>
        <dd>{formatNumber(s.teams)}</dd>
        <dt>{t('plans.overview.surveyed')}</dt>
        <dd>{formatNumber(s.surveyed)}</dd>
        <dt>{t('plans.overview.withPlan')}</dt>
        <dd>{formatNumber(s.withPlan)}</dd>
        <dt>{t('plans.overview.withoutPlan')}</dt>
        <dd>{formatNumber(s.withoutPlan)}</dd>
        <dt>{t('plans.overview.flagged')}</dt>
        <dd>{formatNumber(s.flagged)}</dd>
        <dt>{t('plans.overview.overdueMeasures')}</dt>
        <dd>{formatNumber(s.overdueMeasures)}</dd>
      </dl>
      {level === 'unit' && (
        <Paragraph>
          <Link to="/teammonitor/aandacht/eenheden/$unitId" params={{ unitId: id }}>
            {t('analytics.linkOf', { name: o.scope.name })}
          </Link>
        </Paragraph>
      )}
      {level === 'district' && (
        <Paragraph>
          <Link to="/teammonitor/aandacht/districten/$districtId" params={{ districtId: id }}>
            {t('analytics.linkOf', { name: o.scope.name })}
          </Link>
        </Paragraph>
      )}
      <Paragraph>
        <ButtonLink appearance="secondary-action-button" href={planOverviewExportUrl(level, id)}>
          {t('plans.overview.export')}
        </ButtonLink>
      </Paragraph>
      <section aria-labelledby="overview-teams-title" className="pvi-monitor-section">
        <Heading2 id="overview-teams-title">{t('plans.overview.teamsTitle')}</Heading2>
        {o.teams.length === 0 ? <Empty>{t('org.noTeams')}</Empty> : <TeamsTable overview={o} />}
      </section>
      <section aria-labelledby="overview-overdue-title" className="pvi-monitor-section">
        <Heading2 id="overview-overdue-title">{t('plans.overview.overdueTitle')}</Heading2>
        {o.overdue.length === 0 ? (
          <Empty>{t('plans.overview.noOverdue')}</Empty>
        ) : (
          <OverdueTable overview={o} />
        )}
      </section>
    </>
  );
}

function TeamsTable({ overview }: { overview: PlanOverview }) {
  const { t } = useTranslation();
  const caption = t('plans.overview.teamsCaption', { name: overview.scope.name });
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('org.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('org.district')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.overview.latestWave')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.plan')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.overview.flags')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.teams.map((team) => (
            <TableRow key={team.teamId}>
              <TableHeaderCell scope="row">
                <Link to="/teammonitor/teams/$teamId/plannen" params={{ teamId: team.teamId }}>
                  {team.teamName}
                </Link>
              </TableHeaderCell>
              <TableCell>{team.districtName ?? '—'}</TableCell>
              <TableCell>
                {team.wave ? team.wave.name : t('plans.overview.noWave')}
                {team.shown === false && (
                  <span className="pvi-muted pvi-block">{t('monitor.hidden.short')}</span>
                )}
              </TableCell>
              <TableCell>
                {team.plan ? (
                  <>
                    {t('plans.done', {
                      done: formatNumber(team.plan.done),
                      total: formatNumber(team.plan.measures),
                    })}
                    {team.plan.overdue > 0 && (
                      <strong className="pvi-overdue pvi-block">
                        {t('plans.overview.overdueCount', {
                          count: team.plan.overdue,
                          formatted: formatNumber(team.plan.overdue),
                        })}
                      </strong>
                    )}
                  </>
                ) : team.wave ? (
                  <strong>{t('plans.overview.noPlan')}</strong>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>
                {team.flags.length === 0 ? (
                  '—'
                ) : (
                  <ul className="pvi-plain-list">
                    {team.flags.map((f) => (
                      <li key={f.code}>
                        {f.subject ? pick(f.subject) : t(`plans.rule.${f.rule}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function OverdueTable({ overview }: { overview: PlanOverview }) {
  const { t } = useTranslation();
  const caption = t('plans.overview.overdueTitle');
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('org.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.measure.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.measure.owner')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.measure.dueOn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.overview.daysOverdue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.overdue.map((m) => (
            <TableRow key={m.measureId}>
              <TableHeaderCell scope="row">
                <Link
                  to="/teammonitor/teams/$teamId/plannen/$planId"
                  params={{ teamId: m.teamId, planId: m.planId }}
                >
                  {m.teamName}
                </Link>
              </TableHeaderCell>
              <TableCell>{m.title}</TableCell>
              <TableCell>{m.owner}</TableCell>
              <TableCell>{formatDay(m.dueOn)}</TableCell>
              <TableCell>{formatNumber(m.daysOverdue)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
