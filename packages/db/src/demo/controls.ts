/**
 * A deterministic year of professional controls for the demo organisation's base teams. Pure: no
 * I/O, no clock, no Math.random. The pattern is meant to be found by the analysis:
 * - most teams register well (legal basis, a reason text, the reason explained);
 * - POOR_QUALITY_TEAM often leaves out the legal basis and the reason text, and rarely explains;
 * - LOW_HIT_TEAM's controls for "behaviour" have a markedly lower hit rate than those of its peer
 *   in the same municipality (AMS-C-BT01) at the same buurten and hours;
 * - hours and weekdays follow a realistic curve (evenings and weekend nights), spread over the
 *   whole year so that many controls fall around dusk in every season (veil of darkness).
 */
import { demoAreas, DISTRICT_GEMEENTE, type DemoArea } from './areas.ts';
import { mulberry32, seed32, type DemoOrganisation, type Rng } from './generate.ts';

export const POOR_QUALITY_TEAM = 'RTM-RS-BT01';
export const LOW_HIT_TEAM = 'AMS-NO-BT01';

export interface DemoControl {
  id: string;
  /** UTC ISO 8601. */
  occurredAt: string;
  teamCode: string;
  officerEmployeeNumber: string;
  gemeenteCode: string;
  wijkCode: string;
  buurtCode: string;
  controlType: 'person' | 'vehicle' | 'both';
  initiative: 'proactive' | 'call' | 'information' | 'anpr' | 'other';
  selectionReason: 'behaviour' | 'circumstances' | 'information' | 'traffic_violation' | 'other';
  reasonText: string | null;
  legalBasis:
    | 'wvw_160'
    | 'wid'
    | 'politiewet'
    | 'wwm'
    | 'opiumwet'
    | 'apv'
    | 'vreemdelingenwet'
    | 'other'
    | null;
  explained: boolean;
  notExplainedWhy: string | null;
  identityCheck: boolean;
  frisk: boolean;
  searchPerson: boolean;
  searchVehicle: boolean;
  outcome: 'none' | 'warning' | 'fine' | 'arrest' | 'seizure' | 'referral';
  outcomeLinked: boolean;
  durationBand: 'lt5' | '5to15' | '15to30' | 'gt30';
  /** Shared by repeat controls of the same (fictional) subject. */
  subjectRef: string | null;
  subjectKind: 'person' | 'vehicle' | null;
}

const DAY_MS = 86_400_000;
/** Controls per base team per year, before a team's own factor (0.6–1.5). */
const PER_TEAM = { small: 1500, national: 400 } as const;

/** Relative weight of each local hour 0–23: quiet mornings, busy evenings and late nights. */
const HOUR_WEIGHTS = [
  6, 5, 4, 3, 2, 1.5, 2, 3, 4, 5, 6, 6.5, 7, 7, 7.5, 8, 9, 10, 10.5, 11, 11.5, 11, 10, 8,
];
/** Monday … Sunday. */
const WEEKDAY_WEIGHTS = [0.85, 0.85, 0.9, 0.95, 1.2, 1.35, 1.0];

const REASON_TEXTS: Record<DemoControl['selectionReason'], readonly string[]> = {
  behaviour: [
    'Liep weg bij het zien van de politie',
    'Keek steeds om zich heen bij geparkeerde auto’s',
    'Gooide iets weg toen wij aankwamen',
    'Hing lang rond bij de ingang van het station',
    'Wisselde snel iets uit met een voorbijganger',
  ],
  circumstances: [
    'Laat op de avond op een bedrijventerrein',
    'Bij een pand waar eerder vandaag is ingebroken',
    'Rondom uitgaansgebied na sluitingstijd',
    'Voertuig stond met draaiende motor bij gesloten winkel',
  ],
  information: [
    'Signalement uit melding inbraak komt overeen',
    'Informatie van collega’s over handel in deze straat',
    'Voertuig komt voor in recente informatie',
  ],
  traffic_violation: [
    'Reed door rood licht',
    'Telefoon in de hand tijdens het rijden',
    'Geen verlichting in het donker',
    'Reed te hard in woonwijk',
  ],
  other: ['Verzoek van de beveiliging van het winkelcentrum', 'Hulpverlening na valpartij'],
};
const NOT_EXPLAINED = [
  'Persoon was agressief',
  'Situatie was onveilig',
  'Persoon liep weg voordat het kon',
  'Persoon sprak geen Nederlands of Engels',
];
const POOR_NOT_EXPLAINED = ['nvt', 'geen tijd', 'drukte'];

type Rate = Record<DemoControl['selectionReason'], number>;
/** Chance that a control ends in an outcome (a hit), by selection reason. */
const HIT_RATE: Rate = {
  behaviour: 0.24,
  circumstances: 0.17,
  information: 0.34,
  traffic_violation: 0.62,
  other: 0.12,
};

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

const pick = <T>(rng: Rng, arr: readonly T[]): T => arr[Math.floor(rng() * arr.length)]!;

