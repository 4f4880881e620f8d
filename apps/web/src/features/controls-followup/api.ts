import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  CoverageOverview,
  FollowUpEvent,
  OutreachActivity,
  OutreachActivityInput,
  ReflectionFigures,
  ReflectionSession,
  ReflectionSessionInput,
  ReflectionSessionUpdate,
  Role,
  TeamOutreachYear,
  TrainingYearUpdate,
} from '@pvi/contracts';
import { api } from '../../app/api.ts';

/** The API's FOLLOW_UP_READERS, FOLLOW_UP_EDITORS and COVERAGE_READERS (controls-followup). */
export const FOLLOW_UP_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
export const FOLLOW_UP_EDITORS: readonly Role[] = ['teamchef', 'eenheidsleiding'];
export const COVERAGE_READERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo'];

export type CoverageLevel = 'unit' | 'district';

export const reflectionFiguresQuery = (teamId: string, from: string, to: string) =>
  queryOptions({
    queryKey: ['reflection-figures', teamId, from, to],
    queryFn: () =>
      api<ReflectionFigures>(
        `/teams/${teamId}/reflection/figures?${new URLSearchParams({ from, to }).toString()}`,
      ),
    retry: false,
  });

export const reflectionSessionsQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['reflection-sessions', teamId],
    queryFn: async () =>
      (await api<{ items: ReflectionSession[] }>(`/teams/${teamId}/reflection/sessions`)).items,
    retry: false,
  });

export const reflectionHistoryQuery = (teamId: string, sessionId: string) =>
  queryOptions({
    queryKey: ['reflection-history', teamId, sessionId],
    queryFn: async () =>
      (
        await api<{ items: FollowUpEvent[] }>(
          `/teams/${teamId}/reflection/sessions/${sessionId}/history`,
        )
      ).items,
  });

export const createSession = (teamId: string, body: ReflectionSessionInput) =>
  api<ReflectionSession>(`/teams/${teamId}/reflection/sessions`, { method: 'POST', body });

export const updateSession = (teamId: string, id: string, body: ReflectionSessionUpdate) =>
  api<ReflectionSession>(`/teams/${teamId}/reflection/sessions/${id}`, {
    method: 'PATCH',
    body,
  });

export const outreachYearQuery = (teamId: string, year: number) =>
  queryOptions({
    queryKey: ['outreach-year', teamId, year],
    queryFn: () => api<TeamOutreachYear>(`/teams/${teamId}/outreach/${String(year)}`),
    retry: false,
  });

export const updateOutreachYear = (teamId: string, year: number, body: TrainingYearUpdate) =>
  api<TeamOutreachYear>(`/teams/${teamId}/outreach/${String(year)}`, { method: 'PATCH', body });

export const addActivity = (teamId: string, body: OutreachActivityInput) =>
  api<OutreachActivity>(`/teams/${teamId}/outreach-activities`, { method: 'POST', body });

export const removeActivity = (teamId: string, id: string) =>
  api<undefined>(`/teams/${teamId}/outreach-activities/${id}`, { method: 'DELETE' });

const coveragePath = (level: CoverageLevel, id: string) =>
  `${level === 'unit' ? `/units/${id}` : `/districts/${id}`}/outreach-coverage`;

export const coverageQuery = (level: CoverageLevel, id: string, year: number) =>
  queryOptions({
    queryKey: ['outreach-coverage', level, id, year],
    queryFn: () => api<CoverageOverview>(`${coveragePath(level, id)}?year=${String(year)}`),
    retry: false,
  });

/** The CSV of the coverage: a plain link, the browser sends the session cookie. */
export const coverageExportUrl = (level: CoverageLevel, id: string, year: number) =>
  `/api/v1${coveragePath(level, id)}/export?year=${String(year)}`;

/** The years a page offers: this year and the four before it. */
export const recentYears = (today = new Date()) =>
  Array.from({ length: 5 }, (_, i) => today.getFullYear() - i);

/** After an activity changed: the team's years and every coverage view. */
export async function updateOutreachActivityCaches(client: QueryClient, teamId: string) {
  await client.invalidateQueries({ queryKey: ['outreach-year', teamId] });
  await client.invalidateQueries({ queryKey: ['outreach-coverage'] });
}
