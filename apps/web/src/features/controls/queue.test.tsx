import { useSyncExternalStore } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  localStorageQueue,
  RegistrationQueue,
  sendRegistration,
  type RegistrationBody,
  type SendResult,
} from './queue.ts';
import { QueueCount } from './QueueCount.tsx';

const KEY = 'pvi.controls.queue.test';

const body = (overrides: Partial<RegistrationBody> = {}): RegistrationBody => ({
  id: crypto.randomUUID(),
  occurredAt: '2026-03-01T20:15:00.000Z',
  buurtCode: 'BU03630000',
  controlType: 'person',
  initiative: 'proactive',
  selectionReason: 'behaviour',
  explained: true,
  actions: ['identity_check'],
  outcome: 'none',
  outcomeLinked: false,
  durationBand: 'lt5',
  ...overrides,
});

/**
 * A stand-in for POST /controls with the server's idempotency: a new id is stored (201), the
 * same id with the same body answers 200 and stores nothing. `loseAnswers` stores the
 * registration but lets the answer get lost on the way back (the phone sees a network error).
 */
function fakeServer() {
  const stored = new Map<string, string>();
  const answers: number[] = [];
  let offline = false;
  let loseAnswers = 0;
  const send = vi.fn(async (b: RegistrationBody): Promise<SendResult> => {
    await Promise.resolve();
    if (offline) return { kind: 'retry', reason: 'offline' };
    if (b.selectionReason === 'other' && !b.reasonText) {
      answers.push(400);
      return {
        kind: 'rejected',
        status: 400,
        errors: [{ name: 'reasonText', code: 'required', reason: 'Describe the reason.' }],
        message: 'The registration has errors.',
      };
    }
    const previous = stored.get(b.id);
    if (previous !== undefined && previous !== JSON.stringify(b)) {
      answers.push(409);
      return { kind: 'rejected', status: 409, errors: [], message: 'conflict' };
    }
    answers.push(previous === undefined ? 201 : 200);
    stored.set(b.id, JSON.stringify(b));
    if (loseAnswers > 0) {
      loseAnswers--;
      return { kind: 'retry', reason: 'offline' };
    }
    return { kind: 'sent' };
  });
  return {
    send,
    stored,
    answers,
    setOffline: (value: boolean) => {
      offline = value;
    },
    loseNextAnswers: (n: number) => {
      loseAnswers = n;
    },
  };
}

beforeEach(() => {
  localStorage.clear();
});

describe('RegistrationQueue', () => {
  it('keeps a registration on the device first, also for a new page load', () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    const b = body();
    queue.add(b);
    expect(queue.count()).toBe(1);
    expect(server.send).not.toHaveBeenCalled();
    const reloaded = new RegistrationQueue(localStorageQueue(KEY), server.send);
    expect(reloaded.items().map((i) => [i.id, i.state, i.body])).toEqual([[b.id, 'waiting', b]]);
  });

  it('sends the waiting registrations in order and forgets them once the server has them', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    const [a, b] = [body(), body()];
    queue.add(a);
    queue.add(b);
    const report = await queue.flush();
    expect(report).toEqual({ sent: 2, rejected: 0, remaining: 0, stopped: null });
    expect(server.send.mock.calls.map(([sent]) => sent.id)).toEqual([a.id, b.id]);
    expect(queue.count()).toBe(0);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps everything while offline and stops trying at the first failure', async () => {
    const server = fakeServer();
    server.setOffline(true);
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    queue.add(body());
    queue.add(body());
    const report = await queue.flush();
    expect(report).toEqual({ sent: 0, rejected: 0, remaining: 2, stopped: 'offline' });
    expect(server.send).toHaveBeenCalledTimes(1);
    expect(queue.items().map((i) => [i.state, i.attempts])).toEqual([
      ['waiting', 1],
      ['waiting', 0],
    ]);
    server.setOffline(false);
    expect((await queue.flush()).sent).toBe(2);
    expect(queue.count()).toBe(0);
    expect(server.stored.size).toBe(2);
  });

  it('sends again after a lost answer without registering the control twice', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    const b = body();
    queue.add(b);
    server.loseNextAnswers(1);
    expect((await queue.flush()).stopped).toBe('offline');
    // The server has it; the phone does not know and keeps it.
    expect(server.stored.has(b.id)).toBe(true);
    expect(queue.count()).toBe(1);
    await queue.flush();
    expect(server.answers).toEqual([201, 200]);
    expect(server.stored.size).toBe(1);
    expect(queue.count()).toBe(0);
  });

  it('keeps a refused registration with its field errors until the officer fixes it', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    const bad = body({ selectionReason: 'other' });
    const good = body();
    queue.add(bad);
    queue.add(good);
    const report = await queue.flush();
    expect(report).toEqual({ sent: 1, rejected: 1, remaining: 1, stopped: null });
    const [kept] = queue.items();
    expect(kept).toMatchObject({
      id: bad.id,
      state: 'rejected',
      status: 400,
      errors: [{ name: 'reasonText', code: 'required' }],
    });
    // Stored with its errors, so a reload still shows them.
    expect(new RegistrationQueue(localStorageQueue(KEY)).items()[0]?.errors).toHaveLength(1);

    // Not sent again as it is.
    await queue.flush();
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(queue.count()).toBe(1);

    // Fixed under the same id: waiting again, errors gone, and then sent.
    const fixed = { ...bad, reasonText: 'Liep weg bij het zien van de politie' };
    queue.add(fixed);
    expect(queue.items()).toMatchObject([{ id: bad.id, state: 'waiting', errors: [] }]);
    expect((await queue.flush()).sent).toBe(1);
    expect(JSON.parse(server.stored.get(bad.id)!)).toEqual(fixed);
    expect(queue.count()).toBe(0);
  });

  it('sends a registration queued while a flush runs in the same flush, and flushes one at a time', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    queue.add(body());
    const first = queue.flush();
    expect(queue.flush()).toBe(first);
    queue.add(body());
    expect((await first).sent).toBe(2);
    expect(server.send).toHaveBeenCalledTimes(2);
  });

  it('tells its subscribers about every change', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    const counts: number[] = [];
    const stop = queue.subscribe(() => counts.push(queue.count()));
    queue.add(body());
    await queue.flush();
    stop();
    queue.add(body());
    expect(counts).toEqual([1, 0]);
  });
});

