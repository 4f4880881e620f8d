import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const UTRECHT_BARREL = /@utrecht\/component-library-react\/dist\/index\.mjs$/;
const DISPLAY_NAME = /^[A-Za-z_$][\w$]*\.displayName = '[^'\n]*';$/gm;

/**
 * `@utrecht/component-library-react` is one 250 kB module that sets `X.displayName = 'X'` on each
 * of its ~100 components at the top level. A property assignment may have side effects, so the
 * bundler keeps it, and with it every component, used or not: 54 kB of the 194 kB (gzipped) entry
 * chunk. The names are for React DevTools only; without them the unused components drop out.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'pvi:utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: UTRECHT_BARREL },
      handler(code) {
        const stripped = code.replace(DISPLAY_NAME, '');
        if (stripped === code)
          this.warn('no displayName assignments found: the Utrecht bundle changed; check its size');
        return { code: stripped, map: null };
      },
    },
  };
}

/** A build-only plugin that works on the written build folder once the bundle is closed. */
function afterBuild(name: string, work: (outDir: string) => void): Plugin {
  let outDir = '';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      work(outDir);
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `NAME.br` and `NAME.gz` beside every compressible file of the build, once, at build time,
 * at the highest levels; the API serves them to browsers that accept them (`preCompressed` in
 * apps/api/src/plugins/web.ts). Files under 1 kB and files that do not get smaller are left alone.
 */
function precompress(): Plugin {
  return afterBuild('pvi:precompress', (outDir) => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    for (const path of walk(outDir)) {
      if (!COMPRESSIBLE.test(path)) continue;
      const raw = readFileSync(path);
      if (raw.length < 1024) continue;
      const br = brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
      const gz = gzipSync(raw, { level: 9 });
      if (br.length < raw.length) writeFileSync(`${path}.br`, br);
      if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    }
  });
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** Pages the service worker keeps for offline use, by their module in the build manifest. */
const OFFLINE_PAGES = ['src/features/controls/RegisterPage.tsx'];

/**
 * Writes `sw.js` (src/service-worker.js) into the build with the files the registration page
 * needs offline (the entry, the page's chunk and everything they import, with their styles) and a
 * version made from those file names, so a new build replaces the old cache.
 */
function serviceWorker(): Plugin {
  return afterBuild('pvi:service-worker', (outDir) => {
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
    ) as Record<string, ManifestChunk>;
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(`/${chunk.file}`)) return;
      files.add(`/${chunk.file}`);
      for (const css of chunk.css ?? []) files.add(`/${css}`);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const key of ['index.html', ...OFFLINE_PAGES]) {
      if (!manifest[key]) throw new Error(`service worker: ${key} is not in the build manifest`);
      visit(key);
    }
    const precache = [...files].sort();
    const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
    const source = readFileSync(join(outDir, '../src/service-worker.js'), 'utf8');
    writeFileSync(
      join(outDir, 'sw.js'),
      `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${source}`,
    );
  });
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), utrechtTreeShaking(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // dist/.vite/manifest.json: which chunks each entry and route loads (read by bench/web.bench.ts).
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
