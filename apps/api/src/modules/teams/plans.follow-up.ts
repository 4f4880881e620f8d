import type { PlanFollowUp } from '@pvi/contracts';
import { compareScaleMeans, type ScaleFigures } from './risks.rules.ts';

/** A scale's stored figures, unless its share was suppressed (too few answered it). */
export const shownScale = (s: ScaleFigures | undefined) =>
  s && s.favourable.kind !== 'suppressed' ? { ...s, favourable: s.favourable } : null;

const nl2 = (x: number) => x.toFixed(2).replace('.', ',');
const en2 = (x: number) => x.toFixed(2);

/** The change on one scale between the plan's wave and the next, and what may be said of it. */
export function compareScale(
  before: ReturnType<typeof shownScale>,
  after: ReturnType<typeof shownScale>,
  context: { hasNext: boolean; nextShown: boolean; beforeShown: boolean },
): {
  comparison: PlanFollowUp['measures'][number]['comparison'];
  explanation: { nl: string; en: string };
} {
  const none = (nl: string, en: string) => ({ comparison: null, explanation: { nl, en } });
  if (!context.hasNext)
    return none(
      'Er is nog geen volgende afgesloten meting van dit team met hetzelfde instrument.',
      'There is no later closed wave of this team with the same instrument yet.',
    );
  if (!context.beforeShown || !context.nextShown)
    return none(
      'Het team werd in een van beide metingen niet getoond (anonimiteitsdrempel): er is geen vergelijking.',
      'The team was not shown in one of the waves (anonymity threshold): there is no comparison.',
    );
  if (!before || !after)
    return none(
      'De schaal heeft in een van beide metingen geen cijfers.',
      'The scale has no figures in one of the waves.',
    );
  if (before.mean === null || before.sd === null || after.mean === null || after.sd === null)
    return none(
      'Een van beide uitkomsten is afgerond om het team te beschermen: de gemiddelden worden niet vergeleken.',
      'One of the results is banded to protect the team: the means are not compared.',
    );
  const c = compareScaleMeans(
    { n: after.n, mean: after.mean, sd: after.sd },
    { n: before.n, mean: before.mean, sd: before.sd },
    { minN: 10, alpha: 0.05 },
  );
  const difference = c.difference;
  const favourableDifference =
    before.favourable.kind === 'exact' && after.favourable.kind === 'exact'
      ? after.favourable.value - before.favourable.value
      : null;
  const moved = difference >= 0 ? ['steeg', 'rose'] : ['daalde', 'fell'];
  const head = {
    nl: `Het gemiddelde ${moved[0]} van ${nl2(before.mean)} naar ${nl2(after.mean)} (${difference >= 0 ? '+' : ''}${nl2(difference)}).`,
    en: `The mean ${moved[1]} from ${en2(before.mean)} to ${en2(after.mean)} (${difference >= 0 ? '+' : ''}${en2(difference)}).`,
  };
  const p = c.p;
  const sign = (x: number) => (x >= 0 ? '+' : '');
  const range = c.interval
    ? {
        nl: ` 95%-betrouwbaarheidsinterval van het verschil: ${sign(c.interval.lower)}${nl2(c.interval.lower)} tot ${sign(c.interval.upper)}${nl2(c.interval.upper)}.`,
        en: ` 95% confidence interval of the difference: ${sign(c.interval.lower)}${en2(c.interval.lower)} to ${sign(c.interval.upper)}${en2(c.interval.upper)}.`,
      }
    : { nl: '', en: '' };
  const tail =
    c.significant === null
      ? c.reason === 'zero_variance'
        ? {
            nl: 'Niemand verschilde van de anderen in beide metingen: er valt niets te toetsen.',
            en: 'Nobody differed from the others in either wave: there is nothing to test.',
          }
        : {
            nl: 'Met minder dan 10 respondenten in een van beide metingen doen we geen uitspraak over significantie.',
            en: 'With fewer than 10 respondents in one of the waves no claim about significance is made.',
          }
      : c.significant
        ? {
            nl: `Het verschil is significant (Welch-toets, p = ${p!.toFixed(3).replace('.', ',')}).`,
            en: `The difference is significant (Welch’s test, p = ${p!.toFixed(3)}).`,
          }
        : {
            nl: `Het verschil is niet significant (Welch-toets, p = ${p!.toFixed(3).replace('.', ',')}): het kan toeval zijn.`,
            en: `The difference is not significant (Welch’s test, p = ${p!.toFixed(3)}): it may be chance.`,
          };
  return {
    comparison: {
      difference,
      interval: c.interval,
      favourableDifference,
      significant: c.significant,
      p,
    },
    explanation: {
      nl: `${head.nl} ${tail.nl}${range.nl}`,
      en: `${head.en} ${tail.en}${range.en}`,
    },
  };
}
