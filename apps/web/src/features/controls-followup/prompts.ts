import type { AnalysisShare, ReflectionFigures } from '@pvi/contracts';

/** The themes of the handelingskader proactief controleren, in the order of a conversation. */
export const PROMPT_THEMES = [
  'lawful',
  'neutral',
  'explanation',
  'treatment',
  'reflection',
] as const;
export type PromptTheme = (typeof PROMPT_THEMES)[number];

/** Conversation prompts per theme (keys under `followUp.prompts.<theme>`). */
export const PROMPTS: Record<PromptTheme, readonly string[]> = {
  lawful: ['q1', 'q2'],
  neutral: ['q1', 'q2', 'q3'],
  explanation: ['q1', 'q2'],
  treatment: ['q1', 'q2'],
  reflection: ['q1', 'q2'],
};

/** Below these shares the figures point the conversation at a theme. */
export const ATTENTION = { legalBasis: 0.95, reasonText: 0.9, explained: 0.9 } as const;

/** Why a theme deserves attention in this conversation: a message key and its values. */
export interface PromptReason {
  key: string;
  values: Record<string, string | number>;
}

export interface ThemePrompts {
  theme: PromptTheme;
  questions: readonly string[];
  reasons: PromptReason[];
}

const below = (share: AnalysisShare, threshold: number) =>
  share.share !== null && share.share.estimate < threshold;

/**
 * The prompts for a team's conversation, each theme with the reasons its figures give to start
 * there: a low share of controls with a legal basis, a reason text or an explanation, or a
 * selection reason whose hit rate lies clearly below the team's own (its whole 95 % interval
 * under the team's rate). Suppressed figures give no reason; themes without a figure (treatment,
 * reflection) are always asked, never pointed at.
 */
export function promptsFor(figures: ReflectionFigures | null): ThemePrompts[] {
  const reasons: Record<PromptTheme, PromptReason[]> = {
    lawful: [],
    neutral: [],
    explanation: [],
    treatment: [],
    reflection: [],
  };
  if (figures && figures.controls > 0) {
    if (below(figures.legalBasis, ATTENTION.legalBasis))
      reasons.lawful.push({
        key: 'lowLegalBasis',
        values: { share: figures.legalBasis.share!.estimate },
      });
    if (below(figures.reasonText, ATTENTION.reasonText))
      reasons.neutral.push({
        key: 'lowReasonText',
        values: { share: figures.reasonText.share!.estimate },
      });
    const overall = figures.hitRate.share?.estimate;
    if (overall !== undefined)
      for (const r of figures.bySelectionReason)
        if (r.hitRate.share && r.hitRate.share.upper < overall)
          reasons.neutral.push({
            key: 'lowHitRate',
            values: { reason: r.key, share: r.hitRate.share.estimate, overall },
          });
    if (below(figures.explained, ATTENTION.explained))
      reasons.explanation.push({
        key: 'lowExplained',
        values: { share: figures.explained.share!.estimate },
      });
  }
  return PROMPT_THEMES.map((theme) => ({
    theme,
    questions: PROMPTS[theme],
    reasons: reasons[theme],
  }));
}
