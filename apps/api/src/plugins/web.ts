import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { access } from '../access.ts';
import { AppError } from '../errors.ts';
import { homeRoutes } from '../modules/health/home.routes.ts';

export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built web app on the same origin: files from `dist`, and `index.html` for every other
 * path so the client-side router can take it. Without a build, `/` is a plain page.
 */
export async function registerWeb(app: FastifyInstance, root: string = defaultWebRoot) {
  if (!existsSync(join(root, 'index.html'))) {
    await app.register(homeRoutes);
    return;
  }
  // The build writes NAME.br and NAME.gz beside each asset (apps/web/vite.config.ts); they go to
  // browsers that accept them, with `Vary: Accept-Encoding`.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const isFile = (path: string) => {
    try {
      return statSync(join(root, path)).isFile();
    } catch {
      return false;
    }
  };
  app.get(
    '/*',
    { config: { access: access.public() }, schema: { hide: true } },
    async (request, reply) => {
      const path = normalize((request.params as { '*': string })['*']).replace(
        /^(\.\.(\/|$))+/,
        '',
      );
      if (path.startsWith('api/'))
        throw new AppError('not_found', `There is no ${request.method} /${path}.`);
      if (path && isFile(path)) {
        // Built assets carry a content hash in their name and never change.
        const immutable = path.startsWith('assets/');
        return reply.sendFile(path, { immutable, maxAge: immutable ? '365d' : 0 });
      }
      // The page names the current asset hashes, so browsers must revalidate it every time.
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    },
  );
}
