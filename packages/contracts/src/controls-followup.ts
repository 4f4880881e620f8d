import { z } from 'zod';
import { isoDate, isoDateTime, uuid } from './common.ts';
import { analysisExclusion, analysisShare } from './controls-analysis.ts';

/**
 * Pillar 4 after the figures: reflection on the team's controls (Blauw Vakmanschap) and the
 * training and outreach coverage per team and year. See docs/controls-followup.md.
 */

export const outreachActivityKinds = ['vr_session', 'dialogue'] as const;
export type OutreachActivityKind = (typeof outreachActivityKinds)[number];

const actionText = z.string().trim().min(3).max(500);
const notes = z.string().trim().max(4000);

// ------------------------------------------------------------------ reflection

export const followUpTeamParams = z.object({ teamId: uuid });
export const reflectionSessionParams = z.object({ teamId: uuid, sessionId: uuid });

export const reflectionFiguresQuery = z.object({
  from: isoDate.optional().describe('First day (inclusive); default a year before `to`'),
  to: isoDate.optional().describe('Last day (inclusive); default today'),
});
export type ReflectionFiguresQuery = z.infer<typeof reflectionFiguresQuery>;

const rate = z.object({ key: z.string(), label: z.string(), hitRate: analysisShare });

/** The team's figures for a reflection session: aggregates only, no officer is ever named. */
export const reflectionFigures = z
  .object({
    team: z.object({ id: uuid, name: z.string() }),
    from: isoDate,
    to: isoDate,
    minCellSize: z.number().int(),
    controls: z.number().int(),
    legalBasis: analysisShare,
    reasonText: analysisShare,
    explained: analysisShare,
    hitRate: analysisShare,
    bySelectionReason: z.array(rate),
    byLegalBasis: z.array(rate),
    exclusions: z.array(analysisExclusion),
  })
  .meta({ id: 'ReflectionFigures' });
export type ReflectionFigures = z.infer<typeof reflectionFigures>;

export const reflectionSessionInput = z.object({
  heldOn: isoDate.describe('The day of the session; not in the future'),
  participants: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .describe('Team members who took part; at most the team size'),
  agreedActions: z.array(actionText).min(1).max(20),
  notes: notes.nullable().optional(),
  periodFrom: isoDate.describe('First day of the figures discussed'),
  periodTo: isoDate.describe('Last day of the figures discussed; not after the session'),
});
export type ReflectionSessionInput = z.infer<typeof reflectionSessionInput>;

export const reflectionSessionUpdate = reflectionSessionInput.partial().extend({
  version: z
    .number()
    .int()
    .optional()
    .describe('The version read; a different current version answers 409'),
});
export type ReflectionSessionUpdate = z.infer<typeof reflectionSessionUpdate>;

