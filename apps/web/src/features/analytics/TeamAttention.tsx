import { forwardRef } from 'react';
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
import { pick } from '../monitor/labels.ts';
import { formatPercent } from '../monitor/format.ts';
import type { AttentionItem } from './api.ts';
import { formatComponentValue, formatMonth, formatScore, HR_TRENDS, scaleName } from './format.ts';
import { TrendChart, type TrendSeries } from './TrendChart.tsx';

/** One team: every component of its score with its weight, and its trend lines. */
export const TeamAttention = forwardRef<HTMLHeadingElement, { item: AttentionItem }>(
  function TeamAttention({ item }, ref) {
    const { t } = useTranslation();
    return (
      <section aria-labelledby="attention-team-title" className="pvi-monitor-section">
        <Heading2 id="attention-team-title" ref={ref} tabIndex={-1}>
          {t('analytics.team.title', { team: item.teamName })}
        </Heading2>
        <Paragraph>
          {t('analytics.team.score', {
            score: formatScore(item.score),
            max: formatScore(item.maxScore),
          })}
        </Paragraph>
        <Components item={item} />
        <Heading3>{t('analytics.trends.title')}</Heading3>
        <Paragraph>{t('analytics.trends.intro')}</Paragraph>
        <ScaleTrend item={item} />
        <HrTrends item={item} />
      </section>
    );
  },
);

function Components({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const caption = t('analytics.components.caption', { team: item.teamName });
  const value = (key: string, v: number | null) =>
    v === null ? '—' : formatComponentValue(key, v);
  return (
    <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="pvi-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('analytics.components.component')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.components.value')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.components.range')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.components.weight')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('analytics.components.contribution')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {item.components.map((c) => (
            <TableRow key={c.key}>
              <TableHeaderCell scope="row">
                {pick(c.label)}
                <span className="pvi-muted pvi-block">{t(`analytics.source.${c.source}`)}</span>
              </TableHeaderCell>
              <TableCell>
                {value(c.key, c.value)}
                {c.note && <span className="pvi-muted pvi-block">{pick(c.note)}</span>}
              </TableCell>
              <TableCell>
                {t('analytics.components.rangeText', {
                  threshold: formatComponentValue(c.key, c.threshold),
                  full: formatComponentValue(c.key, c.full),
                })}
              </TableCell>
              <TableCell>{formatScore(c.weight)}</TableCell>
              <TableCell>
                {c.contribution > 0 ? <strong>{formatScore(c.contribution)}</strong> : '0'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Favourable share per scale for every closed wave the team was in (hidden waves are gaps). */
function ScaleTrend({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const waves = item.trends.scales;
  const keys = [...new Set(waves.flatMap((w) => Object.keys(w.scales ?? {})))];
  const series: TrendSeries[] = keys.map((key) => ({
    key,
    label: scaleName(t, key),
    values: waves.map((w) => {
      const s = w.scales?.[key];
      return s ? s.value : null;
    }),
    missing: waves.map((w) =>
      !w.shown
        ? t('analytics.trends.hiddenWave')
        : w.scales?.[key]
          ? null
          : t('analytics.trends.noScale'),
    ),
  }));
  const banded = waves.some((w) =>
    Object.values(w.scales ?? {}).some((s) => s.kind === 'coarsened'),
  );
  return (
    <>
      <TrendChart
        title={t('analytics.trends.scales', { team: item.teamName })}
        points={waves.map((w) => w.waveName)}
        series={series}
        format={formatPercent}
        minTop={1}
      />
      {banded && <Paragraph className="pvi-muted">{t('analytics.trends.banded')}</Paragraph>}
    </>
  );
}

function HrTrends({ item }: { item: AttentionItem }) {
  const { t, i18n } = useTranslation();
  const months = item.trends.hr;
  if (months.length === 0)
    return <Paragraph className="pvi-muted">{t('analytics.trends.noHr')}</Paragraph>;
  const hidden = months.filter((m) => !m.shown).length;
  return (
    <>
      {hidden > 0 && (
        <Paragraph className="pvi-muted">
          {t('analytics.trends.hrHidden', { count: hidden })}
        </Paragraph>
      )}
      <div className="pvi-trend-grid">
        {HR_TRENDS.map((key) => (
          <TrendChart
            key={key}
            title={t(`analytics.indicator.${key}`)}
            points={months.map((m) => formatMonth(m.month, i18n.language))}
            series={[
              {
                key,
                label: t(`analytics.indicator.${key}`),
                values: months.map((m) => m.values?.[key] ?? null),
                missing: months.map((m) =>
                  m.shown ? t('analytics.trends.notSupplied') : t('analytics.trends.hiddenMonth'),
                ),
              },
            ]}
            format={(v) => formatComponentValue(key, v)}
          />
        ))}
      </div>
    </>
  );
}
