import type { Executor } from '@pvi/db';
import type { FollowUpEvent } from '@pvi/contracts';
import { AppError, type InvalidParam } from '../../errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import * as repo from './followup.repository.ts';

export { changesOf } from '../../changes.ts';
export { invalid } from '../../errors.ts';

export function checkVersion(current: number, sent: number | undefined, what: string) {
  if (sent !== undefined && sent !== current)
    throw new AppError(
      'conflict',
      `The ${what} has changed since you read it (version ${sent}, now ${current}); read it again.`,
    );
}

/** Appends one change to the history, with who made it. */
export function recordEvent(
  ex: Executor,
  actor: Actor,
  values: Omit<Parameters<typeof repo.insertEvent>[1], 'actorPersonId' | 'actorRole'>,
) {
  return repo.insertEvent(ex, { ...values, actorPersonId: actor.personId, actorRole: actor.role });
}

export function toEvents(events: Awaited<ReturnType<typeof repo.eventsOf>>): FollowUpEvent[] {
  return events.map((e) => ({
    id: e.id,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    action: e.action,
    version: e.version,
    changes: e.changes as Record<string, unknown>,
    by: {
      role: e.role,
      name: e.givenName && e.familyName ? `${e.givenName} ${e.familyName}` : null,
    },
    at: e.at.toISOString(),
  }));
}

/** Dates are compared as ISO text; `today` is the Amsterdam calendar day. */
export const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function notInFuture(name: string, day: string | undefined, today: string): InvalidParam[] {
  return day !== undefined && day > today
    ? [{ name, code: 'in_future', reason: `${day} lies in the future (today is ${today}).` }]
    : [];
}
