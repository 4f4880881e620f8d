import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
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
import { formatNumber } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { teamQuery } from '../org/api.ts';
import { wavesQuery } from './api.ts';
import { formatDay } from './format.ts';
import { hasRole } from './labels.ts';
import { PLAN_EDITORS, teamPlansQuery, teamRisksQuery } from './plans/api.ts';
import { CreatePlanForm } from './plans/CreatePlanForm.tsx';
import { RiskFlags } from './plans/RiskList.tsx';
import './monitor.css';

/**
 * A team's plans of approach: the risks from its latest results, its plans per wave, and (for the
 * team chief and unit leadership) agreeing a new plan.
 */
export function TeamPlansPage() {
  const { t } = useTranslation();
  const { teamId } = useParams({ from: '/signed-in/teammonitor/teams/$teamId/plannen' });
  const session = useSession();
  const team = useQuery(teamQuery(teamId));
  const plans = useQuery(teamPlansQuery(teamId));
  const risks = useQuery(teamRisksQuery(teamId, ''));
  const waves = useQuery(wavesQuery);
  const editor = hasRole(session?.activeGrant, PLAN_EDITORS);
  const name = team.data?.name ?? t('org.team');
  const closed = (waves.data ?? [])
    .filter(
      (w) =>
        w.status === 'closed' && team.data && w.units.some((u) => u.unitId === team.data.unitId),
    )
    .sort((a, b) => ((a.closedAt ?? '') < (b.closedAt ?? '') ? 1 : -1));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          { label: t('nav.monitor'), to: '/teammonitor' },
          { label: t('plans.team.crumb', { team: name }) },
        ]}
      />
      <Heading1>{t('plans.team.title', { team: name })}</Heading1>
      <Paragraph>{t('plans.team.intro')}</Paragraph>

      <section aria-labelledby="risks-title" className="pvi-monitor-section">
        <Heading2 id="risks-title">
          {risks.data?.wave
            ? t('plans.risks.titleOf', { wave: risks.data.wave.name })
            : t('plans.risks.title')}
        </Heading2>
        {risks.isPending ? (
          <Loading />
        ) : risks.isError ? (
          <Failure error={risks.error} />
        ) : (
          <RiskFlags risks={risks.data} />
        )}
      </section>

      <section aria-labelledby="plans-title" className="pvi-monitor-section">
        <Heading2 id="plans-title">{t('plans.team.plans')}</Heading2>
        {plans.isPending ? (
          <Loading />
        ) : plans.isError ? (
          <Failure error={plans.error} />
        ) : plans.data.length === 0 ? (
          <Empty>{editor ? t('plans.team.noneEditor') : t('plans.team.none')}</Empty>
        ) : (
          <div
            className="pvi-table-wrap"
            role="region"
            aria-label={t('plans.team.plans')}
            tabIndex={0}
          >
            <Table>
              <caption className="pvi-visually-hidden">{t('plans.team.plans')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('plans.column.wave')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('plans.column.conversation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('plans.column.measures')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('plans.column.overdue')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {plans.data.map((p) => (
                  <TableRow key={p.id}>
                    <TableHeaderCell scope="row">
                      <Link
                        to="/teammonitor/teams/$teamId/plannen/$planId"
                        params={{ teamId, planId: p.id }}
                      >
                        {t('plans.team.planFor', { wave: p.wave.name })}
                      </Link>
                    </TableHeaderCell>
                    <TableCell>{p.conversationOn ? formatDay(p.conversationOn) : '—'}</TableCell>
                    <TableCell>
                      {t('plans.done', {
                        done: formatNumber(p.done),
                        total: formatNumber(p.measures),
                      })}
                    </TableCell>
                    <TableCell>{formatNumber(p.overdue)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {editor && plans.data && waves.data && team.data && closed.length > 0 && (
        <CreatePlanForm teamId={teamId} waves={closed} planned={plans.data.map((p) => p.wave.id)} />
      )}
    </>
  );
}
