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
import type { AnalysisShare, ReflectionFigures } from '@pvi/contracts';
import { formatNumber } from '../../app/i18n.ts';
import { Empty } from '../../components/States.tsx';
import { formatInterval, formatPercent } from '../monitor/format.ts';

/** A share with its interval, or why it is not shown. */
export function ShareText({ share }: { share: AnalysisShare }) {
  const { t } = useTranslation();
  if (!share.share)
    return (
      <span className="pvi-muted">{share.n === 0 ? '—' : t('followUp.figures.suppressed')}</span>
    );
  return (
    <>
      {formatPercent(share.share.estimate)}{' '}
      <span className="pvi-muted">
        ({formatInterval(share.share)}, n = {formatNumber(share.n)})
      </span>
    </>
  );
}

/** The team's figures: registration quality and hit rates, aggregates only. */
export function FiguresSummary({ figures }: { figures: ReflectionFigures }) {
  const { t } = useTranslation();
  if (figures.controls === 0) return <Empty>{t('followUp.figures.none')}</Empty>;
  const rows: [string, AnalysisShare][] = [
    [t('followUp.figures.legalBasis'), figures.legalBasis],
    [t('followUp.figures.reasonText'), figures.reasonText],
    [t('followUp.figures.explained'), figures.explained],
    [t('followUp.figures.hitRate'), figures.hitRate],
  ];
  return (
    <>
      <Paragraph>
        {t('followUp.figures.controls', {
          count: figures.controls,
          formatted: formatNumber(figures.controls),
        })}
      </Paragraph>
      <div
        className="pvi-table-wrap"
        role="region"
        aria-label={t('followUp.figures.quality')}
        tabIndex={0}
      >
        <Table>
          <caption>{t('followUp.figures.quality')}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('followUp.figures.measure')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('followUp.figures.share')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([label, share]) => (
              <TableRow key={label}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                <TableCell>
                  <ShareText share={share} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {figures.bySelectionReason.length > 0 && (
        <div
          className="pvi-table-wrap"
          role="region"
          aria-label={t('followUp.figures.byReason')}
          tabIndex={0}
        >
          <Table>
            <caption>{t('followUp.figures.byReason')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('followUp.figures.reason')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('followUp.figures.hitRate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {figures.bySelectionReason.map((r) => (
                <TableRow key={r.key}>
                  <TableHeaderCell scope="row">
                    {t(`followUp.selectionReason.${r.key}`, { defaultValue: r.label })}
                  </TableHeaderCell>
                  <TableCell>
                    <ShareText share={r.hitRate} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Paragraph className="pvi-muted">
        {t('followUp.figures.note', { min: formatNumber(figures.minCellSize) })}
      </Paragraph>
    </>
  );
}
