import { resolveRules, type DisclosureRules } from './rules.ts';

/** Rule 2: open answers only from shown groups of at least `minOpenAnswerGroupSize` respondents. */
export function mayShowOpenAnswers(
  group: { respondents: number; shown?: boolean },
  rules: DisclosureRules,
): boolean {
  const { minOpenAnswerGroupSize } = resolveRules(rules);
  return group.shown !== false && group.respondents >= minOpenAnswerGroupSize;
}

/**
 * Open answers in an order that says nothing about who wrote them or when. The answers are first
 * put in a canonical order (by `keyOf`, default: the text itself or its JSON), so the result
 * depends only on which answers there are and on the seed — not on the order they came in, which
 * is usually the order of submission. Then a Fisher–Yates shuffle driven by a PRNG seeded from
 * `seed`. Deterministic: the same answers and seed give the same order every time.
 *
 * Strip dates and other metadata before calling; this function only reorders.
 */
export function shuffleOpenAnswers<T>(
  answers: readonly T[],
  seed: string | number,
  keyOf: (answer: T) => string = defaultKey,
): T[] {
  const out = answers
    .map((a) => ({ a, key: keyOf(a) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.a);
  const random = sfc32(String(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformBelow(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function defaultKey(answer: unknown): string {
  return typeof answer === 'string' ? answer : JSON.stringify(answer);
}

/** An unbiased whole number in [0, bound) from 32-bit draws (rejection sampling). */
function uniformBelow(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const x = next();
    if (x < limit) return x % bound;
  }
}

/** cyrb128: a string hash giving four 32-bit words, to seed sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ c, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ c, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ c, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ c, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting PRNG): uniform 32-bit unsigned integers. */
function sfc32(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