function uuidOf(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Last Sunday of a month (UTC day number), for the EU summer-time rule. */
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0) / DAY_MS;
  const weekday = new Date(last * DAY_MS).getUTCDay();
  return last - weekday;
}

/** Local Amsterdam time → UTC: +2 h from the last Sunday of March to that of October, else +1. */
function amsterdamToUtc(day: number, minuteOfDay: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const start = lastSunday(year, 2) * DAY_MS + 3600_000;
  const end = lastSunday(year, 9) * DAY_MS + 3600_000;
  const localMs = day * DAY_MS + minuteOfDay * 60_000;
  const summerGuess = localMs - 2 * 3600_000;
  return summerGuess >= start && summerGuess < end ? summerGuess : localMs - 3600_000;
}

interface TeamPlan {
  code: string;
  factor: number;
  officers: string[];
  buurten: { area: DemoArea; weight: number }[];
}

function buurtenFor(
  gemeenteCode: string,
  byGemeente: Map<string, DemoArea[]>,
  rng: Rng,
): { area: DemoArea; weight: number }[] {
  // A few hot spots (the first buurt of a wijk weighs more), the rest spread out.
  return (byGemeente.get(gemeenteCode) ?? []).map((area) => ({
    area,
    weight: (area.code.endsWith('00') ? 3 : 1) * (0.5 + rng()),
  }));
}

