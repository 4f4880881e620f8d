/**
 * Deterministic demo organisation of the Dutch National Police: 13 units, districts, teams,
 * people and team memberships. Pure: no I/O, no clock, no Math.random.
 */
import {
  AGE_BRACKETS,
  CENTRAL_UNITS,
  DISTRICT_TEAM_TEMPLATES,
  KIND_ABBR,
  REGIONAL_TEAM_TEMPLATES,
  REGIONAL_UNITS,
  SCALES,
  SIZE_RANGE,
} from './structure.ts';
import type { ScaleConfig, TeamTemplate } from './structure.ts';
import { NAME_ORIGINS, type NameOrigin } from './names.ts';

export type DemoScale = 'small' | 'national';
export type UnitKind = 'regional' | 'national' | 'service' | 'academy';
export type TeamKind =
  | 'basisteam'
  | 'recherche'
  | 'intelligence'
  | 'ondersteuning'
  | 'specialistisch'
  | 'staf'
  | 'opleiding';
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
}
export interface DemoDistrict {
  code: string;
  unitCode: string;
  name: string;
}
export interface DemoTeam {
  code: string;
  unitCode: string;
  districtCode: string | null;
  name: string;
  kind: TeamKind;
}
export interface DemoPerson {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  birthYear: number;
  employedSince: string /* YYYY-MM-DD */;
  email: string;
}
export interface DemoMembership {
  employeeNumber: string;
  teamCode: string;
  role: 'lid' | 'teamchef';
  validFrom: string /* YYYY-MM-DD */;
  validTo: string | null; /* exclusive end, YYYY-MM-DD */
}
export interface DemoOrganisation {
  units: DemoUnit[];
  districts: DemoDistrict[];
  teams: DemoTeam[];
  people: DemoPerson[];
  memberships: DemoMembership[];
}

const MIN_TEAM = 5;
const MAX_TEAM = 80;
const MOVER_SHARE = 0.05;
const FEMALE_SHARE = 0.38;
const DAY_MS = 86_400_000;
/** Mean years between turning 18 and joining, in days. */
const START_AGE_MEAN_DAYS = 7 * 365;
export type Rng = () => number;

/** mulberry32: small, fast, good enough for demo data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds any finite number (negative, fractional, beyond 32 bits) into a 32-bit seed. */
export function seed32(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number: ${seed}`);
  const whole = Math.floor(seed);
  const high = Math.floor(whole / 2 ** 32) >>> 0;
  const fraction = Math.floor((seed - whole) * 2 ** 32) >>> 0;
  return (whole ^ Math.imul(high, 0x9e3779b1) ^ Math.imul(fraction, 0x85ebca6b) ^ 0x5bd1e995) >>> 0;
}

const randInt = (rng: Rng, lo: number, hi: number): number =>
  lo + Math.floor(rng() * (hi - lo + 1));

function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}

const pick = <T>(rng: Rng, arr: readonly T[]): T => at(arr, Math.floor(rng() * arr.length));

function pickWeighted<T extends { weight: number }>(
  rng: Rng,
  items: readonly T[],
  total: number,
): T {
  let r = rng() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return at(items, items.length - 1);
}

function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s)
    throw new Error(`invalid date: ${s}`);
  return ms / DAY_MS;
}

/** Memoised: the same few thousand days recur across 65,000 people. */
function memo<K, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = fn(k)));
    return v;
  };
}

const isoDay = memo((day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10));
const yearStart = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;

/** Splits n over templates by weight; the remainder goes to templates in list order (kinds interleave). */
function allocate(n: number, templates: readonly TeamTemplate[]): number[] {
  const total = templates.reduce((s, t) => s + t.weight, 0);
  const counts = templates.map((t) => Math.floor((n * t.weight) / total));
  let rest = n - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

function buildStructure(cfg: ScaleConfig): Pick<DemoOrganisation, 'units' | 'districts' | 'teams'> {
  const units: DemoUnit[] = [];
  const districts: DemoDistrict[] = [];
  const teams: DemoTeam[] = [];
  const counters = new Map<string, number>();
  const addTeam = (
    unitCode: string,
    districtCode: string | null,
    name: string,
    kind: TeamKind,
  ): void => {
    const parent = districtCode ?? unitCode;
    const key = `${parent}|${kind}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    teams.push({
      code: `${parent}-${KIND_ABBR[kind]}${String(n).padStart(2, '0')}`,
      unitCode,
      districtCode,
      name,
      kind,
    });
  };
  const addTemplated = (unitCode: string, n: number, templates: readonly TeamTemplate[]): void => {
    const counts = allocate(n, templates);
    templates.forEach((t, i) => {
      const count = counts[i] ?? 0;
      const numbered = count > 1 || t.name.endsWith('Team');
      for (let k = 1; k <= count; k++)
        addTeam(unitCode, null, numbered ? `${t.name} ${k}` : t.name, t.kind);
    });
  };

  // Count base and district-level teams first, so the rest of the team target can be shared out.
  let fixedTeams = 0;
  for (const u of REGIONAL_UNITS) {
    for (const dist of u.districts.slice(0, cfg.districtsPerUnit)) {
      fixedTeams += Math.min(cfg.baseTeamsPerDistrict, dist.baseTeams.length);
      if (cfg.districtTeams) fixedTeams += DISTRICT_TEAM_TEMPLATES.length;
    }
  }
  const free = Math.max(0, cfg.teamTarget - fixedTeams);
  const totalWeight = [...REGIONAL_UNITS, ...CENTRAL_UNITS].reduce((s, u) => s + u.weight, 0);
  const share = (weight: number): number => Math.max(2, Math.round((free * weight) / totalWeight));

  for (const u of REGIONAL_UNITS) {
    units.push({ code: u.code, name: u.name, kind: 'regional' });
    for (const dist of u.districts.slice(0, cfg.districtsPerUnit)) {
      const code = `${u.code}-${dist.short}`;
      districts.push({ code, unitCode: u.code, name: dist.name });
      for (const bt of dist.baseTeams.slice(0, cfg.baseTeamsPerDistrict))
        addTeam(u.code, code, bt, 'basisteam');
      if (cfg.districtTeams) {
        const place = dist.name.replace(/^District /, '');
        for (const t of DISTRICT_TEAM_TEMPLATES)
          addTeam(u.code, code, `${t.name} ${place}`, t.kind);
      }
    }
    addTemplated(u.code, share(u.weight), REGIONAL_TEAM_TEMPLATES);
  }
  for (const u of CENTRAL_UNITS) {
    units.push({ code: u.code, name: u.name, kind: u.kind });
    addTemplated(u.code, Math.max(3, share(u.weight)), u.templates);
  }
  return { units, districts, teams };
}

