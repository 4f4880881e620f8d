import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, ButtonLink, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { SurveyReport } from '@pvi/contracts';
import { ApiError } from '../../app/api.ts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Failure, Loading } from '../../components/States.tsx';
import { reportExportUrl, reportQuery, waveQuery, type ReportLevel } from './api.ts';
import { formatPercent } from './format.ts';
import { pick, reasonTexts } from './labels.ts';
import { BackgroundTable, GroupHeatmap, type ScaleColumn } from './report/GroupHeatmap.tsx';
import { ItemDistributions } from './report/ItemDistributions.tsx';
import { ScaleTable } from './report/ScaleTable.tsx';
import { ConversationKit, OpenAnswers } from './report/TextSections.tsx';
import './monitor.css';

export function NationalReportPage() {
  const { waveId } = useParams({ from: '/signed-in/teammonitor/$waveId/landelijk' });
  return <ReportView waveId={waveId} level="national" groupId="" />;
}
export function UnitReportPage() {
  const { waveId, unitId } = useParams({ from: '/signed-in/teammonitor/$waveId/eenheden/$unitId' });
  return <ReportView waveId={waveId} level="unit" groupId={unitId} />;
}
export function DistrictReportPage() {
  const { waveId, districtId } = useParams({
    from: '/signed-in/teammonitor/$waveId/districten/$districtId',
  });
  return <ReportView waveId={waveId} level="district" groupId={districtId} />;
}
export function TeamReportPage() {
  const { waveId, teamId } = useParams({ from: '/signed-in/teammonitor/$waveId/teams/$teamId' });
  return <ReportView waveId={waveId} level="team" groupId={teamId} />;
}

/** The scale columns of tables about groups: the report's scales, or the kit's themes when hidden. */
function scaleColumns(report: SurveyReport): ScaleColumn[] {
  if (report.scales.length) return report.scales.map((s) => ({ key: s.key, title: pick(s.title) }));
  const fromKit = (report.conversationKit ?? []).map((k) => ({
    key: k.scaleKey,
    title: pick(k.title),
  }));
  if (fromKit.length) return fromKit;
  const keys = new Set(report.children.flatMap((c) => Object.keys(c.scales ?? {})));
  return [...keys].map((key) => ({ key, title: key }));
}