export function generateDemoControls(options: {
  organisation: DemoOrganisation;
  seed: number;
  scale: 'small' | 'national';
  /** The day after the last control (default 2026-11-01, as the organisation). */
  today?: string;
}): DemoControl[] {
  const rng = mulberry32(seed32(options.seed * 7919 + 17));
  const todayDay = Date.parse(`${options.today ?? '2026-11-01'}T00:00:00Z`) / DAY_MS;
  const areas = demoAreas().filter((a) => a.level === 'buurt');
  const byGemeente = new Map<string, DemoArea[]>();
  for (const a of areas)
    byGemeente.set(a.gemeenteCode, [...(byGemeente.get(a.gemeenteCode) ?? []), a]);
  const amsterdam = byGemeente.get('GM0363') ?? [];
  const centre = amsterdam.filter((a) => /^BU03630[0-3]/.test(a.code));
  const noord = amsterdam.filter((a) => !/^BU03630[0-3]/.test(a.code));

  const org = options.organisation;
  const unitFirstGemeente = new Map<string, string>();
  for (const [district, gm] of Object.entries(DISTRICT_GEMEENTE)) {
    const unit = district.split('-')[0]!;
    if (!unitFirstGemeente.has(unit)) unitFirstGemeente.set(unit, gm);
  }
  const plans: TeamPlan[] = [];
  for (const team of org.teams) {
    if (team.kind !== 'basisteam' || !team.districtCode) continue;
    const officers = org.memberships
      .filter((m) => m.teamCode === team.code && m.validTo === null && m.role === 'lid')
      .map((m) => m.employeeNumber);
    if (officers.length === 0) continue;
    const gemeente =
      DISTRICT_GEMEENTE[team.districtCode] ?? unitFirstGemeente.get(team.unitCode) ?? 'GM0363';
    let buurten = buurtenFor(gemeente, byGemeente, rng);
    // The two Amsterdam teams work the same streets, each mostly its own part of town.
    if (team.code === 'AMS-C-BT01' || team.code === LOW_HIT_TEAM) {
      const own = team.code === LOW_HIT_TEAM ? noord : centre;
      buurten = amsterdam.map((area) => ({
        area,
        weight: (own.includes(area) ? 3 : 1.5) * (area.code.endsWith('00') ? 2 : 1),
      }));
    }
    if (buurten.length === 0) continue;
    // About six in ten officers register controls, some far more than others.
    const active = officers.filter(() => rng() < 0.6);
    plans.push({
      code: team.code,
      factor: 0.6 + rng() * 0.9,
      officers: active.length ? active : officers.slice(0, 1),
      buurten,
    });
  }

  const hourTable = HOUR_WEIGHTS.map((w, h) => [h, w] as const);
  const out: DemoControl[] = [];
  for (const plan of plans) {
    const poor = plan.code === POOR_QUALITY_TEAM;
    const lowHit = plan.code === LOW_HIT_TEAM;
    const officerWeights = plan.officers.map((o) => [o, 0.2 + rng() ** 2 * 3] as const);
    const buurtTable = plan.buurten.map((b) => [b.area, b.weight] as const);
    const subjects: { ref: string; kind: 'person' | 'vehicle' }[] = [];
    const n = Math.round(PER_TEAM[options.scale] * plan.factor);
    for (let i = 0; i < n; i++) {
      // A day in the last 365, weighted by weekday; a local time by hour of day.
      let day: number;
      do day = todayDay - 1 - Math.floor(rng() * 365);
      while (rng() * 1.35 > WEEKDAY_WEIGHTS[(new Date(day * DAY_MS).getUTCDay() + 6) % 7]!);
      const controlType = weighted(rng, [
        ['person', 45],
        ['vehicle', 40],
        ['both', 15],
      ] as const);
      const withVehicle = controlType !== 'person';
      const withPerson = controlType !== 'vehicle';
      const selectionReason = weighted(rng, [
        ['behaviour', 35],
        ['circumstances', 20],
        ['information', 15],
        ['traffic_violation', withVehicle ? 40 : 8],
        ['other', 5],
      ] as const);
      // Traffic controls lean to the day, behaviour to the night.
      const hour =
        selectionReason === 'traffic_violation' && rng() < 0.4
          ? 8 + Math.floor(rng() * 10)
          : weighted(rng, hourTable);
      const minute = hour * 60 + Math.floor(rng() * 60);
      const initiative = weighted(rng, [
        ['proactive', 55],
        ['call', 20],
        ['information', selectionReason === 'information' ? 40 : 8],
        ['anpr', withVehicle ? 12 : 0],
        ['other', 5],
      ] as const);
      const legalBasis = ((): DemoControl['legalBasis'] => {
        if (poor && rng() < 0.55) return null;
        if (!poor && rng() < 0.03) return null;
        if (selectionReason === 'traffic_violation') return 'wvw_160';
        if (selectionReason === 'information')
          return weighted(rng, [
            ['opiumwet', 4],
            ['wwm', 2],
            ['politiewet', 2],
            ['vreemdelingenwet', 0.3],
          ] as const);
        if (selectionReason === 'circumstances')
          return weighted(rng, [
            ['apv', 3],
            ['politiewet', 3],
            ['wid', 2],
          ] as const);
        return withVehicle && rng() < 0.4
          ? 'wvw_160'
          : weighted(rng, [
              ['wid', 5],
              ['politiewet', 3],
              ['other', 0.5],
            ] as const);
      })();
      const reasonText =
        selectionReason === 'other' || rng() < (poor ? 0.4 : 0.93)
          ? pick(rng, REASON_TEXTS[selectionReason])
          : null;
      const explained = rng() < (poor ? 0.35 : 0.9);
      const frisk = withPerson && rng() < (selectionReason === 'information' ? 0.2 : 0.07);
      const searchPerson = withPerson && rng() < (selectionReason === 'information' ? 0.14 : 0.04);
      const searchVehicle = withVehicle && rng() < (selectionReason === 'information' ? 0.2 : 0.05);
      let hitRate = HIT_RATE[selectionReason];
      if (lowHit && selectionReason === 'behaviour') hitRate = 0.07;
      if (frisk || searchPerson || searchVehicle) hitRate = Math.min(0.9, hitRate * 1.4);
      const hit = rng() < hitRate;
      const outcome: DemoControl['outcome'] = !hit
        ? 'none'
        : selectionReason === 'traffic_violation'
          ? weighted(rng, [
              ['fine', 7],
              ['warning', 3],
              ['arrest', 0.2],
              ['seizure', 0.3],
            ] as const)
          : weighted(rng, [
              ['warning', 4],
              ['fine', 2.5],
              ['arrest', 1.2],
              ['seizure', 1.3],
              ['referral', 1],
            ] as const);
      const outcomeLinked = hit && rng() < (lowHit && selectionReason === 'behaviour' ? 0.5 : 0.8);
      const searched = frisk || searchPerson || searchVehicle;
      const durationBand =
        outcome === 'arrest'
          ? 'gt30'
          : weighted(rng, [
              ['lt5', searched ? 5 : 35],
              ['5to15', 45],
              ['15to30', searched ? 30 : 15],
              ['gt30', searched ? 10 : 5],
            ] as const);
      // About three in ten controls carry a subject key; one in four of those is a repeat.
      let subject: { ref: string; kind: 'person' | 'vehicle' } | null = null;
      if (rng() < 0.3) {
        const kind =
          withVehicle && (controlType === 'vehicle' || rng() < 0.5) ? 'vehicle' : 'person';
        const earlier = subjects.filter((s) => s.kind === kind);
        if (earlier.length && rng() < 0.25) subject = pick(rng, earlier);
        else {
          subject = { ref: uuidOf(rng), kind };
          subjects.push(subject);
        }
      }
      const area = weighted(rng, buurtTable);
      out.push({
        id: uuidOf(rng),
        occurredAt: new Date(amsterdamToUtc(day, minute)).toISOString(),
        teamCode: plan.code,
        officerEmployeeNumber: weighted(rng, officerWeights),
        gemeenteCode: area.gemeenteCode,
        wijkCode: area.wijkCode!,
        buurtCode: area.code,
        controlType,
        initiative,
        selectionReason,
        reasonText,
        legalBasis,
        explained,
        notExplainedWhy: explained ? null : pick(rng, poor ? POOR_NOT_EXPLAINED : NOT_EXPLAINED),
        identityCheck: rng() < (poor ? 0.7 : 0.88),
        frisk,
        searchPerson,
        searchVehicle,
        outcome,
        outcomeLinked,
        durationBand,
        subjectRef: subject?.ref ?? null,
        subjectKind: subject?.kind ?? null,
      });
    }
  }
  return out;
}
