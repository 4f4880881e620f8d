/**
 * The web app's weight and Lighthouse scores: gzipped JavaScript the sign-in and home routes load,
 * and Lighthouse performance and accessibility for the home page, signed in. See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { log, median, round, table, tempDir, using } from './lib.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'apps/web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** desktop (default): office workstations, where the platform is used; mobile: Lighthouse's default. */
const PRESET = process.env.BENCH_LIGHTHOUSE_PRESET === 'mobile' ? 'mobile' : 'desktop';
const USERNAME = 'demo.beheerder';
const PASSWORD = 'pvi-demo-wachtwoord';
const TARGET = { jsGzKb: 250, performance: 90, accessibility: 100 };

// ------------------------------------------------------------------ build and bundle weight

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function build(): void {
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  log(`vite build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The chunk files a manifest key loads before it runs: itself and its static imports. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const i of chunk.imports ?? []) closure(manifest, i, into);
  return into;
}

/**
 * A route's JavaScript: the entry with its static imports, plus the route component's own chunk
 * (and its imports) when the router loads it lazily. Sign-in and home are in the entry today.
 */
function routeFiles(manifest: Manifest, component: string): Set<string> {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry in the Vite manifest');
  const files = closure(manifest, entry);
  if (manifest[component]) closure(manifest, component, files);
  return files;
}

const gzBytes = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
const rawBytes = (file: string) => readFileSync(join(dist, file)).length;
const kb = (bytes: number) => round(bytes / 1024, 4);

// ------------------------------------------------------------------ the app

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** `pvi start` on a fresh data folder (migrations, small demo organisation), until it is ready. */
async function startApp(dataDir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'apps/api/bin/pvi.mjs'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PVI_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c.toString('utf8')).slice(-10_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const started = performance.now();
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pvi start exited:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`pvi start not ready after 180 s:\n${output}`);
    }
    const ok = await fetch(`${base}/api/v1/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`pvi start: ready on ${base} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { base, stop };
}

/** Signs in through the API; the session cookie as a `Cookie` header value. */
async function sessionCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pvi_session='));
  if (!cookie) throw new Error('no pvi_session cookie');
  return cookie.split(';')[0]!;
}

/** The JavaScript files Chromium fetches for a page, as dist-relative paths. */
async function loadedScripts(
  base: string,
  path: string,
  cookie: string | null,
): Promise<Set<string>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') files.add(new URL(r.url()).pathname.slice(1));
    });
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const landed = new URL(page.url()).pathname;
    if (landed !== path) throw new Error(`${path} ended on ${landed}`);
    return files;
  } finally {
    await browser.close();
  }
}

interface Scores {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

async function lighthouseRun(port: number, url: string, cookie: string): Promise<Scores> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    },
    PRESET === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error('Lighthouse returned nothing');
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const final = new URL(lhr.finalDisplayedUrl).pathname;
  if (final !== '/')
    throw new Error(`Lighthouse ended on ${final}, not on the signed-in home page`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failed = Object.values(lhr.audits).filter(
    (a) =>
      a.scoreDisplayMode === 'binary' &&
      a.score === 0 &&
      lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id),
  );
  for (const a of failed) log(`  accessibility audit failed: ${a.id} — ${a.title}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
  };
}

// ------------------------------------------------------------------ run

build();
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
const routes = {
  'sign-in (/inloggen)': routeFiles(manifest, 'src/features/auth/SignInPage.tsx'),
  'home (/)': routeFiles(manifest, 'src/features/home/HomePage.tsx'),
};
const union = new Set([...routes['sign-in (/inloggen)'], ...routes['home (/)']]);
const sum = (files: Set<string>, size: (f: string) => number) =>
  [...files].reduce((n, f) => n + size(f), 0);

log(
  `\n${table(
    ['chunk', 'raw kB', 'gzip kB'],
    [...union].map((f) => [f, kb(rawBytes(f)), kb(gzBytes(f))]),
  )}`,
);
log(
  table(
    ['route', 'chunks', 'raw kB', 'gzip kB'],
    Object.entries(routes).map(([name, files]) => [
      name,
      files.size,
      kb(sum(files, rawBytes)),
      kb(sum(files, gzBytes)),
    ]),
  ),
);
let jsGzKb = kb(sum(union, gzBytes));

