/**
 * The two catalogues hold the same keys, none of them empty, and every key the code asks for
 * with t('…') exists in both. A missing translation fails here, not in front of a user.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

const catalogues = { nl, en } as const;
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];
const src = join(import.meta.dirname, '..');

/** Every leaf as a dotted key with its value. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, value]];
}

const keys = (catalogue: unknown) => new Set(leaves(catalogue).map(([k]) => k));
const nlKeys = keys(nl);
const enKeys = keys(en);

/** A key as the code uses it: `form.errorSummary` exists when `_one`/`_other` forms do. */
function has(set: Set<string>, key: string): boolean {
  return set.has(key) || PLURAL_SUFFIXES.some((s) => set.has(`${key}${s}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The literal keys in t('…'), t("…"), t(`…`) (without ${}) and { key: '…' }, and the fixed prefixes of
 * template keys such as t(`role.${x}`), which must name an object in the catalogue.
 */
function usedKeys(): { literal: Map<string, string>; prefixes: Map<string, string> } {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(src, file);
    for (const m of text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) literal.set(m[2]!, where);
    // Keys kept in data and translated later, e.g. the navigation's { key: 'nav.home' }.
    for (const m of text.matchAll(/\bkey:\s*'([a-z]\w*(?:\.\w+)+)'/g)) literal.set(m[1]!, where);
    for (const m of text.matchAll(/\bt\(\s*`([^`\n]*)`/g)) {
      const template = m[1]!;
      const hole = template.indexOf('${');
      if (hole < 0) literal.set(template, where);
      else if (hole > 0) prefixes.set(template.slice(0, hole), where);
    }
  }
  return { literal, prefixes };
}

describe('locales', () => {
  it('nl and en have exactly the same keys, plural forms included', () => {
    const onlyNl = [...nlKeys].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys].filter((k) => !nlKeys.has(k));
    expect({ onlyNl, onlyEn }).toEqual({ onlyNl: [], onlyEn: [] });
  });

  it('every plural has its _one and _other form in both languages', () => {
    for (const [lang, set] of [
      ['nl', nlKeys],
      ['en', enKeys],
    ] as const) {
      const bases = new Set(
        [...set].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')),
      );
      const incomplete = [...bases].filter((b) => !set.has(`${b}_one`) || !set.has(`${b}_other`));
      expect(incomplete, `${lang}: plurals without both forms`).toEqual([]);
    }
  });

  it('no value is empty and every value is text', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      const bad = leaves(catalogue)
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(bad, `${lang}: empty or non-text values`).toEqual([]);
    }
  });

  it('the same {{placeholders}} appear in both languages', () => {
    const placeholders = (v: unknown) =>
      [...String(v).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const enValues = new Map(leaves(en));
    const differ = leaves(nl)
      .filter(([k, v]) => {
        const a = placeholders(v);
        const b = placeholders(enValues.get(k));
        return a.length !== b.length || a.some((p, i) => p !== b[i]);
      })
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('every key the code uses with t() exists in both catalogues', () => {
    const { literal, prefixes } = usedKeys();
    // The scan must find the keys; an empty scan would pass for the wrong reason.
    expect(literal.size).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const [key, file] of literal) {
      if (!has(nlKeys, key)) missing.push(`nl: ${key} (${file})`);
      if (!has(enKeys, key)) missing.push(`en: ${key} (${file})`);
    }
    for (const [prefix, file] of prefixes) {
      const under = (set: Set<string>) => [...set].some((k) => k.startsWith(prefix));
      if (!under(nlKeys)) missing.push(`nl: ${prefix}… (${file})`);
      if (!under(enKeys)) missing.push(`en: ${prefix}… (${file})`);
    }
    expect(missing).toEqual([]);
  });
});
