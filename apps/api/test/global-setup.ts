import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder, openDatabase } from '@pvi/db';

/** A migrated embedded database, dumped once, so each test file starts in half a second. */
export default async function setup() {
  if (process.env.PVI_TEST_DB === 'postgres') return;
  const hash = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort()) {
    if (f.endsWith('.sql')) hash.update(readFileSync(join(migrationsFolder, f)));
  }
  const file = join(tmpdir(), `pvi-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    if (handle.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await handle.pglite.dumpDataDir('none');
    writeFileSync(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.${process.pid}`, file);
    await handle.close();
  }
  process.env.PVI_TEST_TEMPLATE = file;
}
