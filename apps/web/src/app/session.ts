import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@pvi/contracts';
import { api, ApiError, rememberSession } from './api.ts';

/** The signed-in person, or null. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      const session = await api<SessionInfo>('/session', { quiet401: true });
      rememberSession(session);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        rememberSession(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export const useSession = () => useQuery(sessionQuery).data ?? null;

export const authConfigQuery = queryOptions({
  queryKey: ['auth-config'],
  queryFn: () => api<{ oidcEnabled: boolean; oidcLabel: string | null }>('/auth-config'),
  staleTime: Infinity,
});

export const installationQuery = queryOptions({
  queryKey: ['installation'],
  queryFn: () => api<{ demo: boolean }>('/installation'),
  staleTime: Infinity,
});
