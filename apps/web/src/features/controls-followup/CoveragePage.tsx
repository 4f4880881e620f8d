import { useState } from 'react';
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
import type { CoverageOverview, CoverageTotals } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Empty, Failure, Loading } from '../../components/States.tsx';
import { SelectField } from '../admin/Fields.tsx';
import { formatPercent } from '../monitor/format.ts';
import { coverageExportUrl, coverageQuery, recentYears, type CoverageLevel } from './api.ts';
import { coverageCells, StatusText } from './NormStatus.tsx';
import '../monitor/monitor.css';
import './followup.css';

function TotalsTable({ totals, caption }: { totals: CoverageTotals; caption: string }) {
  const { t } = useTranslation();
  const met = (n: { met: number; applicable: number; notRecorded: number }) =>
    t('followUp.coverage.teamsMet', {
      met: formatNumber(n.met),
      applicable: formatNumber(n.applicable),
      notRecorded: formatNumber(n.notRecorded),
    });
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('followUp.coverage.norm')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.coverage.teamsMeeting')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.coverage.figures')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">{t('followUp.norm.ambassadorsShort')}</TableHeaderCell>
            <TableCell>{met(totals.ambassadors)}</TableCell>
            <TableCell>
              {t('followUp.coverage.ambassadorCount', {
                n: formatNumber(totals.ambassadors.count),
              })}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{t('followUp.norm.ibt')}</TableHeaderCell>
            <TableCell>{met(totals.ibt)}</TableCell>
            <TableCell>
              {totals.ibt.share === null
                ? '—'
                : t('followUp.coverage.ofSize', {
                    n: formatNumber(totals.ibt.participants),
                    size: formatNumber(totals.ibt.teamSize),
                    share: formatPercent(totals.ibt.share),
                  })}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{t('followUp.norm.dialogueShort')}</TableHeaderCell>
            <TableCell>{met(totals.dialogue)}</TableCell>
            <TableCell>
              {t('followUp.coverage.meetingCount', { n: formatNumber(totals.dialogue.meetings) })}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{t('followUp.norm.vr')}</TableHeaderCell>
            <TableCell>{t('followUp.status.no_norm')}</TableCell>
            <TableCell>
              {t('followUp.coverage.sessions', {
                sessions: formatNumber(totals.vrSessions.sessions),
                participants: formatNumber(totals.vrSessions.participants),
              })}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

function TeamsTable({ o }: { o: CoverageOverview }) {
  const { t } = useTranslation();
  const caption = t('followUp.coverage.perTeam', { year: o.year });
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('followUp.coverage.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.norm.ambassadorsShort')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.norm.ibt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.norm.dialogueShort')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.norm.vr')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('followUp.coverage.normsMet')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {o.teams.map((c) => {
            const cells = coverageCells(c, t);
            return (
              <TableRow key={c.teamId}>
                <TableHeaderCell scope="row">
                  <Link to="/controles/teams/$teamId/vorming" params={{ teamId: c.teamId }}>
                    {c.teamName}
                  </Link>
                  {c.districtName && <span className="pvi-muted pvi-block">{c.districtName}</span>}
                </TableHeaderCell>
                <TableCell>
                  {cells.ambassadors} <StatusText status={c.ambassadors.status} />
                </TableCell>
                <TableCell>
                  {cells.ibt} <StatusText status={c.ibt.status} />
                </TableCell>
                <TableCell>
                  {cells.dialogue} <StatusText status={c.dialogue.status} />
                </TableCell>
                <TableCell>{cells.vr}</TableCell>
                <TableCell>
                  {t('followUp.coverage.normsOf', {
                    met: formatNumber(c.normsMet),
                    applicable: formatNumber(c.normsApplicable),
                  })}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function CoveragePage({ level, id }: { level: CoverageLevel; id: string }) {
  const { t } = useTranslation();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const data = useQuery(coverageQuery(level, id, year));
  const name = data.data?.scope.name ?? t(`followUp.coverage.${level}`);
  const o = data.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), to: '/' },
          level === 'unit'
            ? { label: name, to: '/organisatie/eenheden/$unitId', params: { unitId: id } }
            : {
                label: name,
                to: '/organisatie/districten/$districtId',
                params: { districtId: id },
              },
          { label: t('followUp.coverage.crumb') },
        ]}
      />
      <Heading1>{t('followUp.coverage.title', { name })}</Heading1>
      <Paragraph>{t('followUp.coverage.intro')}</Paragraph>
      <form
        className="pvi-form"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <SelectField
          id="coverage-year"
          label={t('followUp.year.label')}
          required
          value={String(year)}
          onChange={(v) => {
            setYear(Number(v));
          }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </form>
      {data.isPending ? (
        <Loading />
      ) : data.isError ? (
        <Failure error={data.error} />
      ) : o && o.teams.length === 0 ? (
        <Empty>{t('followUp.coverage.noTeams')}</Empty>
      ) : (
        o && (
          <>
            <section aria-labelledby="totals-title" className="pvi-monitor-section">
              <Heading2 id="totals-title">
                {t('followUp.coverage.totals', { year: o.year })}
              </Heading2>
              <Paragraph>
                {t('followUp.coverage.allMet', {
                  n: formatNumber(o.totals.teamsMeetingAll),
                  teams: formatNumber(o.totals.teams),
                })}
              </Paragraph>
              <TotalsTable
                totals={o.totals}
                caption={t('followUp.coverage.totals', { year: o.year })}
              />
              <Paragraph>
                <a href={coverageExportUrl(level, id, o.year)} download>
                  {t('followUp.coverage.export')}
                </a>
              </Paragraph>
            </section>
            {level === 'unit' && o.districts.length > 1 && (
              <section aria-labelledby="districts-title" className="pvi-monitor-section">
                <Heading2 id="districts-title">{t('followUp.coverage.perDistrict')}</Heading2>
                {o.districts.map((d) => (
                  <TotalsTable
                    key={d.districtId ?? 'none'}
                    totals={d.totals}
                    caption={d.districtName ?? t('followUp.coverage.noDistrict')}
                  />
                ))}
              </section>
            )}
            <section aria-labelledby="teams-title" className="pvi-monitor-section">
              <Heading2 id="teams-title">
                {t('followUp.coverage.perTeam', { year: o.year })}
              </Heading2>
              <TeamsTable o={o} />
            </section>
          </>
        )
      )}
    </>
  );
}

export function UnitCoveragePage() {
  const { unitId } = useParams({ from: '/signed-in/controles/dekking/eenheden/$unitId' });
  return <CoveragePage level="unit" id={unitId} />;
}
export function DistrictCoveragePage() {
  const { districtId } = useParams({
    from: '/signed-in/controles/dekking/districten/$districtId',
  });
  return <CoveragePage level="district" id={districtId} />;
}