const data = await tempDir('pvi-bench-web-');
const scores = await using(
  async () => {
    const app = await startApp(data.path);
    return using(
      async () => {
        const cookie = await sessionCookie(app.base);
        // What the browser really fetches counts: every chunk the manifest lists must load, and
        // chunks loaded on top (lazy routes and components the page pulls in at once) count too.
        for (const [name, path, withCookie] of [
          ['sign-in (/inloggen)', '/inloggen', false],
          ['home (/)', '/', true],
        ] as const) {
          const seen = await loadedScripts(app.base, path, withCookie ? cookie : null);
          const expected = routes[name];
          const missing = [...expected].filter((f) => !seen.has(f));
          if (missing.length)
            throw new Error(`${name}: Chromium did not load ${missing.join(', ')} (manifest)`);
          const extra = [...seen].filter((f) => !expected.has(f));
          for (const f of extra) {
            expected.add(f);
            union.add(f);
          }
          log(
            extra.length
              ? `${name}: Chromium also loads ${extra.length} lazy chunk(s): ${extra.join(', ')}`
              : `${name}: Chromium loads exactly the chunks the manifest lists.`,
          );
        }
        jsGzKb = kb(sum(union, gzBytes));
        log(
          table(
            ['route, as loaded', 'chunks', 'raw kB', 'gzip kB'],
            Object.entries(routes).map(([name, files]) => [
              name,
              files.size,
              kb(sum(files, rawBytes)),
              kb(sum(files, gzBytes)),
            ]),
          ),
        );

        process.env.CHROME_PATH = CHROMIUM;
        const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
        return using(
          async () => {
            const runs: Scores[] = [];
            for (let i = 0; i < RUNS; i++) {
              const s = await lighthouseRun(chrome.port, `${app.base}/`, cookie);
              log(
                `Lighthouse ${PRESET} run ${i + 1}/${RUNS}: performance ${s.performance}, accessibility ${s.accessibility} (FCP ${Math.round(s.fcp)} ms, LCP ${Math.round(s.lcp)} ms, TBT ${Math.round(s.tbt)} ms, CLS ${round(s.cls)})`,
              );
              runs.push(s);
            }
            return runs;
          },
          async () => {
            chrome.kill();
          },
        );
      },
      () => app.stop(),
    );
  },
  () => data.remove(),
);

const pick = (f: (s: Scores) => number) => median(scores.map(f));
const result = {
  performance: pick((s) => s.performance),
  accessibility: pick((s) => s.accessibility),
  fcp: pick((s) => s.fcp),
  lcp: pick((s) => s.lcp),
  tbt: pick((s) => s.tbt),
  cls: pick((s) => s.cls),
};
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
log(
  `\n${table(
    ['figure', 'value', 'target', ''],
    [
      [
        'JS gzip, sign-in + home (kB)',
        jsGzKb,
        `≤ ${TARGET.jsGzKb}`,
        verdict(jsGzKb <= TARGET.jsGzKb),
      ],
      [
        `Lighthouse performance (${PRESET}, median of ${RUNS})`,
        result.performance,
        `≥ ${TARGET.performance}`,
        verdict(result.performance >= TARGET.performance),
      ],
      [
        `Lighthouse accessibility (${PRESET})`,
        result.accessibility,
        `${TARGET.accessibility}`,
        verdict(result.accessibility >= TARGET.accessibility),
      ],
      ['FCP / LCP (ms)', `${Math.round(result.fcp)} / ${Math.round(result.lcp)}`, '', ''],
      ['TBT (ms) / CLS', `${Math.round(result.tbt)} / ${round(result.cls)}`, '', ''],
    ],
  )}`,
);
process.stdout.write(
  `BENCH web js_gz_kb=${jsGzKb} lighthouse_performance=${result.performance} lighthouse_accessibility=${result.accessibility}\n`,
);
