import { useEffect, useSyncExternalStore } from 'react';
import { useSession } from '../../app/session.ts';
import { localStorageQueue, RegistrationQueue, type QueuedRegistration } from './queue.ts';

/** How often a queue with waiting registrations tries again (besides the `online` event). */
export const RETRY_MS = 30_000;
const STORAGE_PREFIX = 'pvi.controls.queue.';

// One queue per account: a registration is sent only by the account that made it, since the
// server stores it as the signed-in officer's.
const queues = new Map<string, RegistrationQueue>();

export function queueOf(accountId: string): RegistrationQueue {
  let queue = queues.get(accountId);
  if (!queue) {
    queue = new RegistrationQueue(localStorageQueue(`${STORAGE_PREFIX}${accountId}`));
    queues.set(accountId, queue);
  }
  return queue;
}

const EMPTY: readonly QueuedRegistration[] = [];
const noSubscription = () => () => undefined;

/** The signed-in account's queue (null when signed out) and its items, kept up to date. */
export function useRegistrationQueue(): {
  queue: RegistrationQueue | null;
  items: readonly QueuedRegistration[];
} {
  const accountId = useSession()?.account.id ?? null;
  const queue = accountId ? queueOf(accountId) : null;
  const items = useSyncExternalStore(
    queue?.subscribe ?? noSubscription,
    () => queue?.items() ?? EMPTY,
  );
  return { queue, items };
}

/**
 * Sends the queue in the background, wherever the officer is in the app: at once, when the
 * device comes back online, and every RETRY_MS while something waits. Mounted once, in the shell.
 */
export function useQueueSender() {
  const { queue, items } = useRegistrationQueue();
  const waiting = items.some((i) => i.state === 'waiting');
  useEffect(() => {
    if (!queue) return;
    const flush = () => void queue.flush();
    const onStorage = (event: StorageEvent) => {
      if (event.key?.startsWith(STORAGE_PREFIX)) queue.reload();
    };
    window.addEventListener('online', flush);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('storage', onStorage);
    };
  }, [queue]);
  useEffect(() => {
    if (!queue || !waiting) return;
    if (navigator.onLine) void queue.flush();
    const timer = setInterval(() => {
      if (navigator.onLine) void queue.flush();
    }, RETRY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [queue, waiting]);
}