function teamSizes(rng: Rng, teams: readonly DemoTeam[], target: number): number[] {
  const sizes = teams.map((t) => {
    const [lo, hi] = SIZE_RANGE[t.kind];
    return lo + Math.floor(((rng() + rng()) / 2) * (hi - lo + 1));
  });
  const others = teams.flatMap((t, i) => (t.kind === 'basisteam' ? [] : [i]));
  const baseSum = sizes.reduce((s, v, i) => (at(teams, i).kind === 'basisteam' ? s + v : s), 0);
  const otherTarget = target - baseSum;
  const otherSum = others.reduce((s, i) => s + at(sizes, i), 0);
  const factor = otherSum > 0 ? otherTarget / otherSum : 1;
  let sum = 0;
  for (const i of others) {
    const v = Math.min(MAX_TEAM, Math.max(MIN_TEAM, Math.round(at(sizes, i) * factor)));
    sizes[i] = v;
    sum += v;
  }
  // Nudge single teams up or down until the total is hit (bounded; the difference is small).
  let diff = otherTarget - sum;
  for (let guard = 0; diff !== 0 && others.length > 0 && guard < 1_000_000; guard++) {
    const i = pick(rng, others);
    const v = at(sizes, i);
    if (diff > 0 && v < MAX_TEAM) {
      sizes[i] = v + 1;
      diff--;
    } else if (diff < 0 && v > MIN_TEAM) {
      sizes[i] = v - 1;
      diff++;
    }
  }
  return sizes;
}

interface Draft {
  givenName: string;
  familyName: string;
  birthYear: number;
  employedDay: number;
  team: number;
  teamchef: boolean;
  moved: { team: number; day: number } | null;
}

const ORIGIN_WEIGHT = NAME_ORIGINS.reduce((s, o) => s + o.weight, 0);
const AGE_WEIGHT = AGE_BRACKETS.reduce((s, b) => s + b[2], 0);

function makeName(rng: Rng, birthYear: number): { givenName: string; familyName: string } {
  const origin: NameOrigin = pickWeighted(rng, NAME_ORIGINS, ORIGIN_WEIGHT);
  const female = rng() < FEMALE_SHARE;
  // Some people carry a Dutch given name whatever their family's origin.
  const givenFrom = origin.key !== 'dutch' && rng() < 0.08 ? at(NAME_ORIGINS, 0) : origin;
  // Given names follow the generation, with some crossing over.
  const young = birthYear >= 1982 !== rng() < 0.2;
  const list = female
    ? ((young ? givenFrom.femaleYoung : undefined) ?? givenFrom.female)
    : ((young ? givenFrom.maleYoung : undefined) ?? givenFrom.male);
  let familyName = pick(rng, origin.family);
  if (origin.gendered && female && familyName.endsWith('ki'))
    familyName = `${familyName.slice(0, -2)}ka`;
  return { givenName: pick(rng, list), familyName };
}

function sampleYearDiff(rng: Rng): number {
  let r = rng() * AGE_WEIGHT;
  for (const [lo, hi, weight] of AGE_BRACKETS) {
    r -= weight;
    if (r < 0) return randInt(rng, lo, hi);
  }
  return 40;
}

