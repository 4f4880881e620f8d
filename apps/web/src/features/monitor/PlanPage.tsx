import { useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { PlanFollowUp, TeamPlan } from '@pvi/contracts';
import { formatDateTime } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { formatDay, formatShare, formatSigned } from './format.ts';
import { hasRole, pick } from './labels.ts';
import {
  PLAN_EDITORS,
  planFollowUpQuery,
  planHistoryQuery,
  planQuery,
  teamRisksQuery,
} from './plans/api.ts';
import { AddMeasureForm, UpdateMeasureForm } from './plans/MeasureForms.tsx';
import { PlanRisks } from './plans/RiskList.tsx';
import '../admin/admin.css';
import './monitor.css';

/** One plan of approach: its risks, measures and their progress, follow-up and history. */
export function PlanPage() {
  const { t } = useTranslation();
  const { teamId, planId } = useParams({
    from: '/signed-in/teammonitor/teams/$teamId/plannen/$planId',
  });
  const session = useSession();
  const plan = useQuery(planQuery(teamId, planId));
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.monitor'), to: '/teammonitor' },
  ];
  if (plan.isPending) return <Loading />;
  if (plan.isError)
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: t('plans.plan') }]} />
        <Heading1>{t('plans.plan')}</Heading1>
        <Failure error={plan.error} />
      </>
    );
  const p = plan.data;
  const editor = hasRole(session?.activeGrant, PLAN_EDITORS);
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          {
            label: t('plans.team.crumb', { team: p.teamName }),
            to: '/teammonitor/teams/$teamId/plannen',
            params: { teamId },
          },
          { label: p.wave.name },
        ]}
      />
      <Heading1>{t('plans.team.title', { team: p.teamName })}</Heading1>
      <Paragraph>{t('plans.team.planFor', { wave: p.wave.name })}</Paragraph>
      <dl className="pvi-facts pvi-facts--wide">
        <dt>{t('plans.column.conversation')}</dt>
        <dd>{p.conversationOn ? formatDay(p.conversationOn) : t('plans.noConversation')}</dd>
        <dt>{t('plans.updatedAt')}</dt>
        <dd>
          {formatDateTime(p.updatedAt)}{' '}
          <span className="pvi-muted">({t('plans.version', { version: p.version })})</span>
        </dd>
      </dl>
      {p.summary && (
        <section aria-labelledby="plan-summary-title">
          <Heading2 id="plan-summary-title">{t('plans.form.summary')}</Heading2>
          <Paragraph className="pvi-pre-line">{p.summary}</Paragraph>
        </section>
      )}
      <Risks plan={p} />
      <Measures plan={p} />
      {editor && (
        <>
          <UpdateMeasureForm plan={p} />
          <AddMeasureForm plan={p} />
        </>
      )}
      <FollowUp teamId={teamId} planId={planId} />
      <History teamId={teamId} planId={planId} />
    </>
  );
}

function Risks({ plan }: { plan: TeamPlan }) {
  const { t } = useTranslation();
  const flags = useQuery(teamRisksQuery(plan.teamId, plan.wave.id));
  return (
    <section aria-labelledby="plan-risks-title" className="pvi-monitor-section">
      <Heading2 id="plan-risks-title">{t('plans.form.risks')}</Heading2>
      {flags.isPending ? <Loading /> : <PlanRisks risks={plan.risks} flags={flags.data} />}
    </section>
  );
}

