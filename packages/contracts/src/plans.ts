import { z } from 'zod';
import { isoDate, isoDateTime, uuid } from './common.ts';
import { shownShare } from './survey.ts';

/**
 * Pillar 1 after the report: risk flags from a closed wave's stored group reports, the team's plan
 * of approach ("plan van aanpak") with its measures and history, the leadership overview, the
 * monthly HR indicators and the "needs attention" view. See docs/team-monitor.md.
 */

const text = z.object({ nl: z.string(), en: z.string() });

// ------------------------------------------------------------------ risk flags

export const riskRules = [
  'low_favourable',
  'significant_drop',
  'transgressive_experienced',
  'low_response',
] as const;
export const riskRule = z.enum(riskRules);
export type RiskRule = z.infer<typeof riskRule>;

export const riskThresholds = z
  .object({
    /** A scale's favourable share below this is flagged. */
    lowFavourableShare: z.number(),
    /** A drop against the previous wave is flagged when Welch's test gives p below this. */
    dropSignificance: z.number(),
    /** Both waves need at least this many respondents on the scale for a significance claim. */
    minRespondentsForComparison: z.number().int(),
    /** A transgressive-behaviour item's share of "yes" above this is flagged. */
    transgressiveShare: z.number(),
    /** Item distributions (and so this rule) exist only for teams with this many respondents. */
    minRespondentsForItems: z.number().int(),
    /** A response rate below this is flagged. */
    lowResponseRate: z.number(),
  })
  .meta({ id: 'RiskThresholds' });
export type RiskThresholds = z.infer<typeof riskThresholds>;

export const riskFlag = z
  .object({
    /** Stable code a plan can choose, e.g. `low_favourable:social_safety`. */
    code: z.string(),
    rule: riskRule,
    scaleKey: z.string().nullable(),
    itemKey: z.string().nullable(),
    /** The scale's title or the item's text. */
    subject: text.nullable(),
    /** The figure the rule looked at (a share or rate as 0–1, or a difference of means). */
    value: z.number(),
    threshold: z.number(),
    /** Why, in plain words: the rule, the threshold and the figure. */
    explanation: text,
  })
  .meta({ id: 'RiskFlag' });
export type RiskFlag = z.infer<typeof riskFlag>;

export const riskNotEvaluated = z.object({ rule: riskRule, reason: text });
export type RiskNotEvaluated = z.infer<typeof riskNotEvaluated>;

const waveRef = z.object({
  id: uuid,
  name: z.string(),
  instrumentKey: z.string(),
  closedAt: isoDateTime.nullable(),
});

export const teamRisks = z
  .object({
    team: z.object({ id: uuid, name: z.string() }),
    /** The closed wave the flags come from; null when the team has been in no closed wave. */
    wave: waveRef.nullable(),
    previousWave: waveRef.nullable(),
    /** Whether the team's figures passed disclosure control in that wave (no flags otherwise). */
    shown: z.boolean().nullable(),
    reasons: z.array(z.string()),
    thresholds: riskThresholds,
    flags: z.array(riskFlag),
    /** Rules that could not be applied, and why (for example: too few respondents for items). */
    notEvaluated: z.array(riskNotEvaluated),
  })
  .meta({ id: 'TeamRisks' });
export type TeamRisks = z.infer<typeof teamRisks>;

export const teamRisksQuery = z.object({
  /** A closed wave; the team's latest closed wave when absent. */
  waveId: uuid.optional(),
});

// ------------------------------------------------------------------ plans

export const measureStatus = z.enum(['planned', 'in_progress', 'done', 'stopped']);
export type MeasureStatus = z.infer<typeof measureStatus>;

export const planRisk = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('flag'), code: z.string().min(1).max(200) }),
    z.object({ kind: z.literal('theme'), text: z.string().trim().min(3).max(300) }),
  ])
  .meta({ id: 'PlanRisk' });
export type PlanRisk = z.infer<typeof planRisk>;

const measureFields = {
  title: z.string().trim().min(3).max(200),
  /** A name or a role, as free text. */
  owner: z.string().trim().min(1).max(200),
  dueOn: isoDate.nullable(),
  status: measureStatus,
  progress: z.number().int().min(0).max(100).nullable(),
  progressNote: z.string().trim().max(2000).nullable(),
  /** A scale of the plan's wave's instrument the measure aims at; the follow-up compares it. */
  scaleKey: z.string().max(80).nullable(),
};

export const measureInput = z
  .object({
    title: measureFields.title,
    owner: measureFields.owner,
    dueOn: measureFields.dueOn.optional(),
    status: measureFields.status.optional(),
    progress: measureFields.progress.optional(),
    progressNote: measureFields.progressNote.optional(),
    scaleKey: measureFields.scaleKey.optional(),
  })
  .meta({ id: 'NewPlanMeasure' });