export const reflectionSession = z
  .object({
    id: uuid,
    teamId: uuid,
    heldOn: isoDate,
    participants: z.number().int(),
    agreedActions: z.array(z.string()),
    notes: z.string().nullable(),
    periodFrom: isoDate,
    periodTo: isoDate,
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ReflectionSession' });
export type ReflectionSession = z.infer<typeof reflectionSession>;

/** One change to a reflection session, a training year or an outreach activity. */
export const followUpEvent = z
  .object({
    id: uuid,
    subjectType: z.enum(['reflection_session', 'training_year', 'outreach_activity']),
    subjectId: uuid,
    action: z.enum(['created', 'updated', 'removed']),
    version: z.number().int(),
    changes: z.record(z.string(), z.unknown()),
    by: z.object({ role: z.string().nullable(), name: z.string().nullable() }),
    at: isoDateTime,
  })
  .meta({ id: 'FollowUpEvent' });
export type FollowUpEvent = z.infer<typeof followUpEvent>;

// ------------------------------------------------------------------ training and outreach

export const trainingYearParams = z.object({
  teamId: uuid,
  year: z.coerce.number().int().min(2000).max(2100),
});

export const trainingYearUpdate = z.object({
  ambassadorPersonIds: z
    .array(uuid)
    .max(20)
    .optional()
    .describe('The ambassadors for the year: people of the team in that year (replaces the list)'),
  ibtParticipants: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .nullable()
    .optional()
    .describe('Team members who took part in the IBT this year; at most the team size'),
  version: z.number().int().optional(),
});
export type TrainingYearUpdate = z.infer<typeof trainingYearUpdate>;

export const outreachActivityParams = z.object({ teamId: uuid, activityId: uuid });

export const outreachActivityInput = z.object({
  kind: z.enum(outreachActivityKinds),
  heldOn: isoDate.describe('Not in the future'),
  participants: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .describe('VR session: team members (at most the team size); dialogue: everyone present'),
  description: z.string().trim().max(1000).nullable().optional(),
});
export type OutreachActivityInput = z.infer<typeof outreachActivityInput>;

export const outreachActivityUpdate = outreachActivityInput
  .omit({ kind: true })
  .partial()
  .extend({ version: z.number().int().optional() });
export type OutreachActivityUpdate = z.infer<typeof outreachActivityUpdate>;

export const outreachActivity = z
  .object({
    id: uuid,
    teamId: uuid,
    kind: z.enum(outreachActivityKinds),
    heldOn: isoDate,
    participants: z.number().int(),
    description: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'OutreachActivity' });
export type OutreachActivity = z.infer<typeof outreachActivity>;

export const coverageStatuses = ['met', 'not_met', 'not_recorded', 'not_applicable'] as const;
export type CoverageStatus = (typeof coverageStatuses)[number];
const status = z.enum(coverageStatuses);

/** The norms the coverage is measured against (docs/controls-followup.md). */
export const coverageNorms = z
  .object({
    ambassadorsPerBaseTeam: z.number().int(),
    ibtShare: z.number(),
    dialoguesPerTeam: z.number().int(),
  })
  .meta({ id: 'CoverageNorms' });
export type CoverageNorms = z.infer<typeof coverageNorms>;

/** One team against each norm in one year, with the figures. */
export const teamCoverage = z
  .object({
    teamId: uuid,
    teamCode: z.string(),
    teamName: z.string(),
    teamKind: z.string(),
    districtId: uuid.nullable(),
    districtName: z.string().nullable(),
    teamSize: z.number().int().describe('People in the team at some time in the year'),
    ambassadors: z.object({ count: z.number().int(), status }),
    ibt: z.object({
      participants: z.number().int().nullable(),
      share: z.number().nullable(),
      status,
    }),
    vrSessions: z.object({ sessions: z.number().int(), participants: z.number().int() }),
    dialogue: z.object({
      meetings: z.number().int(),
      participants: z.number().int(),
      status,
    }),
    normsApplicable: z.number().int(),
    normsMet: z.number().int(),
  })
  .meta({ id: 'TeamCoverage' });
export type TeamCoverage = z.infer<typeof teamCoverage>;

const normTotal = z.object({
  applicable: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  notRecorded: z.number().int(),
});

export const coverageTotals = z
  .object({
    teams: z.number().int(),
    teamsMeetingAll: z.number().int(),
    ambassadors: normTotal.extend({ count: z.number().int() }),
    ibt: normTotal.extend({
      participants: z.number().int(),
      teamSize: z.number().int().describe('Summed over teams with IBT recorded'),
      share: z.number().nullable(),
    }),
    vrSessions: z.object({ sessions: z.number().int(), participants: z.number().int() }),
    dialogue: normTotal.extend({ meetings: z.number().int() }),
  })
  .meta({ id: 'CoverageTotals' });
export type CoverageTotals = z.infer<typeof coverageTotals>;

export const coverageQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Default: this year'),
});
export const coverageUnitParams = z.object({ unitId: uuid });
export const coverageDistrictParams = z.object({ districtId: uuid });

export const coverageOverview = z
  .object({
    scope: z.object({ level: z.enum(['unit', 'district']), id: uuid, name: z.string() }),
    year: z.number().int(),
    norms: coverageNorms,
    totals: coverageTotals,
    districts: z.array(
      z.object({
        districtId: uuid.nullable(),
        districtName: z.string().nullable(),
        totals: coverageTotals,
      }),
    ),
    teams: z.array(teamCoverage),
  })
  .meta({ id: 'CoverageOverview' });
export type CoverageOverview = z.infer<typeof coverageOverview>;

/** A team's training and outreach in one year, with its standing against the norms. */
export const teamOutreachYear = z
  .object({
    team: z.object({ id: uuid, name: z.string(), kind: z.string() }),
    year: z.number().int(),
    norms: coverageNorms,
    version: z.number().int().nullable().describe('Null while nothing is recorded for the year'),
    ambassadors: z.array(z.object({ personId: uuid, name: z.string() })),
    ibtParticipants: z.number().int().nullable(),
    activities: z.array(outreachActivity),
    coverage: teamCoverage,
  })
  .meta({ id: 'TeamOutreachYear' });
export type TeamOutreachYear = z.infer<typeof teamOutreachYear>;
