import writeXlsxFile from 'write-excel-file/node';
import type { SurveyReport } from '@pvi/contracts';
import { toCsv } from '../../http/csv.ts';

const HEADER = [
  'section',
  'group',
  'key',
  'title',
  'n',
  'mean',
  'favourable',
  'lower',
  'upper',
  'difference_parent',
  'significant_parent',
  'difference_previous',
  'significant_previous',
  'shown',
  'reasons',
] as const;

type Row = (string | number | boolean | null)[];

const share = (s: SurveyReport['scales'][number]['favourable']) =>
  s.kind === 'exact' ? s.value : `${s.bound === 'atLeast' ? '>=' : '<='}${s.value}`;

/**
 * A report as a table: exactly what the report shows (it is built from the report after
 * disclosure control, so an export cannot show more than the screen), one row per figure.
 */
export function reportRows(report: SurveyReport): Row[] {
  const g = report.group;
  const rows: Row[] = [
    [
      'group',
      g.name,
      g.key,
      g.filter ?? '',
      g.respondents,
      null,
      g.responseRate,
      null,
      null,
      null,
      null,
      null,
      null,
      g.shown,
      g.reasons.join(' '),
    ],
  ];
  for (const s of report.scales)
    rows.push([
      'scale',
      g.name,
      s.key,
      s.title.nl,
      s.n,
      s.mean,
      share(s.favourable),
      s.interval?.lower ?? null,
      s.interval?.upper ?? null,
      s.parent?.difference ?? null,
      s.parent?.significant ?? null,
      s.previous?.difference ?? null,
      s.previous?.significant ?? null,
      true,
      '',
    ]);
  for (const i of report.items ?? [])
    for (const d of i.distribution)
      rows.push([
        'item',
        g.name,
        `${i.key}=${d.value}`,
        i.text.nl,
        d.count,
        null,
        d.share,
        null,
        null,
        null,
        null,
        null,
        null,
        true,
        '',
      ]);
  for (const c of report.children)
    for (const [key, s] of Object.entries(c.scales ?? { '': null }))
      rows.push([
        'child',
        c.name,
        key,
        c.key,
        c.respondents,
        null,
        s ? share(s) : null,
        null,
        null,
        null,
        null,
        null,
        null,
        c.shown,
        c.reasons.join(' '),
      ]);
  for (const b of report.background)
    for (const [key, s] of Object.entries(b.scales ?? { '': null }))
      rows.push([
        'background',
        g.name,
        key,
        b.filter,
        b.respondents,
        null,
        s ? share(s) : null,
        null,
        null,
        null,
        null,
        null,
        null,
        b.shown,
        b.reasons.join(' '),
      ]);
  return rows;
}

export const reportCsv = (report: SurveyReport) => toCsv(HEADER, reportRows(report));

/** The same table as an XLSX workbook; text cells that look like formulas stay text. */
export async function reportXlsx(report: SurveyReport): Promise<Buffer> {
  const data = [
    HEADER.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...reportRows(report).map((r) =>
      r.map((v) => (v === null ? null : typeof v === 'string' ? { value: v, type: String } : v)),
    ),
  ];
  return writeXlsxFile(data).toBuffer();
}