export type MeasureInput = z.infer<typeof measureInput>;

export const measureUpdate = z
  .object({
    title: measureFields.title.optional(),
    owner: measureFields.owner.optional(),
    dueOn: measureFields.dueOn.optional(),
    status: measureFields.status.optional(),
    progress: measureFields.progress.optional(),
    progressNote: measureFields.progressNote.optional(),
    scaleKey: measureFields.scaleKey.optional(),
    /** The plan's version you read; a 409 answers when it has changed since. */
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'PlanMeasureUpdate' });
export type MeasureUpdate = z.infer<typeof measureUpdate>;

export const createPlanBody = z
  .object({
    waveId: uuid,
    risks: z.array(planRisk).min(1).max(30),
    conversationOn: isoDate.nullable().optional(),
    summary: z.string().trim().max(4000).nullable().optional(),
    measures: z.array(measureInput).max(50).optional(),
  })
  .meta({ id: 'CreatePlan' });
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .object({
    risks: z.array(planRisk).min(1).max(30).optional(),
    conversationOn: isoDate.nullable().optional(),
    summary: z.string().trim().max(4000).nullable().optional(),
    /** The plan's version you read; a 409 answers when it has changed since. */
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'UpdatePlan' });
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const planMeasure = z
  .object({
    id: uuid,
    position: z.number().int(),
    title: z.string(),
    owner: z.string(),
    dueOn: isoDate.nullable(),
    status: measureStatus,
    progress: z.number().int().nullable(),
    progressNote: z.string().nullable(),
    scaleKey: z.string().nullable(),
    /** Due date passed and neither done nor stopped. */
    overdue: z.boolean(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'PlanMeasure' });
export type PlanMeasure = z.infer<typeof planMeasure>;

export const teamPlan = z
  .object({
    id: uuid,
    teamId: uuid,
    teamName: z.string(),
    wave: waveRef,
    risks: z.array(planRisk),
    conversationOn: isoDate.nullable(),
    summary: z.string().nullable(),
    version: z.number().int(),
    measures: z.array(planMeasure),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'TeamPlan' });
export type TeamPlan = z.infer<typeof teamPlan>;

export const teamPlanSummary = z
  .object({
    id: uuid,
    wave: waveRef,
    conversationOn: isoDate.nullable(),
    version: z.number().int(),
    measures: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'TeamPlanSummary' });
export type TeamPlanSummary = z.infer<typeof teamPlanSummary>;

export const planEvent = z
  .object({
    id: uuid,
    version: z.number().int(),
    action: z.enum(['plan_created', 'plan_updated', 'measure_added', 'measure_updated']),
    measureId: uuid.nullable(),
    /** For a creation the new record; for an update `{ field: [before, after] }`. */
    changes: z.record(z.string(), z.unknown()),
    by: z.object({ role: z.string().nullable(), name: z.string().nullable() }),
    at: isoDateTime,
  })
  .meta({ id: 'PlanEvent' });
export type PlanEvent = z.infer<typeof planEvent>;

export const planParams = z.object({ teamId: uuid, planId: uuid });
export const measureParams = planParams.extend({ measureId: uuid });
export const planTeamParams = z.object({ teamId: uuid });

// ------------------------------------------------------------------ follow-up

const scaleFigure = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  favourable: shownShare,
  interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
});

export const planFollowUp = z
  .object({
    planId: uuid,
    wave: waveRef,
    /** The team's next closed wave of the same instrument; null while there is none. */
    nextWave: waveRef.nullable(),
    /** Whether the team passed disclosure control in the next wave. */
    nextShown: z.boolean().nullable(),
    measures: z.array(
      z.object({
        measureId: uuid,
        title: z.string(),
        scaleKey: z.string(),
        scaleTitle: text.nullable(),
        before: scaleFigure.nullable(),
        after: scaleFigure.nullable(),
        comparison: z
          .object({
            /** Mean after minus mean before. */
            difference: z.number(),
            /** 95 % confidence interval of that difference (Welch); null when no test is made. */
            interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
            /** Favourable share after minus before (both exact), else null. */
            favourableDifference: z.number().nullable(),
            /** Welch's t-test; null when either wave has fewer than 10 respondents on the scale. */
            significant: z.boolean().nullable(),
            p: z.number().nullable(),
          })
          .nullable(),
        explanation: text,
      }),
    ),
  })
  .meta({ id: 'PlanFollowUp' });
export type PlanFollowUp = z.infer<typeof planFollowUp>;

