import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@pvi/db';
import { mulberry32, type Rng } from '@pvi/db/demo';
import type { Instrument } from '@pvi/contracts';
import type { DisclosureRules } from '@pvi/disclosure';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as waves from './waves.repository.ts';
import * as respond from './respond.repository.ts';
import { scoreResponse } from './scoring.ts';
import { hashSecret, newSecret } from './waves.service.ts';

const normal = (rng: Rng) =>
  Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const OPEN_TEXTS = [
  [
    'We helpen elkaar als het druk is.',
    'De briefing is kort en duidelijk.',
    'Na een heftige melding is er altijd tijd voor een gesprek.',
    'Nieuwe collega’s worden goed opgevangen.',
    'We kunnen lachen met elkaar.',
    'De teamchef staat open voor ideeën.',
  ],
  [
    'Meer tijd voor herstel na nachtdiensten.',
    'Grappen over afkomst worden te makkelijk geaccepteerd.',
    'Minder wisselingen in het rooster.',
    'Vaker samen evalueren na incidenten.',
    'Sneller terugkoppeling als je iets meldt.',
    'Meer ruimte voor verschillende meningen in het overleg.',
  ],
];

interface TeamClimate {
  offsets: Map<string, number>;
  low: boolean;
  responseRate: number;
}

/** One respondent's answers: a team climate, a personal tendency and noise per item. */
function answersOf(
  rng: Rng,
  instrument: Instrument,
  climate: TeamClimate,
  improvement: number,
): Record<string, number | number[] | string> {
  const answers: Record<string, number | number[] | string> = {};
  const person = normal(rng) * 0.5;
  const harmed = rng() < (climate.low ? 0.22 - improvement * 0.1 : 0.06);
  for (const item of instrument.items) {
    if (rng() < 0.03) continue; // everything is optional; a few skip an item
    if (item.showIf) {
      const given = answers[item.showIf.itemKey];
      const values = Array.isArray(given) ? given : typeof given === 'number' ? [given] : [];
      if (!values.some((v) => item.showIf!.anyOf.includes(v))) continue;
    }
    switch (item.answerScale) {
      case 'agree5':
      case 'frequency5': {
        const offset = item.scaleKey ? (climate.offsets.get(item.scaleKey) ?? 0) : 0;
        const latent = 3.8 + offset + (climate.low ? improvement : 0) + person + normal(rng) * 0.7;
        const value = clamp(Math.round(latent), 1, 5);
        answers[item.key] = item.reverse ? 6 - value : value;
        break;
      }
      case 'yesno':
        answers[item.key] =
          item.indicator === 'transgressive_experienced'
            ? Number(harmed && rng() < 0.6)
            : item.indicator === 'transgressive_reported'
              ? Number(rng() < 0.4)
              : Number(rng() < 0.5);
        break;
      case 'choice':
        if (item.options?.length) answers[item.key] = pick(rng, item.options).value;
        break;
      case 'multi':
        if (item.options?.length) answers[item.key] = [pick(rng, item.options).value];
        break;
      case 'open':
        if (rng() < 0.25) {
          const index = instrument.items.filter((i) => i.answerScale === 'open').indexOf(item);
          answers[item.key] = pick(rng, OPEN_TEXTS[Math.min(index, 1)]!);
        }
        break;
    }
  }
  return answers;
}

/**
 * Demo history for the team monitor: two closed MEMO waves a year apart with believable answers,
 * so reports, trends and plans are alive on first start. Deterministic by seed (apart from ids and
 * link secrets). A few teams score low on social safety and inclusion and report more
 * transgressive behaviour; they improve a little in the later wave.
 */
