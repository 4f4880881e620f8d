import { queryOptions } from '@tanstack/react-query';
import type { CreateWaveBody, Instrument, SurveyReport, Wave, WaveEvent } from '@pvi/contracts';
import { api } from '../../app/api.ts';

export type ReportLevel = SurveyReport['group']['level'];
export type WaveAction = 'open' | 'remind' | 'close';
export type AnswerValue = number | number[] | string;
export type DisclosureSettings = Wave['rules'];

/** A team link as `POST …/team-links` returns it (the contract exports only its schema). */
export interface TeamLink {
  teamId: string;
  teamName: string;
  url: string;
  qrSvg: string;
}

/** What a questionnaire link opens; `instrument` is the definition of the wave's version. */
export interface Questionnaire {
  waveName: string;
  teamName: string;
  closesOn: string;
  instrument: Instrument;
}

export const wavesQuery = queryOptions({
  queryKey: ['survey-waves'],
  queryFn: async () => (await api<{ items: Wave[] }>('/survey/waves')).items,
});

export const waveQuery = (waveId: string) =>
  queryOptions({
    queryKey: ['survey-wave', waveId],
    queryFn: () => api<Wave>(`/survey/waves/${waveId}`),
  });

const REPORT_PATH: Record<ReportLevel, (id: string) => string> = {
  national: () => 'national',
  unit: (id) => `units/${id}`,
  district: (id) => `districts/${id}`,
  team: (id) => `teams/${id}`,
};

export const reportQuery = (waveId: string, level: ReportLevel, groupId: string) =>
  queryOptions({
    queryKey: ['survey-report', waveId, level, groupId],
    queryFn: () =>
      api<SurveyReport>(`/survey/waves/${waveId}/reports/${REPORT_PATH[level](groupId)}`),
    // A closed wave's report does not change; each read is audited, so do not refetch needlessly.
    staleTime: 10 * 60_000,
    retry: false,
  });

/** The report as a file: a plain link, the browser sends the session cookie (audited). */
export const reportExportUrl = (
  waveId: string,
  level: ReportLevel,
  groupId: string,
  format: 'csv' | 'xlsx',
) =>
  `/api/v1/survey/waves/${waveId}/reports/${REPORT_PATH[level](groupId)}/export?format=${format}`;

/** The installation's disclosure rules, which a new wave starts with. */
export const installationRulesQuery = queryOptions({
  queryKey: ['survey-rules'],
  queryFn: () => api<DisclosureSettings>('/survey/rules'),
  staleTime: Infinity,
});

export const setWaveRules = (waveId: string, body: DisclosureSettings) =>
  api<Wave>(`/survey/waves/${waveId}/rules`, { method: 'PUT', body });

export const createWave = (body: CreateWaveBody) =>
  api<Wave>('/survey/waves', { method: 'POST', body });

export const runWaveAction = (waveId: string, action: WaveAction) =>
  api<WaveEvent>(`/survey/waves/${waveId}/${action}`, { method: 'POST' });

export const createTeamLink = (waveId: string, teamId: string) =>
  api<{ items: TeamLink[] }>(
    `/survey/waves/${waveId}/team-links?teamId=${encodeURIComponent(teamId)}`,
    { method: 'POST' },
  );

// Answering is public: a 401 here never means "your session ended".
export const openQuestionnaire = (secret: string) =>
  api<Questionnaire>('/survey/questionnaire', {
    method: 'POST',
    body: { secret },
    quiet401: true,
  });

export const submitResponse = (secret: string, answers: Record<string, AnswerValue>) =>
  api<undefined>('/survey/responses', {
    method: 'POST',
    body: { secret, answers },
    quiet401: true,
  });