describe('sendRegistration', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const answer = (status: number, payload: unknown) =>
    vi.fn(async () => {
      await Promise.resolve();
      return new Response(JSON.stringify(payload), {
        status,
        headers: { 'content-type': 'application/problem+json' },
      });
    });

  it('posts the body with its client-made id and reads 201 and 200 as sent', async () => {
    const fetch = answer(201, { id: 'x' });
    vi.stubGlobal('fetch', fetch);
    const b = body();
    expect(await sendRegistration(b)).toEqual({ kind: 'sent' });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/v1/controls');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual(b);
    vi.stubGlobal('fetch', answer(200, { id: 'x' }));
    expect(await sendRegistration(b)).toEqual({ kind: 'sent' });
  });

  it('reads a 400 as refused, with every field error', async () => {
    const invalidParams = [
      { name: 'actions', code: 'impossible_combination', reason: 'A vehicle was searched…' },
      { name: 'notExplainedWhy', code: 'required', reason: 'Say why…' },
    ];
    vi.stubGlobal(
      'fetch',
      answer(400, { status: 400, title: 'Bad', detail: 'Invalid input', code: 'x', invalidParams }),
    );
    expect(await sendRegistration(body())).toEqual({
      kind: 'rejected',
      status: 400,
      errors: invalidParams,
      message: 'Invalid input',
    });
  });

  it('retries later without a connection, after a server fault and without a session', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await sendRegistration(body())).toEqual({ kind: 'retry', reason: 'offline' });
    vi.stubGlobal('fetch', answer(503, { status: 503, detail: 'down' }));
    expect(await sendRegistration(body())).toEqual({ kind: 'retry', reason: 'server' });
    vi.stubGlobal('fetch', answer(401, { status: 401, detail: 'sign in' }));
    expect(await sendRegistration(body())).toEqual({ kind: 'retry', reason: 'unauthenticated' });
  });
});

describe('QueueCount', () => {
  it('says how many are not sent yet in a live region, and nothing at 0', () => {
    const { rerender } = render(<QueueCount count={0} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    rerender(<QueueCount count={1} />);
    expect(screen.getByRole('status').textContent).toBe('Nog niet verzonden: 1');
    rerender(<QueueCount count={1234} />);
    expect(screen.getByRole('status').textContent).toBe('Nog niet verzonden: 1.234');
  });

  it('follows the queue as it fills and empties', async () => {
    const server = fakeServer();
    const queue = new RegistrationQueue(localStorageQueue(KEY), server.send);
    function Live() {
      return <QueueCount count={useSyncExternalStore(queue.subscribe, () => queue.count())} />;
    }
    render(<Live />);
    expect(screen.getByRole('status').textContent).toBe('');
    act(() => {
      queue.add(body());
    });
    expect(screen.getByRole('status').textContent).toBe('Nog niet verzonden: 1');
    await act(async () => {
      await queue.flush();
    });
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
