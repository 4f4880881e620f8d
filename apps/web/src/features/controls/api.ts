import { queryOptions } from '@tanstack/react-query';
import type {
  Area,
  ControlAnalysis,
  ControlImportFormat,
  ImportStarted,
  Page,
} from '@pvi/contracts';
import { api, apiUpload } from '../../app/api.ts';

/** `?a=1&b=2` from the set values; empty strings and undefined are left out. */
export const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

// ------------------------------------------------------------------------------------- areas
const AREAS_STALE_MS = 60 * 60_000;

export const gemeentenQuery = queryOptions({
  queryKey: ['areas', 'gemeente'],
  queryFn: () => api<Page<Area>>(`/areas${qs({ level: 'gemeente', pageSize: 500 })}`),
  staleTime: AREAS_STALE_MS,
});

export const areasInGemeenteQuery = (level: 'wijk' | 'buurt', gemeenteCode: string) =>
  queryOptions({
    queryKey: ['areas', level, gemeenteCode],
    queryFn: () => api<Page<Area>>(`/areas${qs({ level, gemeenteCode, pageSize: 500 })}`),
    staleTime: AREAS_STALE_MS,
  });

/** The buurt nearest to a position (by centroid), or null. */
export async function nearestBuurt(lat: number, lng: number): Promise<Area | null> {
  const near = `${lat.toFixed(5)},${lng.toFixed(5)}`;
  const page = await api<Page<Area>>(`/areas${qs({ near, level: 'buurt', pageSize: 1 })}`);
  return page.items[0] ?? null;
}

// ---------------------------------------------------------------------------------- analysis
export type AnalysisLevel = ControlAnalysis['scope']['level'];
export interface AnalysisScope {
  level: AnalysisLevel;
  id: string | null;
}
export interface AnalysisFilter extends AnalysisScope {
  from?: string | undefined;
  to?: string | undefined;
}

const LEVEL_PATH: Record<Exclude<AnalysisLevel, 'national'>, string> = {
  team: 'teams',
  district: 'districts',
  unit: 'units',
};
const analysisPath = (s: AnalysisScope) =>
  s.level === 'national'
    ? '/controls/analysis/national'
    : `/controls/analysis/${LEVEL_PATH[s.level]}/${s.id ?? ''}`;

export const analysisQuery = (f: AnalysisFilter) =>
  queryOptions({
    queryKey: ['controls', 'analysis', f.level, f.id, f.from ?? '', f.to ?? ''],
    queryFn: () => api<ControlAnalysis>(`${analysisPath(f)}${qs({ from: f.from, to: f.to })}`),
    retry: false,
  });

/** The same analysis with residents per group: adds controls per 1,000 residents and the ratio. */
export const analysisWithPopulationQuery = (
  f: AnalysisFilter,
  population: { group: string; residents: number }[],
) =>
  queryOptions({
    queryKey: [
      'controls',
      'analysis',
      f.level,
      f.id,
      f.from ?? '',
      f.to ?? '',
      JSON.stringify(population),
    ],
    queryFn: () =>
      api<ControlAnalysis>(`${analysisPath(f)}/population${qs({ from: f.from, to: f.to })}`, {
        method: 'POST',
        body: { population },
      }),
    retry: false,
  });

/** The analysis as CSV (a plain link: the browser downloads it with the session cookie). */
export const analysisExportUrl = (f: AnalysisFilter) =>
  `/api/v1${analysisPath(f)}/export${qs({ from: f.from, to: f.to })}`;

/** The control records of the scope as CSV in our import format (team, unit or national). */
export function recordsExportUrl(f: AnalysisFilter): string | null {
  if (f.level === 'district') return null;
  const dayStart = (d: string | undefined, plus = 0) =>
    d ? new Date(new Date(`${d}T00:00:00`).getTime() + plus * 86_400_000).toISOString() : undefined;
  return `/api/v1/controls/export${qs({
    teamId: f.level === 'team' ? (f.id ?? undefined) : undefined,
    unitId: f.level === 'unit' ? (f.id ?? undefined) : undefined,
    from: dayStart(f.from),
    // `to` is an inclusive day here and an exclusive moment there.
    to: dayStart(f.to, 1),
  })}`;
}

// ----------------------------------------------------------------------------------- imports
export const startControlsImport = (format: ControlImportFormat, sourceArea: string, file: Blob) =>
  apiUpload<ImportStarted>(
    `/imports${qs({ kind: 'controls', format, sourceArea: sourceArea.trim() })}`,
    file,
    'text/csv',
  );
