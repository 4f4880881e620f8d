import { queryOptions } from '@tanstack/react-query';
import type { District, Page, Team, TeamMember, Unit } from '@pvi/contracts';
import { api } from '../../app/api.ts';

const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

export const unitsQuery = (q?: string) =>
  queryOptions({
    queryKey: ['units', q ?? ''],
    queryFn: () => api<Page<Unit>>(`/units${qs({ q, pageSize: 100 })}`),
  });
export const unitQuery = (id: string) =>
  queryOptions({ queryKey: ['unit', id], queryFn: () => api<Unit>(`/units/${id}`) });
export const districtsQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['districts', unitId],
    queryFn: () => api<Page<District>>(`/districts${qs({ unitId, pageSize: 100 })}`),
  });
export const districtQuery = (id: string) =>
  queryOptions({ queryKey: ['district', id], queryFn: () => api<District>(`/districts/${id}`) });
export const teamsQuery = (filter: {
  unitId?: string;
  districtId?: string;
  q?: string;
  page?: number;
}) =>
  queryOptions({
    queryKey: ['teams', filter],
    queryFn: () => api<Page<Team>>(`/teams${qs({ ...filter, pageSize: 50 })}`),
  });
export const teamQuery = (id: string) =>
  queryOptions({ queryKey: ['team', id], queryFn: () => api<Team>(`/teams/${id}`) });
export const membersQuery = (id: string) =>
  queryOptions({
    queryKey: ['members', id],
    queryFn: () => api<TeamMember[]>(`/teams/${id}/members`),
    retry: false,
  });