// ------------------------------------------------------------------ leadership overview

export const planOverview = z
  .object({
    scope: z.object({
      level: z.enum(['national', 'unit', 'district']),
      id: uuid.nullable(),
      name: z.string(),
    }),
    today: isoDate,
    summary: z.object({
      teams: z.number().int(),
      /** Teams that were in a closed wave. */
      surveyed: z.number().int(),
      withPlan: z.number().int(),
      withoutPlan: z.number().int(),
      flagged: z.number().int(),
      overdueMeasures: z.number().int(),
    }),
    teams: z.array(
      z.object({
        teamId: uuid,
        teamCode: z.string(),
        teamName: z.string(),
        districtName: z.string().nullable(),
        /** The team's latest closed wave. */
        wave: waveRef.nullable(),
        shown: z.boolean().nullable(),
        plan: z
          .object({
            id: uuid,
            conversationOn: isoDate.nullable(),
            measures: z.number().int(),
            done: z.number().int(),
            overdue: z.number().int(),
          })
          .nullable(),
        flags: z.array(riskFlag),
      }),
    ),
    overdue: z.array(
      z.object({
        teamId: uuid,
        teamName: z.string(),
        planId: uuid,
        waveName: z.string(),
        measureId: uuid,
        title: z.string(),
        owner: z.string(),
        dueOn: isoDate,
        status: measureStatus,
        daysOverdue: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PlanOverview' });
export type PlanOverview = z.infer<typeof planOverview>;

export const attentionUnitParams = z.object({ unitId: uuid });
export const attentionDistrictParams = z.object({ districtId: uuid });

// ------------------------------------------------------------------ HR indicators

export const hrIndicatorKeys = [
  'absenteeismPct',
  'absenceFrequency',
  'turnoverPct',
  'overtimeHours',
  'vacancies',
  'integrityReports',
] as const;
export type HrIndicatorKey = (typeof hrIndicatorKeys)[number];

/** The CSV file itself, sent as `text/csv` (UTF-8, header row first). */
export const hrImportBody = z
  .string()
  .min(1, 'Send the CSV file as the request body.')
  .describe(
    'CSV, UTF-8, header row: team_code,month,absenteeism_pct,absence_frequency,turnover_pct,overtime_hours,vacancies,integrity_reports; at most 10 MB',
  );

export const hrImportResult = z
  .object({
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    teams: z.number().int(),
    /** The first and last month in the file, `YYYY-MM`. */
    firstMonth: z.string(),
    lastMonth: z.string(),
    sha256: z.string(),
  })
  .meta({ id: 'HrImportResult' });
export type HrImportResult = z.infer<typeof hrImportResult>;

// ------------------------------------------------------------------ needs attention

export const attentionSource = z.enum(['hr', 'monitor']);

export const attentionComponent = z
  .object({
    key: z.string(),
    source: attentionSource,
    label: text,
    /** Null when the component could not be evaluated (see `note`). */
    value: z.number().nullable(),
    /** At or beyond the threshold the component starts to count… */
    threshold: z.number(),
    /** …and at `full` and beyond it counts its whole weight (linear in between). */
    full: z.number(),
    weight: z.number(),
    contribution: z.number(),
    note: text.nullable(),
  })
  .meta({ id: 'AttentionComponent' });
export type AttentionComponent = z.infer<typeof attentionComponent>;

const hrMonth = z.object({
  month: z.string(),
  /** False when the team had fewer members than the smallest group shown: no figures. */
  shown: z.boolean(),
  values: z.record(z.string(), z.number().nullable()).nullable(),
});

export const attentionList = z
  .object({
    scope: z.object({ level: z.enum(['unit', 'district']), id: uuid, name: z.string() }),
    /** The latest month with HR indicators in the scope; the score uses it and the two before. */
    referenceMonth: z.string().nullable(),
    minGroupSize: z.number().int(),
    items: z.array(
      z.object({
        teamId: uuid,
        teamCode: z.string(),
        teamName: z.string(),
        /** Sum of the contributions. */
        score: z.number(),
        /** Sum of the weights of the components that could be evaluated. */
        maxScore: z.number(),
        components: z.array(attentionComponent),
        trends: z.object({
          hr: z.array(hrMonth),
          scales: z.array(
            z.object({
              waveId: uuid,
              waveName: z.string(),
              closedAt: isoDateTime.nullable(),
              shown: z.boolean(),
              scales: z.record(z.string(), shownShare).nullable(),
            }),
          ),
        }),
      }),
    ),
  })
  .meta({ id: 'AttentionList' });
export type AttentionList = z.infer<typeof attentionList>;
