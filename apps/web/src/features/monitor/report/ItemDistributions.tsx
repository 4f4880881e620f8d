import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  Heading3,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { SurveyReport } from '@pvi/contracts';
import { formatNumber } from '../../../app/i18n.ts';
import { formatPercent } from '../format.ts';
import { ANSWER_OPTIONS, pick } from '../labels.ts';

type Item = NonNullable<SurveyReport['items']>[number];

/**
 * The words for an answer value. The report does not say how an item is answered: every scale
 * item in the shipped instruments is answered agree5, a value 0 only occurs on yes/no items, and
 * other values are options of a choice, named by number.
 */
function valueLabel(t: TFunction, item: Item, value: number): string {
  const yesNo = item.distribution.some((d) => d.value === 0);
  const options = item.scaleKey ? ANSWER_OPTIONS.agree5 : yesNo ? ANSWER_OPTIONS.yesno : null;
  const option = options?.find((o) => o.value === value);
  return option ? pick(option.label) : t('monitor.items.option', { value });
}

/** A shade per answer value (1–5 from light to dark; yes/no at both ends), the same in every bar. */
function shadeOf(item: Item, value: number): number {
  if (item.distribution.some((d) => d.value === 0)) return value === 0 ? 0 : 4;
  return Math.min(Math.max(value - 1, 0), 4);
}

/** Answers per item, grouped by scale: a bar to look at, the same shares as text to read. */
export function ItemDistributions({ report }: { report: SurveyReport }) {
  const { t } = useTranslation();
  const items = report.items ?? [];
  const titles = new Map(report.scales.map((s) => [s.key, pick(s.title)]));
  const groups = new Map<string | null, Item[]>();
  for (const item of items) {
    const list = groups.get(item.scaleKey) ?? [];
    list.push(item);
    groups.set(item.scaleKey, list);
  }
  return (
    <>
      {[...groups].map(([scaleKey, list]) => {
        const title = scaleKey ? (titles.get(scaleKey) ?? scaleKey) : t('monitor.items.other');
        const id = `items-${scaleKey ?? 'other'}`;
        return (
          <div key={scaleKey ?? ''}>
            <Heading3 id={id}>{title}</Heading3>
            <div className="pvi-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
              <Table className="pvi-item-table">
                <caption className="pvi-visually-hidden">
                  {t('monitor.items.caption', { title })}
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('monitor.items.question')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('monitor.scales.n')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('monitor.items.distribution')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((item) => (
                    <TableRow key={item.key}>
                      <TableHeaderCell scope="row" className="pvi-item-table__question">
                        {pick(item.text)}
                      </TableHeaderCell>
                      <TableCell>{formatNumber(item.n)}</TableCell>
                      <TableCell className="pvi-item-table__distribution">
                        <span className="pvi-bar" aria-hidden="true">
                          {item.distribution.map((d) => (
                            <span
                              key={d.value}
                              className={`pvi-bar__part pvi-bar__part--${shadeOf(item, d.value)}`}
                              style={{ inlineSize: `${(d.share * 100).toFixed(2)}%` }}
                            />
                          ))}
                        </span>
                        <span className="pvi-dist-text">
                          {item.distribution
                            .map(
                              (d) => `${valueLabel(t, item, d.value)}: ${formatPercent(d.share)}`,
                            )
                            .join(' · ')}
                        </span>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </div>
        );
      })}
    </>
  );
}
