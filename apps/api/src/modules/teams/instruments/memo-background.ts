import type { InstrumentItem } from '@pvi/contracts';

const preferNotToSay = { nl: 'Zeg ik liever niet', en: 'I prefer not to say' };

/** Optional background questions; reported only at unit level and above. */
export const memoBackground: InstrumentItem[] = [
  {
    key: 'bg_age_band',
    text: { nl: 'Hoe oud ben je?', en: 'How old are you?' },
    answerScale: 'choice',
    background: 'age_band',
    options: [
      { value: 1, label: { nl: 'Jonger dan 25 jaar', en: 'Under 25' } },
      { value: 2, label: { nl: '25 tot 35 jaar', en: '25 to 34' } },
      { value: 3, label: { nl: '35 tot 45 jaar', en: '35 to 44' } },
      { value: 4, label: { nl: '45 tot 55 jaar', en: '45 to 54' } },
      { value: 5, label: { nl: '55 jaar of ouder', en: '55 or older' } },
      { value: 6, label: preferNotToSay },
    ],
  },
  {
    key: 'bg_gender',
    text: { nl: 'Wat is je gender?', en: 'What is your gender?' },
    answerScale: 'choice',
    background: 'gender',
    options: [
      { value: 1, label: { nl: 'Man', en: 'Man' } },
      { value: 2, label: { nl: 'Vrouw', en: 'Woman' } },
      { value: 3, label: { nl: 'Anders', en: 'Other' } },
      { value: 4, label: preferNotToSay },
    ],
  },
  {
    key: 'bg_service_years',
    text: {
      nl: 'Hoe lang werk je bij de politie?',
      en: 'How long have you worked for the police?',
    },
    answerScale: 'choice',
    background: 'years_of_service',
    options: [
      { value: 1, label: { nl: 'Korter dan 2 jaar', en: 'Less than 2 years' } },
      { value: 2, label: { nl: '2 tot 5 jaar', en: '2 to 5 years' } },
      { value: 3, label: { nl: '5 tot 10 jaar', en: '5 to 10 years' } },
      { value: 4, label: { nl: '10 tot 20 jaar', en: '10 to 20 years' } },
      { value: 5, label: { nl: '20 jaar of langer', en: '20 years or more' } },
      { value: 6, label: preferNotToSay },
    ],
  },
  {
    key: 'bg_origin',
    text: {
      nl: 'Waar zijn jij en je ouders geboren? Kies wat het best bij je past. We vragen dit om te zien of iedereen zich bij de politie even veilig en welkom voelt.',
      en: 'Where were you and your parents born? Choose what fits you best. We ask this to see whether everyone feels equally safe and welcome in the police.',
    },
    answerScale: 'choice',
    background: 'origin',
    options: [
      {
        value: 1,
        label: {
          nl: 'Ik en mijn beide ouders zijn in Nederland geboren',
          en: 'I and both my parents were born in the Netherlands',
        },
      },
      {
        value: 2,
        label: {
          nl: 'Ik of minstens één van mijn ouders is geboren in een ander land in Europa',
          en: 'I or at least one of my parents was born in another country in Europe',
        },
      },
      {
        value: 3,
        label: {
          nl: 'Ik of minstens één van mijn ouders is geboren in een land buiten Europa',
          en: 'I or at least one of my parents was born in a country outside Europe',
        },
      },
      { value: 4, label: preferNotToSay },
    ],
  },
];
