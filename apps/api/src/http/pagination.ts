import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '@pvi/contracts';

/** RFC 8288 `Link` header with first/prev/next/last, as the NL API pagination module asks. */
export function withPageLinks<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Page<T>,
): Page<T> {
  const url = new URL(request.url, 'http://x');
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number, rel: string) => {
    url.searchParams.set('page', String(n));
    url.searchParams.set('pageSize', String(page.pageSize));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (page.page > 1) links.push(link(Math.min(page.page - 1, last), 'prev'));
  if (page.page < last) links.push(link(page.page + 1, 'next'));
  links.push(link(last, 'last'));
  reply.header('Link', links.join(', '));
  reply.header('X-Total-Count', String(page.total));
  return page;
}
