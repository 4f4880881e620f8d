import type { InstrumentItem } from '@pvi/contracts';

/** The four kinds of transgressive behaviour asked about, each with its follow-up questions. */
export const kinds = [
  {
    key: 'intimidation',
    text: {
      nl: 'Heeft iemand je in de afgelopen 12 maanden in je werk bedreigd, onder druk gezet of bang gemaakt? (intimidatie)',
      en: 'In the past 12 months, has anyone threatened you, put pressure on you or frightened you at work? (intimidation)',
    },
    name: { nl: 'de intimidatie', en: 'the intimidation' },
  },
  {
    key: 'discrimination',
    text: {
      nl: 'Ben je in de afgelopen 12 maanden in je werk slechter behandeld vanwege je afkomst, huidskleur, geloof, gender, seksuele oriëntatie, leeftijd, een beperking of iets anders wat bij je hoort? (discriminatie)',
      en: 'In the past 12 months, have you been treated worse at work because of your origin, skin colour, religion, gender, sexual orientation, age, a disability or anything else that is part of who you are? (discrimination)',
    },
    name: { nl: 'de discriminatie', en: 'the discrimination' },
  },
  {
    key: 'sexual',
    text: {
      nl: 'Heb je in de afgelopen 12 maanden in je werk ongewenste seksuele opmerkingen, blikken, berichten of aanrakingen meegemaakt? (seksuele intimidatie)',
      en: 'In the past 12 months, have you experienced unwanted sexual remarks, looks, messages or touching at work? (sexual harassment)',
    },
    name: { nl: 'de seksuele intimidatie', en: 'the sexual harassment' },
  },
  {
    key: 'bullying',
    text: {
      nl: 'Ben je in de afgelopen 12 maanden in je werk steeds opnieuw buitengesloten, belachelijk gemaakt of gekleineerd? (pesten)',
      en: 'In the past 12 months, have you repeatedly been left out, ridiculed or belittled at work? (bullying)',
    },
    name: { nl: 'het pesten', en: 'the bullying' },
  },
] as const;

/** Per kind: experienced (yes/no), from whom, reported, and how the report was handled. */
export function transgressive(kind: (typeof kinds)[number]): InstrumentItem[] {
  const key = `transgressive_${kind.key}`;
  return [
    { key, text: kind.text, answerScale: 'yesno', indicator: 'transgressive_experienced' },
    {
      key: `${key}_from`,
      text: {
        nl: `Van wie kwam ${kind.name.nl}? Je kunt meer dan één antwoord kiezen.`,
        en: `Who did ${kind.name.en} come from? You can choose more than one answer.`,
      },
      answerScale: 'multi',
      options: [
        { value: 1, label: { nl: 'Een collega', en: 'A colleague' } },
        { value: 2, label: { nl: 'Een leidinggevende', en: 'A manager' } },
        { value: 3, label: { nl: 'Een burger', en: 'A member of the public' } },
        { value: 4, label: { nl: 'Iemand anders', en: 'Someone else' } },
      ],
      showIf: { itemKey: key, anyOf: [1] },
    },
    {
      key: `${key}_reported`,
      text: {
        nl: `Heb je ${kind.name.nl} gemeld? Bijvoorbeeld bij je leidinggevende, een vertrouwenspersoon of een meldpunt.`,
        en: `Did you report ${kind.name.en}? For example to your manager, a confidential adviser or a reporting point.`,
      },
      answerScale: 'yesno',
      indicator: 'transgressive_reported',
      showIf: { itemKey: key, anyOf: [1] },
    },
    {
      key: `${key}_handled`,
      text: {
        nl: `Mijn melding over ${kind.name.nl} is goed opgepakt.`,
        en: `My report about ${kind.name.en} was handled well.`,
      },
      answerScale: 'agree5',
      indicator: 'reporting_experience',
      showIf: { itemKey: `${key}_reported`, anyOf: [1] },
    },
  ];
}

/** The item keys of one kind: the yes/no question and its follow-ups. */
export function followUpKeys(kind: string): string[] {
  const key = `transgressive_${kind}`;
  return [key, `${key}_from`, `${key}_reported`, `${key}_handled`];
}
