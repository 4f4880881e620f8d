import type { Instrument, PlanRisk } from '@pvi/contracts';
import type { InvalidParam } from '../../errors.ts';
import type { TeamAssessment } from './risks.service.ts';

/** The checks of a plan of approach's input (plans.service.ts), apart from the database. */

/** Problems with the chosen risks: twice the same, or a flag the team does not have in the wave. */
export function checkRisks(chosen: PlanRisk[], assessment: TeamAssessment, keep: PlanRisk[] = []) {
  const flags = new Set(assessment.result.flags.map((f) => f.code));
  const kept = new Set(keep.map((r) => JSON.stringify(r)));
  const seen = new Set<string>();
  const problems: InvalidParam[] = [];
  chosen.forEach((risk, i) => {
    const id = JSON.stringify(risk);
    if (seen.has(id))
      problems.push({
        name: `risks.${i}`,
        code: 'duplicate',
        reason: 'This risk is chosen twice.',
      });
    seen.add(id);
    if (risk.kind === 'flag' && !flags.has(risk.code) && !kept.has(id))
      problems.push({
        name: `risks.${i}.code`,
        code: 'unknown_flag',
        reason: `${risk.code} is not a flag of this team in this wave; choose one of its flags or name a theme.`,
      });
  });
  return problems;
}

/** A problem when the scale is not one of the wave's instrument. */
export function checkScale(
  scaleKey: string | null | undefined,
  instrument: Instrument | null,
  name: string,
): InvalidParam[] {
  if (!scaleKey) return [];
  if (instrument?.scales.some((s) => s.key === scaleKey)) return [];
  return [
    {
      name,
      code: 'unknown_scale',
      reason: `${scaleKey} is not a scale of the wave’s instrument (${instrument?.scales.map((s) => s.key).join(', ') ?? 'none'}).`,
    },
  ];
}
