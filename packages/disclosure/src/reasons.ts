import type { DisclosureRules } from './rules.ts';

/** Why a group is hidden. Stored with the plan; `explainSuppression` turns them into sentences. */
export type SuppressionReason =
  /** Fewer than k people answered. */
  | 'below_k_respondents'
  /** Fewer than k people were invited. */
  | 'below_k_invited'
  /** A background view (age, gender, …) below unit level. */
  | 'background_below_unit'
  /** A view of, or a comparison with, a group that is itself hidden. */
  | 'base_hidden'
  /** The previous wave's own plan hid this group. */
  | 'hidden_in_own_wave'
  /** Hidden so that hidden groups cannot be recovered by subtracting shown ones. */
  | 'complementary'
  /** Next to a larger shown group that contains it, the difference would be fewer than k people. */
  | 'overlap';

export const suppressionReasons: readonly SuppressionReason[] = [
  'below_k_respondents',
  'below_k_invited',
  'background_below_unit',
  'base_hidden',
  'hidden_in_own_wave',
  'complementary',
  'overlap',
];

export type Locale = 'nl' | 'en';

const sentences: Record<SuppressionReason, Record<Locale, (k: number) => string>> = {
  below_k_respondents: {
    nl: (k) => `Minder dan ${k} mensen hebben de vragenlijst ingevuld.`,
    en: (k) => `Fewer than ${k} people answered.`,
  },
  below_k_invited: {
    nl: (k) => `Minder dan ${k} mensen zijn uitgenodigd.`,
    en: (k) => `Fewer than ${k} people were invited.`,
  },
  background_below_unit: {
    nl: () => 'Uitsplitsingen naar achtergrond zijn er alleen voor eenheden en het hele land.',
    en: () => 'Breakdowns by background are only reported for units and the whole country.',
  },
  base_hidden: {
    nl: () => 'De groep waar dit bij hoort, of waarmee het vergeleken wordt, wordt niet getoond.',
    en: () => 'The group this belongs to, or is compared with, is not shown.',
  },
  hidden_in_own_wave: {
    nl: () => 'Deze groep werd in het rapport van de eigen meting ook niet getoond.',
    en: () => 'This group was not shown in the report of its own wave either.',
  },
  complementary: {
    nl: (k) =>
      `Verborgen zodat de cijfers van een kleinere groep (minder dan ${k} mensen) niet uit de getoonde cijfers kunnen worden afgeleid.`,
    en: (k) =>
      `Hidden so that the figures of a smaller group (fewer than ${k} people) cannot be worked out from the figures shown.`,
  },
  overlap: {
    nl: (k) =>
      `Naast een grotere groep waar deze groep in zit, zou het verschil iets zeggen over minder dan ${k} mensen.`,
    en: (k) =>
      `Next to a larger group that contains it, the difference would describe fewer than ${k} people.`,
  },
};

/** One sentence per reason, in the order given, for the report's "why is this hidden" text. */
export function explainSuppression(
  reasons: readonly SuppressionReason[],
  rules: Pick<DisclosureRules, 'minGroupSize'>,
  locale: Locale = 'nl',
): string {
  return reasons.map((r) => sentences[r][locale](rules.minGroupSize)).join(' ');
}