/** ASCII e-mail local part: diacritics stripped, spaces and apostrophes dropped. */
const emailPart = memo((name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[ıİ]/g, 'i')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, ''),
);

export function generateDemoOrganisation(options: {
  scale: DemoScale;
  seed: number;
  today?: string;
}): DemoOrganisation {
  const cfg = SCALES[options.scale];
  const todayDay = parseDay(options.today ?? '2026-11-01');
  const refYear = new Date(todayDay * DAY_MS).getUTCFullYear();
  const rng = mulberry32(seed32(options.seed));
  const { units, districts, teams } = buildStructure(cfg);
  const target = cfg.peopleTarget + randInt(rng, -cfg.peopleJitter, cfg.peopleJitter);
  const sizes = teamSizes(rng, teams, target);

  const drafts: Draft[] = [];
  sizes.forEach((size, team) => {
    const first = drafts.length;
    for (let k = 0; k < size; k++) {
      const yearDiff = sampleYearDiff(rng);
      const birthYear = refYear - yearDiff;
      // Joined from 1 January of the year they turn 18 (so surely after turning 17) until
      // yesterday; the start age is exponential (mean 7 years after 18), truncated at today.
      const earliest = yearStart(birthYear + 18);
      const window = todayDay - earliest;
      const u = rng() * (1 - Math.exp(-window / START_AGE_MEAN_DAYS));
      const offset = Math.floor(-START_AGE_MEAN_DAYS * Math.log(1 - u));
      const employedDay = Math.min(todayDay - 1, earliest + offset);
      drafts.push({
        ...makeName(rng, birthYear),
        birthYear,
        employedDay,
        team,
        teamchef: false,
        moved: null,
      });
    }
    // Team chief: a random experienced member (30+, 6+ years of service), else the most senior.
    const members = drafts.slice(first);
    const seasoned = members.filter(
      (p) => refYear - p.birthYear >= 30 && todayDay - p.employedDay >= 6 * 365,
    );
    const chief =
      seasoned.length > 0
        ? pick(rng, seasoned)
        : members.reduce((a, b) => (b.employedDay < a.employedDay ? b : a), at(members, 0));
    chief.teamchef = true;
  });

  // Movers came from another team, mostly within their own unit.
  const allTeams = teams.map((_, i) => i);
  const unitTeams = new Map<string, number[]>();
  teams.forEach((t, i) => {
    const list = unitTeams.get(t.unitCode);
    if (list) list.push(i);
    else unitTeams.set(t.unitCode, [i]);
  });
  for (const p of drafts) {
    if (rng() >= MOVER_SHARE || p.employedDay > todayDay - 60 || teams.length < 2) continue;
    const own = unitTeams.get(at(teams, p.team).unitCode) ?? [];
    const pool = own.length > 1 && rng() < 0.7 ? own : allTeams;
    const candidate = at(pool, randInt(rng, 0, pool.length - 2));
    const other = candidate === p.team ? at(pool, pool.length - 1) : candidate;
    const lo = Math.max(p.employedDay + 30, todayDay - 5 * 365);
    p.moved = { team: other, day: randInt(rng, lo, todayDay - 1) };
  }

  // Employee numbers follow seniority, with gaps; output is in employee-number order.
  const order = drafts
    .map((_, i) => i)
    .sort((a, b) => at(drafts, a).employedDay - at(drafts, b).employedDay || a - b);
  const emailCount = new Map<string, number>();
  const people: DemoPerson[] = [];
  const memberships: DemoMembership[] = [];
  let number = 1_000_000;
  for (const i of order) {
    const p = at(drafts, i);
    number += randInt(rng, 1, 24);
    const employeeNumber = String(number).padStart(7, '0');
    const local = `${emailPart(p.givenName)}.${emailPart(p.familyName)}`;
    const seen = (emailCount.get(local) ?? 0) + 1;
    emailCount.set(local, seen);
    const employedSince = isoDay(p.employedDay);
    people.push({
      employeeNumber,
      givenName: p.givenName,
      familyName: p.familyName,
      birthYear: p.birthYear,
      employedSince,
      email: `${local}${seen > 1 ? String(seen) : ''}@demo.politie.invalid`,
    });
    const teamCode = at(teams, p.team).code;
    const role = p.teamchef ? 'teamchef' : 'lid';
    if (p.moved) {
      const switchDay = isoDay(p.moved.day);
      memberships.push({
        employeeNumber,
        teamCode: at(teams, p.moved.team).code,
        role: 'lid',
        validFrom: employedSince,
        validTo: switchDay,
      });
      memberships.push({ employeeNumber, teamCode, role, validFrom: switchDay, validTo: null });
    } else {
      memberships.push({ employeeNumber, teamCode, role, validFrom: employedSince, validTo: null });
    }
  }
  return { units, districts, teams, people, memberships };
}