function Measures({ plan }: { plan: TeamPlan }) {
  const { t } = useTranslation();
  const caption = t('plans.measures.caption', { team: plan.teamName });
  return (
    <section aria-labelledby="plan-measures-title" className="pvi-monitor-section">
      <Heading2 id="plan-measures-title">{t('plans.measures.title')}</Heading2>
      {plan.measures.length === 0 ? (
        <Empty>{t('plans.measures.none')}</Empty>
      ) : (
        <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <Table>
            <caption className="pvi-visually-hidden">{caption}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('plans.measure.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.measure.owner')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.measure.dueOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.measure.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.measure.progress')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...plan.measures]
                .sort((a, b) => a.position - b.position)
                .map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{m.title}</TableHeaderCell>
                    <TableCell>{m.owner}</TableCell>
                    <TableCell>
                      {m.dueOn ? formatDay(m.dueOn) : '—'}
                      {m.overdue && (
                        <strong className="pvi-overdue"> {t('plans.measures.overdue')}</strong>
                      )}
                    </TableCell>
                    <TableCell>{t(`plans.status.${m.status}`)}</TableCell>
                    <TableCell>
                      {m.progress === null ? '—' : `${String(m.progress)} %`}
                      {m.progressNote && (
                        <span className="pvi-muted pvi-block">{m.progressNote}</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function FollowUp({ teamId, planId }: { teamId: string; planId: string }) {
  const { t } = useTranslation();
  const followUp = useQuery(planFollowUpQuery(teamId, planId));
  return (
    <section aria-labelledby="plan-follow-up-title" className="pvi-monitor-section">
      <Heading2 id="plan-follow-up-title">{t('plans.followUp.title')}</Heading2>
      {followUp.isPending ? (
        <Loading />
      ) : followUp.isError ? (
        <Failure error={followUp.error} />
      ) : !followUp.data.nextWave ? (
        <Paragraph className="pvi-muted">{t('plans.followUp.waiting')}</Paragraph>
      ) : followUp.data.measures.length === 0 ? (
        <Paragraph className="pvi-muted">{t('plans.followUp.noScales')}</Paragraph>
      ) : (
        <FollowUpTable followUp={followUp.data} />
      )}
    </section>
  );
}

function FollowUpTable({ followUp }: { followUp: PlanFollowUp }) {
  const { t } = useTranslation();
  const caption = t('plans.followUp.caption', { wave: followUp.nextWave?.name ?? '' });
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('plans.measure.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.measure.scale')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.followUp.before')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.followUp.after')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.followUp.change')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {followUp.measures.map((m) => (
            <TableRow key={m.measureId}>
              <TableHeaderCell scope="row">{m.title}</TableHeaderCell>
              <TableCell>{m.scaleTitle ? pick(m.scaleTitle) : m.scaleKey}</TableCell>
              <TableCell>{m.before ? formatShare(m.before.favourable) : '—'}</TableCell>
              <TableCell>{m.after ? formatShare(m.after.favourable) : '—'}</TableCell>
              <TableCell>
                {m.comparison ? `${formatSigned(m.comparison.difference)} · ` : ''}
                {pick(m.explanation)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function History({ teamId, planId }: { teamId: string; planId: string }) {
  const { t } = useTranslation();
  const history = useQuery(planHistoryQuery(teamId, planId));
  return (
    <section aria-labelledby="plan-history-title" className="pvi-monitor-section">
      <Heading2 id="plan-history-title">{t('plans.history.title')}</Heading2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Failure error={history.error} />
      ) : history.data.length === 0 ? (
        <Empty>{t('plans.history.none')}</Empty>
      ) : (
        <OrderedList>
          {history.data.map((e) => (
            <OrderedListItem key={e.id}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> —{' '}
              {t(`plans.history.action.${e.action}`)}
              {e.by.name || e.by.role ? (
                <>
                  {' '}
                  {t('plans.history.by', {
                    who: [
                      e.by.name,
                      e.by.role ? t(`role.${e.by.role}`, { defaultValue: e.by.role }) : null,
                    ]
                      .filter(Boolean)
                      .join(', '),
                  })}
                </>
              ) : null}
              {e.action.endsWith('_updated') && Object.keys(e.changes).length > 0 && (
                <span className="pvi-muted">
                  {' '}
                  (
                  {Object.keys(e.changes)
                    .map((field) => t(`plans.history.field.${field}`, { defaultValue: field }))
                    .join(', ')}
                  )
                </span>
              )}
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
    </section>
  );
}
