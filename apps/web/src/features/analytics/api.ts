import { queryOptions } from '@tanstack/react-query';
import type { AttentionList, HrImportResult, Role } from '@pvi/contracts';
import { api, apiUpload } from '../../app/api.ts';

/** The API's ATTENTION_READERS and HR_IMPORTERS (apps/api/…/plans.routes.ts). */
export const ATTENTION_READERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo'];
export const HR_IMPORTERS: readonly Role[] = ['hr_analist'];

/** The HR-indicator file's columns, in order (the API's HR_HEADER). */
export const HR_COLUMNS = [
  'team_code',
  'month',
  'absenteeism_pct',
  'absence_frequency',
  'turnover_pct',
  'overtime_hours',
  'vacancies',
  'integrity_reports',
] as const;

/** The largest file the API takes (HR_CSV_LIMIT). */
export const HR_MAX_BYTES = 10 * 1024 * 1024;

export type AttentionLevel = AttentionList['scope']['level'];
export type AttentionItem = AttentionList['items'][number];

const attentionPath = (level: AttentionLevel, id: string) =>
  `/${level === 'unit' ? 'units' : 'districts'}/${id}/attention`;

export const attentionQuery = (level: AttentionLevel, id: string) =>
  queryOptions({
    queryKey: ['attention', level, id],
    queryFn: () => api<AttentionList>(attentionPath(level, id)),
    // Each read is audited: do not refetch on every focus.
    staleTime: 5 * 60_000,
    retry: false,
  });

export const importHrIndicators = (file: Blob) =>
  apiUpload<HrImportResult>('/hr-indicators/import', file, 'text/csv');

/** One thing wrong in the file, from the API's `invalidParams` (`csv.line.N[.column]`). */
export interface HrFileIssue {
  line: number;
  field: string | null;
  code: string;
  reason: string;
}

export function hrIssuesOf(params: { name: string; code: string; reason: string }[]) {
  return params.flatMap((p): HrFileIssue[] => {
    const m = /^csv\.line\.(\d+)(?:\.([a-z_]+))?$/.exec(p.name);
    return m ? [{ line: Number(m[1]), field: m[2] ?? null, code: p.code, reason: p.reason }] : [];
  });
}