export function createSurveyDemoService(deps: {
  db: Database;
  audit: AuditService;
  rules: DisclosureRules;
  computeReports: (waveId: string) => Promise<unknown>;
}) {
  const { db, audit } = deps;

  async function seedWave(options: {
    name: string;
    instrumentKey: string;
    opensOn: string;
    closesOn: string;
    previousWaveId: string | null;
    rng: Rng;
    climates: Map<string, TeamClimate>;
    improvement: number;
    actor: Actor;
  }): Promise<{ waveId: string; responses: number }> {
    const { rng } = options;
    const version = await waves.findInstrumentVersion(db, options.instrumentKey);
    if (!version)
      throw new Error(`No instrument ${options.instrumentKey}; sync instruments first.`);
    const instrument = version.definition as Instrument;
    const result = await db.transaction(async (tx) => {
      const wave = await waves.insertWave(tx, {
        name: options.name,
        instrumentVersionId: version.id,
        rules: deps.rules,
        previousWaveId: options.previousWaveId,
        status: 'open',
        openedAt: new Date(`${options.opensOn}T07:00:00Z`),
        isDemo: true,
      });
      const unitIds = await queryRows<{ id: string }>(tx, sql`select id from units order by code`);
      await waves.insertWaveUnits(
        tx,
        unitIds.map((u, i) => ({
          waveId: wave.id,
          unitId: u.id,
          relayOrder: i + 1,
          opensOn: options.opensOn,
          closesOn: options.closesOn,
        })),
      );
      await waves.snapshotTeams(tx, wave.id);
      const population = await waves.populationOn(tx, wave.id, options.opensOn);
      const placeOf = new Map(
        (await waves.waveTeamsWithNames(tx, wave.id)).map((t) => [t.teamId, t]),
      );
      // Response rates move between waves (so counts, and comparisons between waves, differ).
      const rateThisWave = new Map<string, number>();
      const participation = [];
      const responses: respond.StoredResponse[] = [];
      for (const p of population) {
        let climate = options.climates.get(p.team_id);
        if (!climate) {
          const low = rng() < 0.06;
          climate = {
            low,
            responseRate: 0.45 + rng() * 0.45,
            offsets: new Map(
              instrument.scales.map((s) => [
                s.key,
                normal(rng) * 0.3 - (low && /safety|inclusion|belong|leader/.test(s.key) ? 0.9 : 0),
              ]),
            ),
          };
          options.climates.set(p.team_id, climate);
        }
        let rate = rateThisWave.get(p.team_id);
        if (rate === undefined) {
          rate = options.previousWaveId
            ? clamp(climate.responseRate * (0.7 + rng() * 0.6), 0.2, 0.98)
            : climate.responseRate;
          rateThisWave.set(p.team_id, rate);
        }
        const answered = rng() < rate;
        participation.push({
          waveId: wave.id,
          personId: p.person_id,
          teamId: p.team_id,
          tokenHash: hashSecret(newSecret()),
          answered,
        });
        if (!answered) continue;
        const { scored, problems } = scoreResponse(
          instrument,
          answersOf(rng, instrument, climate, options.improvement),
        );
        if (problems.length) throw new Error(`Demo answers invalid: ${problems[0]!.reason}`);
        const place = placeOf.get(p.team_id)!;
        responses.push({
          waveId: wave.id,
          teamId: p.team_id,
          districtId: place.districtId,
          unitId: place.unitId,
          ...scored,
        });
      }
      await waves.insertParticipation(tx, participation);
      await waves.setInvitedCounts(tx, wave.id);
      await respond.insertResponses(tx, responses);
      await waves.shuffleWave(tx, wave.id);
      await waves.setWaveStatus(tx, wave.id, {
        status: 'closed',
        closedAt: new Date(`${options.closesOn}T22:00:00Z`),
      });
      await audit.record(tx, options.actor, {
        action: 'create',
        recordType: 'survey_wave',
        recordId: wave.id,
        details: { demo: true, responses: responses.length },
      });
      return { waveId: wave.id, responses: responses.length };
    });
    await deps.computeReports(result.waveId);
    return result;
  }

  return {
    async load(options: { seed: number; actor: Actor }) {
      const existing = await queryRows<{ id: string }>(
        db,
        sql`select id from survey_waves where is_demo order by created_at`,
      );
      if (existing.length) return { waves: existing.map((w) => w.id), responses: 0 };
      const rng = mulberry32(options.seed * 7919 + 17);
      const climates = new Map<string, TeamClimate>();
      const first = await seedWave({
        name: 'Teammonitor MEMO 2024',
        instrumentKey: 'memo',
        opensOn: '2024-10-01',
        closesOn: '2024-10-28',
        previousWaveId: null,
        rng,
        climates,
        improvement: 0,
        actor: options.actor,
      });
      const second = await seedWave({
        name: 'Teammonitor MEMO 2025',
        instrumentKey: 'memo',
        opensOn: '2025-10-01',
        closesOn: '2025-10-28',
        previousWaveId: first.waveId,
        rng,
        climates,
        improvement: 0.35,
        actor: options.actor,
      });
      return {
        waves: [first.waveId, second.waveId],
        responses: first.responses + second.responses,
      };
    },
  };
}
export type SurveyDemoService = ReturnType<typeof createSurveyDemoService>;
