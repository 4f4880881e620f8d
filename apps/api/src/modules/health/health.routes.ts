import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '@pvi/db';
import { problem } from '@pvi/contracts';
import { access } from '../../access.ts';
import { AppError } from '../../errors.ts';

const status = z.object({ status: z.enum(['ok']) }).meta({ id: 'Health' });

export const healthRoutes =
  (db: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'getHealth',
          tags: ['health'],
          summary: 'The process is alive',
          response: { 200: status },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/health/ready',
      {
        config: { access: access.public() },
        schema: {
          operationId: 'getReadiness',
          tags: ['health'],
          summary: 'The database is reachable',
          response: { 200: status, 503: problem },
        },
      },
      async () => {
        try {
          await db.execute(sql`select 1`);
        } catch {
          throw new AppError('service_unavailable', 'The database is not reachable.');
        }
        return { status: 'ok' as const };
      },
    );
  };
