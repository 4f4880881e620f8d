import type { Database } from '@pvi/db';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as repo from './followup-demo.repository.ts';
import { amsterdamDay } from './history.ts';

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  'Bij elke controle de reden hardop uitleggen, ook als het druk is.',
  'Wettelijke grondslag direct in de app vastleggen, niet achteraf.',
  'Na een controle zonder resultaat even met de collega nabespreken.',
  'Selectie op gedrag: wat zagen we precies? Concreet opschrijven.',
  'Eén keer per maand de teamcijfers samen bekijken in de briefing.',
  'Klachten over bejegening bespreken in het eerstvolgende teamoverleg.',
];
const PLACES = [
  'Buurthuis, gesprek met jongeren over controles',
  'Moskee, uitleg over de identificatieplicht',
  'Wijkcentrum, avond met bewoners en ondernemers',
  'Bibliotheek, open spreekuur met de wijkagent',
];

/** Day `n` (0-based) of a year, as YYYY-MM-DD. */
const dayOf = (year: number, n: number) =>
  new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);

/**
 * Demo follow-up on the controls: for every team, training records for last year and this year
 * (ambassadors and VR sessions in base teams, IBT, dialogue meetings; some teams short of a norm),
 * and two reflection sessions per base team in the unit of the demo accounts. Deterministic per
 * seed; does nothing when follow-up data exists already.
 */
export function createFollowUpDemoService(deps: {
  db: Database;
  audit: AuditService;
  now?: () => Date;
}) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function load(options: { seed: number; actor: Actor; reflectionUnitCode: string }) {
    const rng = mulberry32(options.seed * 7919 + 5);
    const today = amsterdamDay.format(now());
    const thisYear = Number(today.slice(0, 4));
    // Days of this year that lie in the past: activities are never in the future.
    const pastDays = Math.max(
      1,
      Math.floor((Date.parse(today) - Date.UTC(thisYear, 0, 1)) / 86_400_000),
    );
    return db.transaction(async (tx) => {
      if (await repo.hasAnyFollowUp(tx))
        return { trainingYears: 0, activities: 0, reflectionSessions: 0 };
      const teams = await repo.demoTeams(tx);
      const years: Parameters<typeof repo.insertDemoYears>[1] = [];
      const activities: Parameters<typeof repo.insertDemoActivities>[1] = [];
      const sessions: Parameters<typeof repo.insertDemoSessions>[1] = [];
      for (const team of teams) {
        const size = team.member_ids.length;
        if (size === 0) continue;
        const base = team.kind === 'basisteam';
        for (const year of [thisYear - 1, thisYear]) {
          const span = year === thisYear ? pastDays : 365;
          // One team in five falls short: fewer ambassadors, IBT not complete, no dialogue.
          const short = rng() < 0.2;
          const ambassadors = !base ? 0 : short ? Math.floor(rng() * 2) : 2;
          const ibt = short ? Math.floor(size * (0.6 + rng() * 0.3)) : size;
          years.push({
            teamId: team.id,
            year,
            ibtParticipants: rng() < 0.1 ? null : Math.min(size, ibt),
            ambassadorIds: team.member_ids.slice(0, Math.min(size, ambassadors)),
          });
          // Base teams meet citizens most; other teams now and then.
          const dialogues = short ? 0 : base ? 1 + Math.floor(rng() * 2) : Math.floor(rng() * 2);
          for (let i = 0; i < dialogues; i++)
            activities.push({
              teamId: team.id,
              kind: 'dialogue',
              heldOn: dayOf(year, Math.floor(rng() * span)),
              participants: 12 + Math.floor(rng() * 40),
              description: PLACES[Math.floor(rng() * PLACES.length)]!,
            });
          const vr = base ? Math.floor(rng() * 3) : 0;
          for (let i = 0; i < vr; i++)
            activities.push({
              teamId: team.id,
              kind: 'vr_session',
              heldOn: dayOf(year, Math.floor(rng() * span)),
              participants: Math.max(1, Math.floor(size * (0.3 + rng() * 0.5))),
              description: 'VR-training: selectie en bejegening bij een verkeerscontrole',
            });
        }
        if (!base || team.unit_code !== options.reflectionUnitCode) continue;
        // Two sessions: last spring on the year before, last autumn on the half year before.
        for (const [held, from, to] of [
          [`${thisYear - 1}-03-14`, `${thisYear - 2}-03-01`, `${thisYear - 1}-02-28`],
          [`${thisYear - 1}-10-10`, `${thisYear - 1}-04-01`, `${thisYear - 1}-09-30`],
        ] as const) {
          const first = Math.floor(rng() * ACTIONS.length);
          sessions.push({
            teamId: team.id,
            heldOn: held,
            participants: Math.max(1, Math.round(size * (0.5 + rng() * 0.4))),
            agreedActions: [ACTIONS[first]!, ACTIONS[(first + 2) % ACTIONS.length]!],
            notes: null,
            periodFrom: from,
            periodTo: to,
          });
        }
      }
      await repo.insertDemoYears(tx, years, options.actor);
      await repo.insertDemoActivities(tx, activities, options.actor);
      await repo.insertDemoSessions(tx, sessions, options.actor);
      await audit.record(tx, options.actor, {
        action: 'create',
        recordType: 'control_follow_up_demo',
        details: {
          demo: true,
          trainingYears: years.length,
          activities: activities.length,
          reflectionSessions: sessions.length,
        },
      });
      return {
        trainingYears: years.length,
        activities: activities.length,
        reflectionSessions: sessions.length,
      };
    });
  }

  return { load };
}
export type FollowUpDemoService = ReturnType<typeof createFollowUpDemoService>;