function ReportView(props: { waveId: string; level: ReportLevel; groupId: string }) {
  const { t } = useTranslation();
  const wave = useQuery(waveQuery(props.waveId));
  const report = useQuery(reportQuery(props.waveId, props.level, props.groupId));
  const waveName = wave.data?.name ?? t('monitor.wave');
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('nav.monitor'), to: '/teammonitor' },
    { label: waveName, to: '/teammonitor/$waveId', params: { waveId: props.waveId } },
  ];
  if (report.isPending) return <Loading />;
  if (report.isError) {
    const status = report.error instanceof ApiError ? report.error.status : 0;
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: t('monitor.report.title') }]} />
        <Heading1>{t('monitor.report.title')}</Heading1>
        {status === 409 || status === 404 ? (
          <Alert type="info">
            <Paragraph>
              {status === 409 ? t('monitor.report.notClosed') : t('monitor.report.notInWave')}
            </Paragraph>
          </Alert>
        ) : (
          <Failure error={report.error} />
        )}
      </>
    );
  }
  const r = report.data;
  const g = r.group;
  const columns = scaleColumns(r);
  return (
    <div className="pvi-report">
      <Breadcrumbs items={[...crumbs, { label: g.name }]} />
      <Heading1>{g.name}</Heading1>
      <Paragraph>
        {t('monitor.report.subtitle', { wave: r.wave.name, level: t(`monitor.level.${g.level}`) })}
      </Paragraph>
      <ReportExports waveId={props.waveId} level={props.level} groupId={props.groupId} />

      {g.shown ? (
        <>
          <section aria-labelledby="response-title">
            <Heading2 id="response-title">{t('monitor.report.response')}</Heading2>
            <Paragraph>
              {g.invited && g.respondents !== null
                ? t('monitor.report.responseText', {
                    respondents: formatNumber(g.respondents),
                    invited: formatNumber(g.invited),
                    rate: g.responseRate === null ? '—' : formatPercent(g.responseRate),
                  })
                : t('monitor.report.respondentsOnly', {
                    count: g.respondents ?? 0,
                    formatted: formatNumber(g.respondents ?? 0),
                  })}
            </Paragraph>
          </section>
          <section aria-labelledby="scales-title">
            <Heading2 id="scales-title">{t('monitor.scales.title')}</Heading2>
            <Paragraph>{t('monitor.scales.intro')}</Paragraph>
            <ScaleTable report={r} />
          </section>
          <section aria-labelledby="items-title">
            <Heading2 id="items-title">{t('monitor.items.title')}</Heading2>
            {r.items ? (
              <ItemDistributions report={r} />
            ) : (
              <Paragraph className="pvi-muted">{t('monitor.items.hidden')}</Paragraph>
            )}
          </section>
          <section aria-labelledby="open-title">
            <Heading2 id="open-title">{t('monitor.open.title')}</Heading2>
            {r.openAnswers ? (
              <OpenAnswers report={r} />
            ) : (
              <Paragraph className="pvi-muted">
                {t('monitor.open.hidden', { min: r.rules.minOpenAnswerGroupSize })}
              </Paragraph>
            )}
          </section>
        </>
      ) : (
        <HiddenGroup report={r} />
      )}

      {g.level === 'team' && g.id && (
        <section aria-labelledby="plan-link-title">
          <Heading2 id="plan-link-title">{t('plans.plan')}</Heading2>
          <Paragraph>{t('plans.report.text')}</Paragraph>
          <Paragraph>
            <Link to="/teammonitor/teams/$teamId/plannen" params={{ teamId: g.id }}>
              {t('plans.link.team', { name: g.name })}
            </Link>
          </Paragraph>
        </section>
      )}
      {r.children.length > 0 && (
        <section aria-labelledby="children-title">
          <Heading2 id="children-title">{t(`monitor.heatmap.title.${g.level}`)}</Heading2>
          <Paragraph>{t('monitor.heatmap.intro')}</Paragraph>
          <GroupHeatmap
            report={r}
            columns={columns}
            caption={t('monitor.heatmap.caption', { name: g.name })}
          />
        </section>
      )}
      {r.background.length > 0 && (
        <section aria-labelledby="background-title">
          <Heading2 id="background-title">{t('monitor.background.title')}</Heading2>
          <Paragraph>{t('monitor.background.intro')}</Paragraph>
          <BackgroundTable report={r} columns={columns} />
        </section>
      )}
    </div>
  );
}

/** The same report as a file, under the same disclosure rules as the screen. */
function ReportExports(props: { waveId: string; level: ReportLevel; groupId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="export-title" className="pvi-report-exports">
      <Heading2 id="export-title">{t('reportExport.title')}</Heading2>
      <Paragraph>{t('reportExport.intro')}</Paragraph>
      <Paragraph className="pvi-actions">
        {(['csv', 'xlsx'] as const).map((format) => (
          <ButtonLink
            key={format}
            appearance="secondary-action-button"
            href={reportExportUrl(props.waveId, props.level, props.groupId, format)}
            download
          >
            {t(`reportExport.${format}`)}
          </ButtonLink>
        ))}
      </Paragraph>
    </section>
  );
}

/** A group below the threshold: no numbers, why not, and the conversation kit instead. */
function HiddenGroup({ report }: { report: SurveyReport }) {
  const { t } = useTranslation();
  const why = reasonTexts(t, report.group.reasons, report.rules.minGroupSize);
  return (
    <>
      <Alert type="info">
        <Heading2>{t('monitor.hidden.title')}</Heading2>
        <Paragraph>{t('monitor.hidden.text', { min: report.rules.minGroupSize })}</Paragraph>
        {why.length > 0 && (
          <Paragraph>
            {t('monitor.hidden.why')} {why.join('; ')}
          </Paragraph>
        )}
      </Alert>
      {report.conversationKit && report.conversationKit.length > 0 && (
        <section aria-labelledby="kit-title">
          <Heading2 id="kit-title">{t('monitor.kit.title')}</Heading2>
          <ConversationKit kit={report.conversationKit} />
        </section>
      )}
    </>
  );
}
