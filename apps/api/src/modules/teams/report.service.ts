import { performance } from 'node:perf_hooks';
import type { Database } from '@pvi/db';
import type { Instrument } from '@pvi/contracts';
import type { DisclosureRules } from '@pvi/disclosure';
import { cronbachAlphaFromSums } from '@pvi/stats';
import type { ScaleReliabilityReport } from '@pvi/contracts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import * as waves from './waves.repository.ts';
import * as repo from './report.repository.ts';
import { backgroundGroups, buildTree, keyOf, type GroupSums, type Level } from './report.tree.ts';
import { disclose, type PreviousGroup, type StoredGroupData } from './report.disclose.ts';
import { itemDistributions, storeGroupReports } from './report.items.ts';
import { assembleReport, type GroupReport } from './report.assemble.ts';

/**
 * Team-monitor reports. When a wave closes, `compute` aggregates it in SQL (counts and scale sums
 * per team, summed up the tree in Node; background views per unit; item distributions of every
 * group, rolled up in SQL: `report.items.ts`), runs disclosure control over every group and view
 * at once, and stores per group only what may be shown, in one statement. Reading a report is
 * then one small query, whatever the wave's size.
 */
export function createReportService(deps: { db: Database; audit: AuditService }) {
  const { db, audit } = deps;

  /**
   * `onPhase` receives each phase's duration in ms (benchmarks use it to say where the time goes).
   */
  async function compute(
    waveId: string,
    onPhase?: (phase: string, ms: number) => void,
  ): Promise<{ groups: number; shown: number }> {
    let last = performance.now();
    const phase = (name: string) => {
      const now = performance.now();
      onPhase?.(name, now - last);
      last = now;
    };
    const wave = await waves.findWave(db, waveId);
    if (!wave) throw new AppError('not_found', `There is no wave ${waveId}.`);
    const version = await waves.instrumentVersionById(db, wave.instrumentVersionId);
    const instrument = version!.definition as Instrument;
    const [teams, scales, open, background, items] = await Promise.all([
      repo.teamCounts(db, waveId),
      repo.scaleStats(db, waveId),
      repo.openAnswers(db, waveId),
      repo.backgroundStats(db, waveId),
      itemDistributions(db, waveId, instrument),
    ]);
    phase('aggregate (SQL)');
    const tree = buildTree({ teams, scales, open });
    const views: GroupSums[] = background.flatMap((b) =>
      backgroundGroups(tree, b.question, b.counts, b.scales),
    );
    const previous: PreviousGroup[] = [];
    if (wave.previousWaveId) {
      // The same groups in the previous wave, so rule 4 can weigh the comparison between waves.
      const earlier = buildTree({
        teams: await repo.teamCounts(db, wave.previousWaveId),
        scales: [],
        open: [],
      });
      const hidden = new Map(
        (await repo.groupDecisions(db, wave.previousWaveId)).map((r) => [r.groupKey, !r.shown]),
      );
      for (const g of tree.values()) {
        const then = earlier.get(g.key);
        if (!then || !hidden.has(g.key)) continue;
        previous.push({
          key: g.key,
          level: g.level,
          respondents: then.respondents,
          invited: then.invited,
          hidden: hidden.get(g.key)!,
        });
      }
    }
    phase('tree and previous wave');
    const rows = disclose({
      waveId,
      previous,
      groups: [...tree.values(), ...views],
      rules: wave.rules as DisclosureRules,
    });
    phase('disclosure control');
    await db.transaction(async (tx) => storeGroupReports(tx, waveId, rows, items));
    phase('store');
    return { groups: rows.length, shown: rows.filter((r) => r.shown).length };
  }

  async function read(
    actor: Actor,
    waveId: string,
    level: Level,
    id: string | null,
  ): Promise<GroupReport> {
    const wave = await waves.findWave(db, waveId);
    if (!wave) throw new AppError('not_found', `There is no wave ${waveId}.`);
    if (wave.status !== 'closed')
      throw new AppError('conflict', 'Reports are available when the wave has closed.');
    const version = await waves.instrumentVersionById(db, wave.instrumentVersionId);
    const key = keyOf(level, id);
    const [own] = await repo.groupReports(db, waveId, [key]);
    if (!own) throw new AppError('not_found', 'This group was not in the wave.');
    const [parent] = own.parentKey ? await repo.groupReports(db, waveId, [own.parentKey]) : [];
    const [previous] = wave.previousWaveId
      ? await repo.groupReports(db, wave.previousWaveId, [key])
      : [];
    const children = await repo.childReports(db, waveId, key);
    const report = assembleReport({
      wave: { id: wave.id, name: wave.name, rules: wave.rules as DisclosureRules },
      instrument: version!.definition as Instrument,
      own,
      parent: parent ?? null,
      previous: previous ?? null,
      children,
    });
    await db.transaction((tx) =>
      audit.record(tx, actor, {
        action: 'read',
        recordType: 'survey_report',
        recordId: waveId,
        details: { group: key },
      }),
    );
    return report;
  }

  /**
   * Cronbach's alpha per scale on the wave's pooled answers (all teams), with alpha if an item
   * were deleted and corrected item–total correlations: for HR analysts judging the instrument.
   */
  async function reliability(actor: Actor, waveId: string): Promise<ScaleReliabilityReport[]> {
    const wave = await waves.findWave(db, waveId);
    if (!wave) throw new AppError('not_found', `There is no wave ${waveId}.`);
    if (wave.status !== 'closed')
      throw new AppError('conflict', 'Reliability is computed when the wave has closed.');
    const version = await waves.instrumentVersionById(db, wave.instrumentVersionId);
    const instrument = version!.definition as Instrument;
    const out: ScaleReliabilityReport[] = [];
    for (const scale of instrument.scales) {
      const keys = instrument.items.filter((i) => i.scaleKey === scale.key).map((i) => i.key);
      const stats = await repo.itemCrossProducts(db, waveId, keys);
      const index = new Map(keys.map((k, i) => [k, i]));
      const n = stats.find((s) => s.i === s.j)?.n ?? 0;
      const base = { scaleKey: scale.key, title: scale.title, items: keys, n };
      if (n < 2) {
        out.push({ ...base, alpha: null, reason: 'too_few_complete_cases', itemDiagnostics: [] });
        continue;
      }
      const sums = keys.map(() => 0);
      const cross = keys.map(() => keys.map(() => 0));
      for (const s of stats) {
        const i = index.get(s.i)!;
        const j = index.get(s.j)!;
        if (i === j) sums[i] = s.sum_i;
        cross[i]![j] = s.sum_ij;
      }
      const result = cronbachAlphaFromSums({ n, sums, crossProducts: cross });
      out.push({
        ...base,
        alpha: result.reason ? null : result.alpha,
        reason: result.reason,
        itemDiagnostics: result.items.map((d, i) => ({
          itemKey: keys[i]!,
          alphaIfDeleted: Number.isFinite(d.alphaIfDeleted) ? d.alphaIfDeleted : null,
          correctedItemTotal: Number.isFinite(d.correctedItemTotalCorrelation)
            ? d.correctedItemTotalCorrelation
            : null,
        })),
      });
    }
    await db.transaction((tx) =>
      audit.record(tx, actor, {
        action: 'read',
        recordType: 'survey_reliability',
        recordId: waveId,
      }),
    );
    return out;
  }

  return { compute, read, reliability };
}
export type ReportService = ReturnType<typeof createReportService>;
export type { StoredGroupData };
