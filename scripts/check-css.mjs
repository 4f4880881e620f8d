#!/usr/bin/env node
// No raw colours in the web app's CSS: every colour is a design token, defined once in
// apps/web/src/theme/tokens.css and used everywhere else as var(--pvi-…) / var(--utrecht-…).
// Fails (exit 1) with file:line for each hex colour, colour function (rgb(), hsl(), hwb(), lab(),
// lch(), oklab(), oklch(), color()) or named colour found in a declaration outside tokens.css.
// The TypeScript side of the same rule is an ESLint rule (eslint.config.js).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'apps/web/src');
const ALLOWED = new Set(['theme/tokens.css']);

const HEX = /#[0-9a-f]{3,8}\b/i;
const FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const NAMED =
  /(?<![-\w])(?:white|black|red|green|blue|yellow|orange|purple|pink|brown|gr[ae]y|silver|maroon|navy|teal|olive|lime|aqua|cyan|magenta|fuchsia|gold|indigo|violet)(?![-\w])/i;

function cssFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Blanks out comments, keeping line breaks so line numbers stay right. */
const withoutComments = (text) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));

/** The declarations ("prop: value", possibly over several lines) with the line they start on. */
function declarations(text) {
  const found = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '}' || c === ';') {
      const chunk = text.slice(start, i);
      // Ended by "{": a selector or at-rule prelude (e.g. inside @media), not a declaration.
      if (c !== '{' && depth > 0) {
        const m = /^(\s*)([-\w]+)\s*:([\s\S]*)$/.exec(chunk);
        if (m) {
          const line = text.slice(0, start + m[1].length).split('\n').length;
          found.push({
            line,
            property: m[2],
            value: m[3],
            text: chunk.trim().replace(/\s+/g, ' '),
          });
        }
      }
      if (c === '{') depth++;
      if (c === '}') depth = Math.max(0, depth - 1);
      start = i + 1;
    }
  }
  return found;
}

const problems = [];
const files = cssFiles(src);
for (const file of files) {
  const name = relative(src, file);
  if (ALLOWED.has(name)) continue;
  for (const d of declarations(withoutComments(readFileSync(file, 'utf8')))) {
    const found = HEX.exec(d.value) ?? FUNCTION.exec(d.value) ?? NAMED.exec(d.value);
    if (found)
      problems.push(`apps/web/src/${name}:${d.line}: raw colour "${found[0]}" in: ${d.text}`);
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `Raw colours in the web CSS (use a token from apps/web/src/theme/tokens.css):\n${problems.join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `No raw colours in ${files.length - ALLOWED.size} CSS file(s) under apps/web/src (tokens.css excepted).\n`,
);
