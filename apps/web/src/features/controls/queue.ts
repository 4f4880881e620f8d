import type { ControlRegistration, Problem } from '@pvi/contracts';
import { api, ApiError } from '../../app/api.ts';

/** The body of `POST /controls` as the client sends it (the id made on the device). */
export type RegistrationBody = Omit<ControlRegistration, 'actions'> & {
  actions: NonNullable<ControlRegistration['actions']>;
};
export type InvalidParam = NonNullable<Problem['invalidParams']>[number];

/**
 * A registration kept on the device until the server has it. `waiting`: not sent yet, or the
 * last try did not reach the server; `rejected`: the server refused it (a 400 with its field
 * errors, or 403/409) and the officer must fix or discard it — it is never dropped by itself.
 */
export interface QueuedRegistration {
  id: string;
  body: RegistrationBody;
  queuedAt: string;
  state: 'waiting' | 'rejected';
  /** The server's field errors of the last refusal (400). */
  errors: InvalidParam[];
  /** The server's problem detail of the last refusal. */
  message: string | null;
  /** HTTP status of the last refusal. */
  status: number | null;
  attempts: number;
}

export type SendResult =
  | { kind: 'sent' }
  | { kind: 'rejected'; status: number; errors: InvalidParam[]; message: string | null }
  | { kind: 'retry'; reason: 'offline' | 'server' | 'unauthenticated' };

export interface FlushReport {
  sent: number;
  rejected: number;
  /** Items still in the queue afterwards (waiting and rejected). */
  remaining: number;
  /** Why sending stopped early, if it did. */
  stopped: 'offline' | 'server' | 'unauthenticated' | null;
}

export interface QueueStorage {
  load(): QueuedRegistration[];
  save(items: QueuedRegistration[]): void;
}

/** The queue in localStorage under `key`; unreadable content counts as empty (and is kept). */
export function localStorageQueue(key: string): QueueStorage {
  return {
    load() {
      const text = localStorage.getItem(key);
      if (!text) return [];
      try {
        const parsed: unknown = JSON.parse(text);
        return Array.isArray(parsed) ? (parsed as QueuedRegistration[]) : [];
      } catch {
        return [];
      }
    },
    save(items) {
      if (items.length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(items));
    },
  };
}

/** Sends one registration; the answer decides what happens to the queued item. */
export async function sendRegistration(body: RegistrationBody): Promise<SendResult> {
  try {
    await api('/controls', { method: 'POST', body, quiet401: true });
    return { kind: 'sent' };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'retry', reason: 'offline' };
    const { status } = error;
    if (status === 401) return { kind: 'retry', reason: 'unauthenticated' };
    // Too many requests, a timeout or a server fault: the registration itself may be fine.
    if (status === 408 || status === 429 || status >= 500)
      return { kind: 'retry', reason: 'server' };
    return {
      kind: 'rejected',
      status,
      errors: error.problem?.invalidParams ?? [],
      message: error.problem?.detail ?? null,
    };
  }
}

/**
 * The device's queue of registrations. Every registration goes in here first and leaves only
 * when the server has it (201, or 200 for one it had already: the client-made id makes a resend
 * harmless). One flush at a time; a flush that finds the device offline stops at once.
 */
export class RegistrationQueue {
  private listeners = new Set<() => void>();
  private snapshot: readonly QueuedRegistration[];
  private flushing: Promise<FlushReport> | null = null;

  constructor(
    private readonly storage: QueueStorage,
    private readonly send: (body: RegistrationBody) => Promise<SendResult> = sendRegistration,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.snapshot = storage.load();
  }

  items(): readonly QueuedRegistration[] {
    return this.snapshot;
  }

  count(): number {
    return this.snapshot.length;
  }

  find(id: string): QueuedRegistration | undefined {
    return this.snapshot.find((i) => i.id === id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Another tab changed the stored queue: read it again. */
  reload() {
    this.write(this.storage.load());
  }

  /** Queues a registration; one with the same id (a fix of a refused one) is replaced. */
  add(body: RegistrationBody): QueuedRegistration {
    const previous = this.find(body.id);
    const item: QueuedRegistration = {
      id: body.id,
      body,
      queuedAt: previous?.queuedAt ?? this.now().toISOString(),
      state: 'waiting',
      errors: [],
      message: null,
      status: null,
      attempts: previous?.attempts ?? 0,
    };
    this.write(
      previous ? this.snapshot.map((i) => (i.id === body.id ? item : i)) : [...this.snapshot, item],
    );
    return item;
  }

  /** Discards a registration on the officer's explicit request. */
  remove(id: string) {
    this.write(this.snapshot.filter((i) => i.id !== id));
  }

  /** Sends every waiting registration, oldest first. */
  flush(): Promise<FlushReport> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, rejected: 0, remaining: 0, stopped: null };
    // Each waiting item once per flush, also those queued while the flush runs.
    const tried = new Set<string>();
    for (;;) {
      const item = this.snapshot.find((i) => i.state === 'waiting' && !tried.has(i.id));
      if (!item) break;
      const id = item.id;
      tried.add(id);
      const result = await this.send(item.body);
      const current = this.find(id);
      if (!current) continue;
      // Edited while on its way: the edited version is sent on the next flush.
      if (current.body !== item.body) continue;
      if (result.kind === 'sent') {
        this.write(this.snapshot.filter((i) => i.id !== id));
        report.sent++;
      } else if (result.kind === 'rejected') {
        this.replace({
          ...current,
          state: 'rejected',
          errors: result.errors,
          message: result.message,
          status: result.status,
          attempts: current.attempts + 1,
        });
        report.rejected++;
      } else {
        this.replace({ ...current, attempts: current.attempts + 1 });
        report.stopped = result.reason;
        break;
      }
    }
    report.remaining = this.snapshot.length;
    return report;
  }

  private replace(item: QueuedRegistration) {
    this.write(this.snapshot.map((i) => (i.id === item.id ? item : i)));
  }

  private write(items: QueuedRegistration[]) {
    this.snapshot = items;
    this.storage.save(items);
    for (const listener of this.listeners) listener();
  }
}
