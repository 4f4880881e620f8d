import { Link } from '@tanstack/react-router';
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
import { backgroundLabel, reportRoute } from '../labels.ts';
import { HiddenCells, ShareCell } from './ShareCells.tsx';

export interface ScaleColumn {
  key: string;
  title: string;
}

/**
 * The groups one level down × the scales: a real table with row and column headers; each shown
 * cell has its favourable share as text on a tint, each hidden group says why in words, and each
 * group links to its own report.
 */
export function GroupHeatmap(props: {
  report: SurveyReport;
  columns: ScaleColumn[];
  caption: string;
}) {
  const { t } = useTranslation();
  const { report, columns } = props;
  const children = [...report.children].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <>
      <div className="pvi-table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
        <Table className="pvi-heatmap">
          <caption className="pvi-visually-hidden">{props.caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitor.heatmap.group')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.heatmap.respondents')}</TableHeaderCell>
              {columns.map((c) => (
                <TableHeaderCell scope="col" key={c.key}>
                  {c.title}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {children.map((child) => (
              <TableRow key={child.key}>
                <TableHeaderCell scope="row">
                  {child.id ? (
                    <Link {...reportRoute(report.wave.id, child.level, child.id)}>
                      {child.name}
                    </Link>
                  ) : (
                    child.name
                  )}
                </TableHeaderCell>
                <TableCell>
                  {child.respondents === null ? '—' : formatNumber(child.respondents)}
                </TableCell>
                {child.shown && child.scales ? (
                  columns.map((c) => <ShareCell key={c.key} share={child.scales?.[c.key]} />)
                ) : (
                  <HiddenCells
                    reasons={child.reasons}
                    span={Math.max(1, columns.length)}
                    min={report.rules.minGroupSize}
                  />
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Paragraph className="pvi-muted">{t('monitor.heatmap.legend')}</Paragraph>
    </>
  );
}

/** The same for background views (unit level and above): per answer to a background question. */
export function BackgroundTable(props: { report: SurveyReport; columns: ScaleColumn[] }) {
  const { t } = useTranslation();
  const { report, columns } = props;
  const views = [...report.background].sort((a, b) => a.filter.localeCompare(b.filter));
  const caption = t('monitor.background.caption', { name: report.group.name });
  return (
    <>
      <div className="pvi-table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <Table className="pvi-heatmap">
          <caption className="pvi-visually-hidden">{caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitor.background.group')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitor.heatmap.respondents')}</TableHeaderCell>
              {columns.map((c) => (
                <TableHeaderCell scope="col" key={c.key}>
                  {c.title}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {views.map((view) => (
              <TableRow key={view.filter}>
                <TableHeaderCell scope="row">{backgroundLabel(t, view.filter)}</TableHeaderCell>
                <TableCell>
                  {view.respondents === null ? '—' : formatNumber(view.respondents)}
                </TableCell>
                {view.shown && view.scales ? (
                  columns.map((c) => <ShareCell key={c.key} share={view.scales?.[c.key]} />)
                ) : (
                  <HiddenCells
                    reasons={view.reasons}
                    span={Math.max(1, columns.length)}
                    min={report.rules.minGroupSize}
                  />
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Paragraph className="pvi-muted">{t('monitor.background.legend')}</Paragraph>
    </>
  );
}
