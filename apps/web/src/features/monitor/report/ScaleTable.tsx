import { useTranslation } from 'react-i18next';
import {
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { SurveyReport } from '@pvi/contracts';
import { formatNumber } from '../../../app/i18n.ts';
import { formatDecimal, formatInterval, formatShare } from '../format.ts';
import { pick } from '../labels.ts';
import { ComparisonText } from './ShareCells.tsx';

/**
 * Per scale: the favourable share with its 95 % interval, the mean, n, and the differences with
 * the group above and with the previous wave. Coarsened shares ("≥ 90 %") have no mean or interval.
 */
export function ScaleTable({ report }: { report: SurveyReport }) {
  const { t } = useTranslation();
  const withParent = report.group.level !== 'national';
  const withPrevious = report.scales.some((s) => s.previous !== null);
  const caption = t('monitor.scales.caption', { name: report.group.name });
  return (
    <>
      <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <Table className="pvi-scale-table">
          <caption className="pvi-visually-hidden">{caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitor.scales.scale')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.scales.favourable')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.scales.interval')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.scales.mean')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.scales.n')}</TableHeaderCell>
              {withParent && (
                <TableHeaderCell scope="col">
                  {t(`monitor.scales.parent.${report.group.level}`)}
                </TableHeaderCell>
              )}
              {withPrevious && (
                <TableHeaderCell scope="col">{t('monitor.scales.previous')}</TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.scales.map((s) => (
              <TableRow key={s.key}>
                <TableHeaderCell scope="row">{pick(s.title)}</TableHeaderCell>
                <TableCell>
                  <strong>{formatShare(s.favourable)}</strong>
                </TableCell>
                <TableCell>{s.interval ? formatInterval(s.interval) : '—'}</TableCell>
                <TableCell>{s.mean === null ? '—' : formatDecimal(s.mean, 2)}</TableCell>
                <TableCell>{formatNumber(s.n)}</TableCell>
                {withParent && (
                  <TableCell>
                    <ComparisonText comparison={s.parent} />
                  </TableCell>
                )}
                {withPrevious && (
                  <TableCell>
                    <ComparisonText comparison={s.previous} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Paragraph className="pvi-muted">{t('monitor.scales.legend')}</Paragraph>
      {report.scales.some((s) => s.favourable.kind === 'coarsened') && (
        <Paragraph className="pvi-muted">{t('monitor.scales.coarsened')}</Paragraph>
      )}
    </>
  );
}
