import { queryOptions } from '@tanstack/react-query';
import type {
  CreatePlanBody,
  MeasureInput,
  MeasureUpdate,
  PlanEvent,
  PlanFollowUp,
  PlanOverview,
  Role,
  TeamPlan,
  TeamPlanSummary,
  TeamRisks,
} from '@pvi/contracts';
import { api } from '../../../app/api.ts';

/** The API's PLAN_READERS, PLAN_EDITORS and ATTENTION_READERS (apps/api/…/plans.routes.ts). */
export const PLAN_READERS: readonly Role[] = [
  'medewerker',
  'teamchef',
  'eenheidsleiding',
  'hr_analist',
  'cdo',
];
export const PLAN_EDITORS: readonly Role[] = ['teamchef', 'eenheidsleiding'];
export const OVERVIEW_READERS: readonly Role[] = ['eenheidsleiding', 'hr_analist', 'cdo'];

export type OverviewLevel = PlanOverview['scope']['level'];

export const teamRisksQuery = (teamId: string, waveId: string) =>
  queryOptions({
    queryKey: ['team-risks', teamId, waveId],
    queryFn: () => api<TeamRisks>(`/teams/${teamId}/risks${waveId ? `?waveId=${waveId}` : ''}`),
    enabled: teamId !== '',
    retry: false,
  });

export const teamPlansQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['team-plans', teamId],
    queryFn: async () => (await api<{ items: TeamPlanSummary[] }>(`/teams/${teamId}/plans`)).items,
    retry: false,
  });

export const planQuery = (teamId: string, planId: string) =>
  queryOptions({
    queryKey: ['team-plan', teamId, planId],
    queryFn: () => api<TeamPlan>(`/teams/${teamId}/plans/${planId}`),
    retry: false,
  });

export const planHistoryQuery = (teamId: string, planId: string) =>
  queryOptions({
    queryKey: ['team-plan-history', teamId, planId],
    queryFn: async () =>
      (await api<{ items: PlanEvent[] }>(`/teams/${teamId}/plans/${planId}/history`)).items,
  });

export const planFollowUpQuery = (teamId: string, planId: string) =>
  queryOptions({
    queryKey: ['team-plan-follow-up', teamId, planId],
    queryFn: () => api<PlanFollowUp>(`/teams/${teamId}/plans/${planId}/follow-up`),
  });

const overviewPath = (level: OverviewLevel, id: string) =>
  level === 'national' ? '' : level === 'unit' ? `/units/${id}` : `/districts/${id}`;

export const planOverviewQuery = (level: OverviewLevel, id: string) =>
  queryOptions({
    queryKey: ['plan-overview', level, id],
    queryFn: () => api<PlanOverview>(`${overviewPath(level, id)}/attention/plans`),
    retry: false,
  });

/** The CSV of the overview: a plain link, the browser sends the session cookie. */
export const planOverviewExportUrl = (level: OverviewLevel, id: string) =>
  `/api/v1${overviewPath(level, id)}/attention/plans/export`;

export const createPlan = (teamId: string, body: CreatePlanBody) =>
  api<TeamPlan>(`/teams/${teamId}/plans`, { method: 'POST', body });

export const addMeasure = (teamId: string, planId: string, body: MeasureInput) =>
  api<TeamPlan>(`/teams/${teamId}/plans/${planId}/measures`, { method: 'POST', body });

export const updateMeasure = (
  teamId: string,
  planId: string,
  measureId: string,
  body: MeasureUpdate,
) =>
  api<TeamPlan>(`/teams/${teamId}/plans/${planId}/measures/${measureId}`, {
    method: 'PATCH',
    body,
  });
