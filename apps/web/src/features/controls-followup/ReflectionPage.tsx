import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../app/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { hasRole } from '../monitor/labels.ts';
import { teamQuery } from '../org/api.ts';
import { FOLLOW_UP_EDITORS, reflectionFiguresQuery, reflectionSessionsQuery } from './api.ts';
import { FiguresSummary } from './FiguresSummary.tsx';
import { periodOf, PERIODS, type PeriodKey } from './period.ts';
import { Prompts } from './Prompts.tsx';
import { SessionForm } from './SessionForm.tsx';
import { SessionList } from './SessionList.tsx';
import '../monitor/monitor.css';
import './followup.css';

/**
 * The team's reflection page (Blauw Vakmanschap): its control figures for a period, conversation
 * prompts along the handelingskader, and the sessions the team chief records.
 */
export function ReflectionPage() {
  const { t } = useTranslation();
  const { teamId } = useParams({ from: '/signed-in/controles/teams/$teamId/reflectie' });
  const session = useSession();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('last12');
  const period = periodOf(periodKey);
  const team = useQuery(teamQuery(teamId));
  const figures = useQuery(reflectionFiguresQuery(teamId, period.from, period.to));
  const sessions = useQuery(reflectionSessionsQuery(teamId));
  const editor = hasRole(session?.activeGrant, FOLLOW_UP_EDITORS);
  const name = team.data?.name ?? t('org.team');

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          ...(team.data
            ? [{ label: name, to: '/organisatie/teams/$teamId', params: { teamId } }]
            : []),
          { label: t('followUp.reflection.crumb') },
        ]}
      />
      <Heading1>{t('followUp.reflection.title', { team: name })}</Heading1>
      <Paragraph>{t('followUp.reflection.intro')}</Paragraph>
      <Paragraph>
        <Link to="/controles/teams/$teamId/vorming" params={{ teamId }}>
          {t('followUp.outreach.link')}
        </Link>
      </Paragraph>

      <section aria-labelledby="figures-title" className="pvi-monitor-section">
        <Heading2 id="figures-title">{t('followUp.figures.title')}</Heading2>
        <form
          className="pvi-form"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <SelectField
            id="reflection-period"
            label={t('followUp.figures.period')}
            required
            value={periodKey}
            onChange={(v) => {
              setPeriodKey(v as PeriodKey);
            }}
            options={PERIODS.map((p) => ({ value: p, label: t(`followUp.period.${p}`) }))}
          />
        </form>
        {figures.isPending ? (
          <Loading />
        ) : figures.isError ? (
          <Failure error={figures.error} />
        ) : (
          <FiguresSummary figures={figures.data} />
        )}
      </section>

      <section aria-labelledby="prompts-title" className="pvi-monitor-section">
        <Heading2 id="prompts-title">{t('followUp.prompts.title')}</Heading2>
        <Paragraph>{t('followUp.prompts.intro')}</Paragraph>
        <Prompts figures={figures.data ?? null} />
      </section>

      <section aria-labelledby="sessions-title" className="pvi-monitor-section">
        <Heading2 id="sessions-title">{t('followUp.session.listTitle')}</Heading2>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.isError ? (
          <Failure error={sessions.error} />
        ) : sessions.data.length === 0 ? (
          <Empty>{editor ? t('followUp.session.noneEditor') : t('followUp.session.none')}</Empty>
        ) : (
          <SessionList teamId={teamId} sessions={sessions.data} editor={editor} period={period} />
        )}
      </section>

      {editor && <SessionForm teamId={teamId} period={period} />}
    </>
  );
}
