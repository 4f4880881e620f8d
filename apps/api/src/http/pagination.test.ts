import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withPageLinks } from './pagination.ts';

function links(url: string, page: number, pageSize: number, total: number) {
  const headers: Record<string, string> = {};
  const reply = { header: (k: string, v: string) => (headers[k] = v) } as unknown as FastifyReply;
  withPageLinks({ url } as FastifyRequest, reply, { items: [], page, pageSize, total });
  return headers;
}

describe('Link header', () => {
  it('has first, prev, next and last in the middle, and keeps other query keys', () => {
    const h = links('/api/v1/teams?q=oost&page=2&pageSize=10', 2, 10, 35);
    expect(h.Link).toBe(
      '</api/v1/teams?q=oost&page=1&pageSize=10>; rel="first", </api/v1/teams?q=oost&page=1&pageSize=10>; rel="prev", ' +
        '</api/v1/teams?q=oost&page=3&pageSize=10>; rel="next", </api/v1/teams?q=oost&page=4&pageSize=10>; rel="last"',
    );
    expect(h['X-Total-Count']).toBe('35');
  });

  it('has no prev on the first page and no next on the last; an empty list has one page', () => {
    expect(links('/x', 1, 10, 5).Link).toBe(
      '</x?page=1&pageSize=10>; rel="first", </x?page=1&pageSize=10>; rel="last"',
    );
  });
});
