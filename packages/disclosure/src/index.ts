/**
 * Statistical disclosure control. Every figure about people passes through this package before
 * it is shown or exported; the rules themselves arrive with the pillars that publish figures.
 */
export interface DisclosureRules {
  /** The smallest number of respondents (and of invited people) a shown group may have. */
  minGroupSize: number;
  /** The smallest group whose open answers may be shown. */
  minOpenAnswerGroupSize: number;
}

export const defaultDisclosureRules: DisclosureRules = {
  minGroupSize: 5,
  minOpenAnswerGroupSize: 10,
};
