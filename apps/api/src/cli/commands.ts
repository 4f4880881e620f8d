import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { grantApiRole, openDatabase, queryRows } from '@pvi/db';
import { generateDemoOrganisation, type DemoScale } from '@pvi/db/demo';
import { toOrgCsv, toPeopleCsv } from '@pvi/db/demo/csv';
import { roles, type Role } from '@pvi/contracts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { systemActor } from '../modules/audit/audit.service.ts';
import { fileSource } from '../modules/org/import/csv.ts';
import type { ImportResult } from '../modules/org/import/org-import.service.ts';
import { DEMO_PASSWORD } from '../modules/org/demo.service.ts';
import { openContext, UsageError, withContext, type CliContext } from './context.ts';
import { progressBar } from './progress.ts';
import { cbsCommand } from './cbs-commands.ts';
import {
  parseControlFormat,
  policeUkAreaOf,
  reportAreaImport,
  reportControlImport,
} from './control-import-report.ts';

type Flags = Record<string, string | boolean | undefined>;
const out = (line: string) => process.stdout.write(`${line}\n`);

function need(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required.`);
  return v;
}

function parseRole(value: string): Role {
  if (!(roles as readonly string[]).includes(value))
    throw new UsageError(`--role must be one of ${roles.join(', ')}.`);
  return value as Role;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('Give --password or pipe the password on standard input.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parseDemoOptions(flags: Flags): { scale: DemoScale; seed: number } {
  const scale = (flags.scale as string | undefined) ?? 'small';
  if (scale !== 'small' && scale !== 'national')
    throw new UsageError('--scale must be small or national.');
  const seed = Number(flags.seed ?? 1);
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError('--seed must be a whole number ≥ 0.');
  return { scale, seed };
}

async function serveWith(ctx: CliContext, port: number) {
  const app = await buildApp({ config: ctx.config, database: ctx.database });
  // The outbox is the queue: mail waits in PostgreSQL until a worker (any API process) sends it.
  const mailer = ctx.config.smtpUrl
    ? setInterval(() => {
        ctx.mail.drain().catch((error: unknown) => {
          app.log.error({ error }, 'mail: drain failed');
        });
      }, 5000)
    : null;
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    if (mailer) clearInterval(mailer);
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port, host: ctx.config.host });
  return app;
}

async function printDemoLogins(ctx: CliContext, port: number) {
  const demo = await ctx.demo.demoInfo();
  out('');
  out(
    `PvI-platform draait op http://localhost:${port}/  (API: http://localhost:${port}/api/v1/openapi.json)`,
  );
  out(
    `Database: ${ctx.database.kind === 'pglite' ? `ingebed (PGlite) in ${ctx.database.location}` : ctx.database.location}`,
  );
  if (demo) {
    out(`Demo-organisatie (${demo.scale}, seed ${demo.seed}) — dit zijn geen echte gegevens.`);
    out(`Inloggen: gebruikersnaam demo.beheerder, wachtwoord ${DEMO_PASSWORD}`);
    out(
      'Andere rollen: demo.teamchef, demo.medewerker, demo.eenheid, demo.hr, demo.ecad, demo.ndv, demo.cdo (zelfde wachtwoord).',
    );
  }
  out('Stoppen: Ctrl+C');
}

function reportImport(result: ImportResult): number {
  if (!result.ok) {
    process.stderr.write(
      `Import refused: ${result.problems.length} bad row(s); nothing was written.\n`,
    );
    for (const p of result.problems) process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
    return 1;
  }
  out(
    `Imported ${result.kind}: ${result.rows} rows — ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged (sha256 ${result.sha256.slice(0, 12)}…).`,
  );
  return 0;
}

export interface Command {
  summary: string;
  usage: string;
  options?: Record<string, { type: 'string' | 'boolean'; help: string }>;
  run: (flags: Flags, args: string[]) => Promise<number>;
}

