import { openDatabase, type DatabaseHandle } from '@pvi/db';
import { loadConfig, type AppConfig } from '../config.ts';
import { createServices } from '../app.ts';
import { createOrgImportService } from '../modules/org/import/org-import.service.ts';
import { createDemoService } from '../modules/org/demo.service.ts';
import { createControlsDemoService } from '../modules/controls/controls-demo.service.ts';
import { createAreaImportService } from '../modules/controls/import/areas-import.service.ts';
import { createFollowUpDemoService } from '../modules/controls-followup/followup-demo.service.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function openContext(options: { migrate?: boolean } = {}) {
  const config: AppConfig = loadConfig();
  const database: DatabaseHandle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    if (options.migrate !== false) await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = createServices({ config, database });
  if (options.migrate !== false) await services.waves.syncInstruments();
  const imports = createOrgImportService({ db: database.db, audit: services.audit });
  const demo = createDemoService({
    db: database.db,
    imports,
    auth: services.auth,
    org: services.org,
    controls: createControlsDemoService({ database }),
    followUp: createFollowUpDemoService({ db: database.db, audit: services.audit }),
  });
  const areaImport = createAreaImportService({ db: database.db, audit: services.audit });
  return { config, database, ...services, imports, demo, areaImport };
}
export type CliContext = Awaited<ReturnType<typeof openContext>>;

export async function withContext<T>(
  fn: (ctx: CliContext) => Promise<T>,
  options?: { migrate?: boolean },
): Promise<T> {
  const ctx = await openContext(options);
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}
