import { useTranslation } from 'react-i18next';
import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AnalysisShare, ControlAnalysis, QualityRow, RateRow } from '@pvi/contracts';
import { formatNumber, i18n } from '../../app/i18n.ts';

const percent = (x: number) => formatNumber(Math.round(x * 100));
const decimals = (x: number | null, digits: number) =>
  x === null
    ? '—'
    : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(x);

/** A share as "45 % (40–50)": the estimate and its Wilson 95 % interval; or why it is hidden. */
export function ShareText({ share }: { share: AnalysisShare }) {
  const { t } = useTranslation();
  if (share.suppressed) return <span>{t('controls.figures.suppressed')}</span>;
  if (!share.share) return <span>—</span>;
  return (
    <span>
      {t('controls.figures.share', {
        estimate: percent(share.share.estimate),
        lower: percent(share.share.lower),
        upper: percent(share.share.upper),
      })}
    </span>
  );
}

/** A table whose first column names the row, in a region that scrolls on narrow screens. */
export function DataTable(props: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: React.ReactNode[] }[];
}) {
  return (
    <div className="pvi-table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{props.caption}</caption>
        <TableHeader>
          <TableRow>
            {props.headers.map((h) => (
              <TableHeaderCell key={h} scope="col">
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <TableHeaderCell key={i} scope="row">
                    {c}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={i}>{c}</TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The label of a breakdown's key: our words for known values, the server's label otherwise. */
function useKeyLabel() {
  const { t } = useTranslation();
  return (dimension: string, row: { key: string; label: string }) => {
    if (dimension === 'month') {
      const d = new Date(`${row.key.slice(0, 7)}-01T12:00:00Z`);
      if (Number.isNaN(d.getTime())) return row.label;
      return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
    }
    const key = `controls.value.${dimension}.${row.key}`;
    return i18n.exists(key) ? t(key) : row.label;
  };
}

function QualityTable(props: {
  caption: string;
  first: string;
  dimension: string;
  rows: QualityRow[];
}) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  return (
    <DataTable
      caption={props.caption}
      headers={[
        props.first,
        t('controls.figures.controls'),
        t('controls.figures.withLegalBasis'),
        t('controls.figures.withReasonText'),
        t('controls.figures.explained'),
      ]}
      rows={props.rows.map((r) => ({
        key: r.key,
        cells: [
          label(props.dimension, r),
          formatNumber(r.controls),
          <ShareText key="l" share={r.legalBasis} />,
          <ShareText key="r" share={r.reasonText} />,
          <ShareText key="e" share={r.explained} />,
        ],
      }))}
    />
  );
}

function RateTable(props: { caption: string; first: string; dimension: string; rows: RateRow[] }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  if (props.rows.length === 0) return null;
  return (
    <>
      <Heading3>{props.caption}</Heading3>
      <DataTable
        caption={props.caption}
        headers={[props.first, t('controls.figures.compared'), t('controls.figures.hitRate')]}
        rows={props.rows.map((r) => ({
          key: r.key,
          cells: [
            label(props.dimension, r),
            formatNumber(r.hitRate.n),
            <ShareText key="h" share={r.hitRate} />,
          ],
        }))}
      />
    </>
  );
}

export function QualitySection({ a }: { a: ControlAnalysis }) {
  const { t } = useTranslation();
  const q = a.quality;
  return (
    <section aria-labelledby="ctl-quality" className="pvi-figures-section">
      <Heading2 id="ctl-quality">{t('controls.figures.quality')}</Heading2>
      <Paragraph>{t('controls.figures.qualityIntro')}</Paragraph>
      <QualityTable
        caption={t('controls.figures.qualityTotal')}
        first={t('controls.figures.scopeColumn')}
        dimension="total"
        rows={[{ ...q.total, label: t('controls.figures.total') }]}
      />
      {q.byTeam.length > 1 && (
        <>
          <Heading3>{t('controls.figures.byTeam')}</Heading3>
          <QualityTable
            caption={t('controls.figures.qualityByTeam')}
            first={t('controls.figures.team')}
            dimension="team"
            rows={q.byTeam}
          />
        </>
      )}
      <Heading3>{t('controls.figures.byMonth')}</Heading3>
      <QualityTable
        caption={t('controls.figures.qualityByMonth')}
        first={t('controls.figures.month')}
        dimension="month"
        rows={q.byMonth}
      />
    </section>
  );
}

export function EffectivenessSection({ a }: { a: ControlAnalysis }) {
  const { t } = useTranslation();
  const e = a.effectiveness;
  return (
    <section aria-labelledby="ctl-effectiveness" className="pvi-figures-section">
      <Heading2 id="ctl-effectiveness">{t('controls.figures.effectiveness')}</Heading2>
      <Paragraph>{t('controls.figures.effectivenessIntro')}</Paragraph>
      <Paragraph>
        {t('controls.figures.hitRateTotal')} <ShareText share={e.total} />{' '}
        {t('controls.figures.ofCompared', { n: formatNumber(e.total.n) })}
      </Paragraph>
      <RateTable
        caption={t('controls.figures.bySelectionReason')}
        first={t('controls.field.selectionReason')}
        dimension="selectionReason"
        rows={e.bySelectionReason}
      />
      <RateTable
        caption={t('controls.figures.byLegalBasis')}
        first={t('controls.field.legalBasis')}
        dimension="legalBasis"
        rows={e.byLegalBasis}
      />
      <RateTable
        caption={t('controls.figures.byInitiative')}
        first={t('controls.field.initiative')}
        dimension="initiative"
        rows={e.byInitiative}
      />
      {e.byTeam.length > 1 && (
        <RateTable
          caption={t('controls.figures.byTeamHits')}
          first={t('controls.figures.team')}
          dimension="team"
          rows={e.byTeam}
        />
      )}
    </section>
  );
}

export function BenchmarkSection({ a }: { a: ControlAnalysis }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const tables = [a.benchmark.overall, ...a.benchmark.bySelectionReason].filter(
    (b) => b.teams.length > 0,
  );
  return (
    <section aria-labelledby="ctl-benchmark" className="pvi-figures-section">
      <Heading2 id="ctl-benchmark">{t('controls.figures.benchmark')}</Heading2>
      <Paragraph>{t('controls.figures.benchmarkIntro')}</Paragraph>
      {tables.length === 0 && <Paragraph>{t('controls.figures.benchmarkNone')}</Paragraph>}
      {tables.map((b) => {
        const caption = b.selectionReason
          ? t('controls.figures.benchmarkFor', {
              reason: label('selectionReason', {
                key: b.selectionReason,
                label: b.selectionReason,
              }),
            })
          : t('controls.figures.benchmarkAll');
        const flagged = b.teams.filter((r) => r.flagged).length;
        return (
          <div key={b.selectionReason ?? 'all'}>
            <Heading3>{caption}</Heading3>
            <Paragraph>{t('controls.figures.flaggedCount', { count: flagged })}</Paragraph>
            <DataTable
              caption={caption}
              headers={[
                t('controls.figures.team'),
                t('controls.figures.compared'),
                t('controls.figures.ownRate'),
                t('controls.figures.peerRate'),
                t('controls.figures.difference'),
                'z',
                'q',
                t('controls.figures.flagged'),
              ]}
              rows={b.teams.map((r) => ({
                key: r.teamId,
                cells: [
                  r.teamName,
                  formatNumber(r.n),
                  r.ownRate === null ? '—' : `${percent(r.ownRate)} %`,
                  r.benchmarkRate === null ? '—' : `${percent(r.benchmarkRate)} %`,
                  r.difference === null ? '—' : decimals(r.difference * 100, 1),
                  decimals(r.z, 2),
                  decimals(r.q, 3),
                  r.flagged ? (
                    <strong key="f" className="pvi-flag">
                      {t('controls.figures.flaggedYes')}
                    </strong>
                  ) : r.reason ? (
                    <span key="r" lang="en">
                      {r.reason}
                    </span>
                  ) : (
                    t('controls.no')
                  ),
                ],
              }))}
            />
          </div>
        );
      })}
    </section>
  );
}