export const commands: Record<string, Command> = {
  start: {
    summary: 'Migrate, load the small demo organisation into an empty database, and serve',
    usage: 'pvi start [--port N]',
    options: { port: { type: 'string', help: 'port (default PORT or 3000)' } },
    run: async (flags) => {
      const ctx = await openContext();
      const port = flags.port ? Number(flags.port) : ctx.config.port;
      if (await ctx.demo.isEmpty()) {
        out('Lege database: demo-organisatie (small, seed 1) wordt geladen…');
        const r = await ctx.demo.load({
          scale: 'small',
          seed: 1,
          actor: systemActor('demo'),
          onProgress: progressBar(),
        });
        out(`Demo geladen: ${r.people} mensen in ${r.teams} teams, ${r.controls} controles.`);
        const s = await ctx.surveyDemo.load({ seed: 1, actor: systemActor('demo') });
        out(`Teammonitor: ${s.waves.length} afgesloten metingen met ${s.responses} antwoorden.`);
      }
      await serveWith(ctx, port);
      await printDemoLogins(ctx, port);
      return -1;
    },
  },
  serve: {
    summary: 'Migrate and serve the API (no demo data)',
    usage: 'pvi serve [--port N]',
    options: { port: { type: 'string', help: 'port (default PORT or 3000)' } },
    run: async (flags) => {
      const ctx = await openContext();
      await serveWith(ctx, flags.port ? Number(flags.port) : ctx.config.port);
      return -1;
    },
  },
  migrate: {
    summary: 'Apply database migrations',
    usage: 'pvi migrate',
    run: async () =>
      withContext(async (ctx) => {
        out(`Migrations applied (${ctx.database.kind}: ${ctx.database.location}).`);
        return 0;
      }),
  },
  demo: {
    summary: 'Load a deterministic demo organisation, or write it as CSV files with --out',
    usage: 'pvi demo --scale small|national [--seed N] [--out DIR]',
    options: {
      scale: { type: 'string', help: 'small (≈3,000 people) or national (≈65,000)' },
      seed: { type: 'string', help: 'random seed (default 1)' },
      out: { type: 'string', help: 'write org.csv and people.csv to DIR instead of loading' },
    },
    run: async (flags) => {
      const { scale, seed } = parseDemoOptions(flags);
      if (typeof flags.out === 'string') {
        const demo = generateDemoOrganisation({ scale, seed });
        await mkdir(flags.out, { recursive: true });
        await writeFile(join(flags.out, 'org.csv'), toOrgCsv(demo));
        await writeFile(join(flags.out, 'people.csv'), toPeopleCsv(demo));
        out(
          `Wrote ${join(flags.out, 'org.csv')} and ${join(flags.out, 'people.csv')} (${demo.people.length} people, ${demo.teams.length} teams).`,
        );
        return 0;
      }
      return withContext(async (ctx) => {
        const r = await ctx.demo.load({
          scale,
          seed,
          actor: systemActor('demo'),
          onProgress: progressBar(),
        });
        const s = await ctx.surveyDemo.load({ seed, actor: systemActor('demo') });
        out(
          `Demo loaded: ${r.people} people in ${r.teams} teams, ${r.controls} controls, ${s.waves.length} closed team-monitor waves (${s.responses} responses). Sign in as demo.beheerder / ${DEMO_PASSWORD}.`,
        );
        return 0;
      });
    },
  },
  import: {
    summary:
      'Import an org, people, controls or areas CSV file, or earlier survey responses into a closed wave (idempotent)',
    usage:
      'pvi import org|people FILE.csv                 all or nothing\n       pvi import controls --format pvi|police-uk|opp [--source-area NAME] FILE.csv\n       pvi import areas FILE.csv                       CBS gemeenten, wijken and buurten\n       pvi import survey FILE.csv --instrument memo --name NAME --from YYYY-MM-DD --to YYYY-MM-DD\n  Control files load their good rows and report the bad ones by line number; the others are all or nothing.',
    options: {
      format: { type: 'string', help: 'controls: pvi (our export), police-uk or opp' },
      'source-area': {
        type: 'string',
        help: 'controls: the force or place a foreign file covers (default: from a police.uk file name)',
      },
      instrument: { type: 'string', help: 'survey: memo, weerbaarheid or teamscan' },
      name: { type: 'string', help: 'survey: the name of the imported wave' },
      from: { type: 'string', help: 'survey: the date the earlier survey opened' },
      to: { type: 'string', help: 'survey: the date it closed' },
    },
    run: async (flags, args) => {
      const [kind, path] = args;
      if (!path || !['org', 'people', 'controls', 'areas', 'survey'].includes(kind ?? ''))
        throw new UsageError('Usage: pvi import org|people|controls|areas|survey FILE.csv');
      const source = await fileSource(path).catch(() => {
        throw new UsageError(`Cannot read ${path}.`);
      });
      if (kind === 'controls') {
        const format = parseControlFormat(flags.format);
        const sourceArea =
          typeof flags['source-area'] === 'string'
            ? flags['source-area']
            : format === 'police-uk'
              ? policeUkAreaOf(path)
              : null;
        return withContext(async (ctx) =>
          reportControlImport(
            await ctx.controlImport.importControls(source, {
              format,
              sourceArea,
              actor: systemActor('cli'),
              onProgress: progressBar(),
            }),
          ),
        );
      }
      if (kind === 'areas')
        return withContext(async (ctx) =>
          reportAreaImport(
            await ctx.areaImport.importAreas(source, {
              actor: systemActor('cli'),
              onProgress: progressBar(),
            }),
          ),
        );
      if (kind === 'survey') {
        const { instrument, name, from, to } = flags as Record<string, string | undefined>;
        const date = /^\d{4}-\d{2}-\d{2}$/;
        if (!instrument || !name || !from || !to || !date.test(from) || !date.test(to) || to < from)
          throw new UsageError(
            'pvi import survey needs --instrument, --name, and --from and --to as YYYY-MM-DD (to ≥ from).',
          );
        return withContext(async (ctx) => {
          const result = await ctx.surveyHistory.importResponses(source, {
            instrumentKey: instrument,
            name,
            opensOn: from,
            closesOn: to,
            actor: systemActor('cli'),
            onProgress: progressBar(),
          });
          if (!result.ok) {
            process.stderr.write(
              `Import refused: ${result.problems.length} bad row(s); nothing was written.\n`,
            );
            for (const p of result.problems)
              process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
            return 1;
          }
          out(
            result.unchanged
              ? `This file was imported before (wave ${result.waveId}); nothing changed.`
              : `Imported ${result.rows} responses from ${result.teams} teams into closed wave ${result.waveId}.`,
          );
          return 0;
        });
      }
      return withContext(async (ctx) => {
        const options = { actor: systemActor('cli'), onProgress: progressBar() };
        const result =
          kind === 'org'
            ? await ctx.imports.importOrg(source, options)
            : await ctx.imports.importPeople(source, options);
        return reportImport(result);
      });
    },
  },
  cbs: cbsCommand,
  controls: {
    summary: 'Controls: rebuild the monthly rollup, or see and retire pseudonym key versions',
    usage:
      'pvi controls rollup [--from YYYY-MM --to YYYY-MM]\n       pvi controls rehash [--purge]\n  rehash cannot recompute pseudonyms (that needs the clear keys, which are never stored): it shows\n  how many pseudonyms each key version holds and, with --purge, forgets those of versions no\n  longer in PVI_PSEUDONYM_KEYS. Repeat controls stay linked by their subject reference.',
    options: {
      from: { type: 'string', help: 'rollup: first month (YYYY-MM)' },
      to: { type: 'string', help: 'rollup: last month (YYYY-MM)' },
      purge: { type: 'boolean', help: 'rehash: forget pseudonyms of retired key versions' },
    },
    run: async (flags, args) => {
      const action = args[0];
      if (action === 'rollup') {
        const month = (v: unknown, name: string) => {
          if (v === undefined) return undefined;
          if (typeof v !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
            throw new UsageError(`--${name} must be a month, YYYY-MM.`);
          return `${v}-01`;
        };
        const from = month(flags.from, 'from');
        const to = month(flags.to, 'to');
        if ((from === undefined) !== (to === undefined))
          throw new UsageError('Give --from and --to together, or neither.');
        return withContext(async (ctx) => {
          const r = await ctx.controls.refreshRollup(from && to ? { from, to } : undefined);
          out(
            r.from
              ? `Rollup rebuilt for ${r.from.slice(0, 7)} … ${r.to.slice(0, 7)}: ${r.rows} rows.`
              : 'No controls: nothing to roll up.',
          );
          return 0;
        });
      }
      if (action === 'rehash')
        return withContext(async (ctx) => {
          const status = await ctx.controls.keyStatus();
          out(
            `Configured key versions (current first): ${status.configured.join(', ') || '(none: PVI_PSEUDONYM_KEYS is empty)'}.`,
          );
          for (const s of status.stored)
            out(
              `  ${s.version}: ${s.n} pseudonyms${status.configured.includes(s.version) ? '' : ' — this version is no longer configured'}`,
            );
          out(
            'Pseudonyms cannot be recomputed under a new key without the clear keys, which are never stored. New registrations use the current key; repeat controls are found under every configured version.',
          );
          if (flags.purge) {
            const n = await ctx.controls.purgeRetiredPseudonyms(systemActor('cli'));
            out(`Forgot ${n} pseudonyms of retired key versions; their subject references remain.`);
          }
          return 0;
        });
      throw new UsageError('Usage: pvi controls rollup|rehash');
    },
  },
  user: {
    summary: 'Create accounts and grant or revoke roles',
    usage:
      'pvi user create --username U --role ROLE --scope SCOPE [--password P] [--person EMPLOYEE_NUMBER]\n       pvi user grant|revoke --username U --role ROLE --scope SCOPE\n  SCOPE is national, unit:CODE, district:CODE or team:CODE. Without --password the password is read from standard input.',
    options: {
      username: { type: 'string', help: 'username' },
      role: { type: 'string', help: roles.join(', ') },
      scope: { type: 'string', help: 'national | unit:CODE | district:CODE | team:CODE' },
      password: {
        type: 'string',
        help: 'password (at least 12 characters); default: standard input',
      },
      person: { type: 'string', help: 'link the account to this employee number' },
    },
    run: async (flags, args) => {
      const action = args[0];
      if (action !== 'create' && action !== 'grant' && action !== 'revoke')
        throw new UsageError('Usage: pvi user create|grant|revoke …');
      const username = need(flags, 'username');
      const role = parseRole(need(flags, 'role'));
      const scopeSpec = need(flags, 'scope');
      const password =
        action === 'create'
          ? typeof flags.password === 'string'
            ? flags.password
            : await readStdin()
          : '';
      return withContext(async (ctx) => {
        const actor = systemActor('cli');
        const scope = await ctx.org.resolveScope(scopeSpec);
        if (action === 'create') {
          const personId =
            typeof flags.person === 'string'
              ? await ctx.org.findPersonIdByEmployeeNumber(flags.person)
              : null;
          if (typeof flags.person === 'string' && !personId)
            throw new UsageError(`No person with employee number ${flags.person}.`);
          const account = await ctx.auth.createLocalAccount(
            { username, password, personId },
            actor,
          );
          await ctx.auth.grantRole(account.id, role, scope, actor);
          out(`Created ${username} with ${role} (${scopeSpec}).`);
          return 0;
        }
        const accountId = await ctx.auth.getAccountId(username);
        if (action === 'grant') {
          const row = await ctx.auth.grantRole(accountId, role, scope, actor);
          out(
            row
              ? `Granted ${role} (${scopeSpec}) to ${username}.`
              : `${username} already had ${role} (${scopeSpec}).`,
          );
          return 0;
        }
        const n = await ctx.auth.revokeRole(accountId, role, scope, actor);
        if (n === 0) {
          process.stderr.write(`${username} does not have ${role} (${scopeSpec}).\n`);
          return 1;
        }
        out(`Revoked ${role} (${scopeSpec}) from ${username}.`);
        return 0;
      });
    },
  },
  audit: {
    summary: 'Verify the hash chain of the audit trail',
    usage: 'pvi audit verify',
    run: async (_flags, args) => {
      if (args[0] !== 'verify') throw new UsageError('Usage: pvi audit verify');
      return withContext(async (ctx) => {
        const r = await ctx.audit.verify();
        if (r.brokenAt) {
          process.stderr.write(
            `Audit trail BROKEN at row seq=${r.brokenAt.seq} (${r.brokenAt.reason.replace('_', ' ')}). ${r.rows} rows in total.\n`,
          );
          return 1;
        }
        out(`Audit trail intact: ${r.rows} rows; head hash ${r.head ?? '(empty)'}.`);
        return 0;
      });
    },
  },
  db: {
    summary: 'Database administration on a PostgreSQL server',
    usage:
      'pvi db grant-api-role ROLE\n  Gives ROLE what the API needs: read and write on all tables, but no UPDATE, DELETE or TRUNCATE on audit_log.',
    run: async (_flags, args) => {
      const [action, role] = args;
      if (action !== 'grant-api-role' || !role || !/^[a-z_][a-z0-9_]*$/.test(role))
        throw new UsageError('Usage: pvi db grant-api-role ROLE');
      return withContext(async (ctx) => {
        if (ctx.database.kind !== 'postgres')
          throw new UsageError('grant-api-role needs DATABASE_URL (a PostgreSQL server).');
        await grantApiRole(ctx.database.db, role);
        out(`Role ${role} may use the API tables; audit_log is insert and select only.`);
        return 0;
      });
    },
  },
  openapi: {
    summary: 'Write the OpenAPI document',
    usage: 'pvi openapi [--out FILE]',
    options: { out: { type: 'string', help: 'file to write (default: standard output)' } },
    run: async (flags) => {
      const database = await openDatabase({
        dataDir: join(process.env.TMPDIR ?? '/tmp', `pvi-openapi-${process.pid}`),
      });
      try {
        const app = await buildApp({
          config: { ...loadConfig({}), oidc: null },
          database,
          logger: false,
        });
        await app.ready();
        const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
        if (typeof flags.out === 'string') await writeFile(flags.out, doc);
        else process.stdout.write(doc);
        await app.close();
        return 0;
      } finally {
        await database.close();
      }
    },
  },
};

export async function countRows(ctx: CliContext, table: string) {
  const rows = await queryRows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)}`,
  );
  return rows[0]?.n ?? 0;
}
