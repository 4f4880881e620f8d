import type { Instrument, InstrumentItem } from '@pvi/contracts';

/**
 * MEMO, the employee monitor (version 1). Seven scales on a 5-point agreement scale, experienced
 * transgressive behaviour in the last 12 months with follow-up questions per kind, two open
 * questions and four optional background questions. The wording is our own; docs/instruments.md
 * gives the construct and literature of every scale. Never edit a version a wave has used: give
 * changed text a new version number.
 */

/** The four kinds of transgressive behaviour asked about, each with its follow-up questions. */
const kinds = [
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
function transgressive(kind: (typeof kinds)[number]): InstrumentItem[] {
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

const preferNotToSay = { nl: 'Zeg ik liever niet', en: 'I prefer not to say' };

export const memo: Instrument = {
  key: 'memo',
  version: 1,
  title: { nl: 'MEMO – Medewerkersmonitor', en: 'MEMO – Employee monitor' },
  description: {
    nl: 'Met deze vragenlijst kijk je samen met je team hoe veilig en prettig jullie samenwerken. Je antwoorden zijn anoniem: je team ziet alleen uitkomsten van een groep, nooit van één persoon. Je mag elke vraag overslaan. Je kunt stoppen en later verdergaan.',
    en: 'With this questionnaire, you and your team look at how safely and pleasantly you work together. Your answers are anonymous: your team only sees results for a group, never for one person. You may skip any question. You can stop and continue later.',
  },
  estimatedMinutes: 10,
  scales: [
    {
      key: 'social_safety',
      title: { nl: 'Sociale veiligheid', en: 'Social safety' },
      construct: {
        nl: 'Collega’s gaan respectvol met elkaar om, je voelt je veilig in het team, grensoverschrijdend gedrag wordt besproken en je weet waar je terechtkunt.',
        en: 'Colleagues treat each other with respect, you feel safe in the team, transgressive behaviour is addressed and you know where to turn.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wanneer voelde je je de laatste tijd echt veilig in ons team, en wat maakte dat zo?',
          'Welke grappen of opmerkingen gaan bij ons weleens te ver?',
          'Hoe spreken we elkaar aan als iemand over de grens gaat, en wat maakt dat lastig?',
          'Bij wie kun je terecht als je je niet veilig voelt, en weet iedereen dat?',
        ],
        en: [
          'When did you recently feel really safe in our team, and what made it so?',
          'Which jokes or remarks sometimes go too far with us?',
          'How do we speak to someone who crosses a line, and what makes that hard?',
          'Who can you turn to when you do not feel safe, and does everyone know that?',
        ],
      },
    },
    {
      key: 'belonging',
      title: { nl: 'Inclusie – erbij horen', en: 'Inclusion – belonging' },
      construct: {
        nl: 'Je voelt je thuis in het team, je wordt betrokken en gewaardeerd, en je staat er niet buiten.',
        en: 'You feel at home in the team, you are involved and appreciated, and you are not left on the outside.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wat doen we om nieuwe collega’s het gevoel te geven dat ze erbij horen?',
          'Wie valt er bij ons weleens buiten de groep, bijvoorbeeld in de pauze, in appgroepen of bij uitjes?',
          'Hoe laten we elkaar merken dat we elkaar waarderen?',
        ],
        en: [
          'What do we do to make new colleagues feel that they belong?',
          'Who sometimes ends up outside the group with us, for example at breaks, in chat groups or on outings?',
          'How do we show each other that we appreciate each other?',
        ],
      },
    },
    {
      key: 'uniqueness',
      title: { nl: 'Inclusie – jezelf kunnen zijn', en: 'Inclusion – room to be yourself' },
      construct: {
        nl: 'Je kunt in het team laten zien wie je bent, ook als je anders bent dan de meesten, en het team gebruikt wat jij meebrengt.',
        en: 'You can show who you are in the team, even when you differ from most, and the team uses what you bring.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wat houden collega’s misschien voor zich om niet op te vallen, en waarom?',
          'Welke kennis of ervaring van collega’s gebruiken we nog te weinig?',
          'Hoe reageren we als iemand iets anders doet of ziet dan de meesten?',
        ],
        en: [
          'What might colleagues keep to themselves so as not to stand out, and why?',
          'Which knowledge or experience of colleagues do we still use too little?',
          'How do we react when someone does or sees something differently from most of us?',
        ],
      },
    },
    {
      key: 'psy_safety',
      title: { nl: 'Psychologische veiligheid in het team', en: 'Team psychological safety' },
      construct: {
        nl: 'In het team durf je fouten, twijfels, vragen en een andere mening te delen zonder dat dat tegen je werkt.',
        en: 'In the team you dare to share mistakes, doubts, questions and a different opinion without it working against you.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Welke fout hebben we als team de laatste tijd besproken, en wat hebben we ervan geleerd?',
          'Over welke onderwerpen zwijgen we liever, en waarom?',
          'Wat helpt jou om een andere mening te geven dan de rest?',
          'Hoe zorgen we ervoor dat ook stille collega’s hun vragen en twijfels delen?',
        ],
        en: [
          'Which mistake have we discussed as a team lately, and what did we learn from it?',
          'Which subjects would we rather keep quiet about, and why?',
          'What helps you to give an opinion that differs from the rest?',
          'How do we make sure that quieter colleagues also share their questions and doubts?',
        ],
      },
    },
    {
      key: 'incl_leadership',
      title: {
        nl: 'Inclusief leiderschap – gezien en gehoord',
        en: 'Inclusive leadership – seen and heard',
      },
      construct: {
        nl: 'Je leidinggevende vraagt om je inbreng, luistert, behandelt iedereen gelijkwaardig, waardeert verschillen en grijpt in bij uitsluiting.',
        en: 'Your manager asks for your input, listens, treats everyone as equals, values differences and steps in when someone is excluded.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Bij welke besluiten wil je eerder betrokken worden?',
          'Hoe merk je dat je leidinggevende naar je luistert, en wanneer merk je dat niet?',
          'Krijgt iedereen in het team evenveel aandacht en kansen?',
          'Wat verwachten we van onze leidinggevende als iemand wordt buitengesloten?',
        ],
        en: [
          'Which decisions would you like to be involved in earlier?',
          'How do you notice that your manager listens to you, and when do you not notice it?',
          'Does everyone in the team get the same attention and opportunities?',
          'What do we expect from our manager when someone is left out?',
        ],
      },
    },
    {
      key: 'workload',
      title: { nl: 'Werkdruk en herstel', en: 'Workload and recovery' },
      construct: {
        nl: 'Het werk is te doen in de tijd die er is, en je kunt tussen en na diensten loskomen van het werk en herstellen.',
        en: 'The work can be done in the time available, and you can switch off from work and recover between and after shifts.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wanneer was het werk de laatste tijd te veel, en wat hielp toen?',
          'Hoe verdelen we het werk, en voelt dat eerlijk?',
          'Wat kunnen we als team doen zodat iedereen na een dienst kan loskomen van het werk?',
          'Wat heb jij nodig om werk en privé goed te combineren?',
        ],
        en: [
          'When was the work too much lately, and what helped then?',
          'How do we divide the work, and does that feel fair?',
          'What can we do as a team so that everyone can switch off after a shift?',
          'What do you need to combine work and private life well?',
        ],
      },
    },
    {
      key: 'integrity',
      title: { nl: 'Integriteitsklimaat', en: 'Integrity climate' },
      construct: {
        nl: 'In het team is duidelijk wat wel en niet kan, leidinggevenden geven het goede voorbeeld, dilemma’s zijn bespreekbaar en er wordt niet weggekeken.',
        en: 'In the team it is clear what is and is not acceptable, managers set the right example, dilemmas can be discussed and nobody looks the other way.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Welk dilemma kwam je de laatste tijd tegen, en hoe ging je ermee om?',
          'Wat doen we als iemand zich niet aan de afspraken houdt?',
          'Weet iedereen waar je een integriteitsprobleem kunt melden?',
          'Welk voorbeeld geven we elkaar, en welk voorbeeld geeft onze leidinggevende?',
        ],
        en: [
          'Which dilemma did you come across lately, and how did you deal with it?',
          'What do we do when someone does not keep to what we agreed?',
          'Does everyone know where to report an integrity issue?',
          'What example do we set each other, and what example does our manager set?',
        ],
      },
    },
  ],
  items: [
    // Social safety
    {
      key: 'social_safety_1',
      text: {
        nl: 'In mijn team gaan we respectvol met elkaar om.',
        en: 'In my team, we treat each other with respect.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    {
      key: 'social_safety_2',
      text: { nl: 'Ik voel me veilig in mijn team.', en: 'I feel safe in my team.' },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    {
      key: 'social_safety_3',
      text: {
        nl: 'In mijn team worden grappen gemaakt die kwetsend zijn voor sommige collega’s.',
        en: 'In my team, people make jokes that are hurtful to some colleagues.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
      reverse: true,
    },
    {
      key: 'social_safety_4',
      text: {
        nl: 'Als iemand in mijn team over de grens gaat, spreken we die persoon daarop aan.',
        en: 'If someone in my team crosses a line, we speak to that person about it.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    {
      key: 'social_safety_5',
      text: {
        nl: 'Ik weet bij wie ik terechtkan als ik me op het werk niet veilig voel.',
        en: 'I know who to turn to if I do not feel safe at work.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    // Inclusion – belonging
    {
      key: 'belonging_1',
      text: { nl: 'Ik voel me thuis in mijn team.', en: 'I feel at home in my team.' },
      answerScale: 'agree5',
      scaleKey: 'belonging',
    },
    {
      key: 'belonging_2',
      text: {
        nl: 'Mijn collega’s betrekken me bij wat er in het team gebeurt.',
        en: 'My colleagues involve me in what goes on in the team.',
      },
      answerScale: 'agree5',
      scaleKey: 'belonging',
    },
    {
      key: 'belonging_3',
      text: {
        nl: 'Ik voel me soms een buitenstaander in mijn team.',
        en: 'I sometimes feel like an outsider in my team.',
      },
      answerScale: 'agree5',
      scaleKey: 'belonging',
      reverse: true,
    },
    {
      key: 'belonging_4',
      text: {
        nl: 'Mijn collega’s laten merken dat ze me waarderen.',
        en: 'My colleagues show that they appreciate me.',
      },
      answerScale: 'agree5',
      scaleKey: 'belonging',
    },
    // Inclusion – room to be yourself
    {
      key: 'uniqueness_1',
      text: {
        nl: 'In mijn team kan ik gewoon mezelf zijn.',
        en: 'In my team, I can simply be myself.',
      },
      answerScale: 'agree5',
      scaleKey: 'uniqueness',
    },
    {
      key: 'uniqueness_2',
      text: {
        nl: 'Ik kan laten zien wie ik ben, ook als ik anders ben dan de meeste collega’s.',
        en: 'I can show who I am, even when I am different from most of my colleagues.',
      },
      answerScale: 'agree5',
      scaleKey: 'uniqueness',
    },
    {
      key: 'uniqueness_3',
      text: {
        nl: 'Op het werk houd ik dingen over mezelf verborgen om niet op te vallen.',
        en: 'At work, I keep things about myself hidden so as not to stand out.',
      },
      answerScale: 'agree5',
      scaleKey: 'uniqueness',
      reverse: true,
    },
    {
      key: 'uniqueness_4',
      text: {
        nl: 'Mijn team maakt gebruik van mijn eigen kennis, ervaring en manier van kijken.',
        en: 'My team makes use of my own knowledge, experience and way of looking at things.',
      },
      answerScale: 'agree5',
      scaleKey: 'uniqueness',
    },
    // Team psychological safety
    {
      key: 'psy_safety_1',
      text: {
        nl: 'Fouten bespreken we in mijn team om ervan te leren, niet om iemand de schuld te geven.',
        en: 'In my team, we discuss mistakes to learn from them, not to blame someone.',
      },
      answerScale: 'agree5',
      scaleKey: 'psy_safety',
    },
    {
      key: 'psy_safety_2',
      text: {
        nl: 'Ik kan in mijn team zeggen dat iets niet goed gaat, ook als dat ongemakkelijk is.',
        en: 'In my team, I can say that something is not going well, even when that is uncomfortable.',
      },
      answerScale: 'agree5',
      scaleKey: 'psy_safety',
    },
    {
      key: 'psy_safety_3',
      text: {
        nl: 'Als ik twijfels heb, houd ik in mijn team liever mijn mond.',
        en: 'When I have doubts, I would rather keep quiet in my team.',
      },
      answerScale: 'agree5',
      scaleKey: 'psy_safety',
      reverse: true,
    },
    {
      key: 'psy_safety_4',
      text: {
        nl: 'Ik durf in mijn team een andere mening te geven dan de meeste collega’s.',
        en: 'In my team, I dare to give an opinion that differs from what most colleagues think.',
      },
      answerScale: 'agree5',
      scaleKey: 'psy_safety',
    },
    {
      key: 'psy_safety_5',
      text: {
        nl: 'In mijn team durf ik een vraag te stellen, ook als ik denk dat iedereen het antwoord al weet.',
        en: 'In my team, I dare to ask a question, even when I think everyone else already knows the answer.',
      },
      answerScale: 'agree5',
      scaleKey: 'psy_safety',
    },
    // Inclusive leadership
    {
      key: 'incl_leadership_1',
      text: {
        nl: 'Mijn leidinggevende vraagt om mijn mening voordat er besluiten worden genomen die mij raken.',
        en: 'My manager asks for my view before decisions are made that affect me.',
      },
      answerScale: 'agree5',
      scaleKey: 'incl_leadership',
    },
    {
      key: 'incl_leadership_2',
      text: {
        nl: 'Mijn leidinggevende luistert echt naar wat ik te zeggen heb.',
        en: 'My manager really listens to what I have to say.',
      },
      answerScale: 'agree5',
      scaleKey: 'incl_leadership',
    },
    {
      key: 'incl_leadership_3',
      text: {
        nl: 'Mijn leidinggevende heeft vooral aandacht voor een paar collega’s.',
        en: 'My manager mainly pays attention to a few colleagues.',
      },
      answerScale: 'agree5',
      scaleKey: 'incl_leadership',
      reverse: true,
    },
    {
      key: 'incl_leadership_4',
      text: {
        nl: 'Mijn leidinggevende laat merken dat verschillen tussen mensen ons team sterker maken.',
        en: 'My manager shows that differences between people make our team stronger.',
      },
      answerScale: 'agree5',
      scaleKey: 'incl_leadership',
    },
    {
      key: 'incl_leadership_5',
      text: {
        nl: 'Mijn leidinggevende grijpt in als iemand in het team wordt buitengesloten of slecht behandeld.',
        en: 'My manager steps in when someone in the team is left out or treated badly.',
      },
      answerScale: 'agree5',
      scaleKey: 'incl_leadership',
    },
    // Workload and recovery
    {
      key: 'workload_1',
      text: {
        nl: 'Ik heb genoeg tijd om mijn werk goed te doen.',
        en: 'I have enough time to do my work properly.',
      },
      answerScale: 'agree5',
      scaleKey: 'workload',
    },
    {
      key: 'workload_2',
      text: {
        nl: 'De laatste tijd is het werk mij te veel.',
        en: 'Lately, the work has been too much for me.',
      },
      answerScale: 'agree5',
      scaleKey: 'workload',
      reverse: true,
    },
    {
      key: 'workload_3',
      text: {
        nl: 'Na mijn dienst kan ik het werk goed loslaten.',
        en: 'After my shift, I am able to let go of work.',
      },
      answerScale: 'agree5',
      scaleKey: 'workload',
    },
    {
      key: 'workload_4',
      text: {
        nl: 'Tussen mijn diensten heb ik genoeg tijd om uit te rusten.',
        en: 'Between my shifts, I have enough time to rest.',
      },
      answerScale: 'agree5',
      scaleKey: 'workload',
    },
    {
      key: 'workload_5',
      text: {
        nl: 'Ik kan mijn werk en mijn privéleven goed combineren.',
        en: 'I can combine my work and my private life well.',
      },
      answerScale: 'agree5',
      scaleKey: 'workload',
    },
    // Integrity climate
    {
      key: 'integrity_1',
      text: {
        nl: 'In mijn team is duidelijk wat wel en niet kan.',
        en: 'In my team, it is clear what is and is not acceptable.',
      },
      answerScale: 'agree5',
      scaleKey: 'integrity',
    },
    {
      key: 'integrity_2',
      text: {
        nl: 'Mijn leidinggevende geeft het goede voorbeeld als het gaat om integer werken.',
        en: 'My manager sets a good example when it comes to working with integrity.',
      },
      answerScale: 'agree5',
      scaleKey: 'integrity',
    },
    {
      key: 'integrity_3',
      text: {
        nl: 'In mijn team wordt weggekeken als iemand zich niet aan de regels houdt.',
        en: 'In my team, people look the other way when someone does not follow the rules.',
      },
      answerScale: 'agree5',
      scaleKey: 'integrity',
      reverse: true,
    },
    {
      key: 'integrity_4',
      text: {
        nl: 'Ik kan een integriteitsprobleem melden zonder dat dit nadelig is voor mij.',
        en: 'I can report an integrity issue without it harming me.',
      },
      answerScale: 'agree5',
      scaleKey: 'integrity',
    },
    {
      key: 'integrity_5',
      text: {
        nl: 'In mijn team praten we open over situaties waarin niet meteen duidelijk is wat goed is om te doen.',
        en: 'In my team, we talk openly about situations in which it is not immediately clear what the right thing to do is.',
      },
      answerScale: 'agree5',
      scaleKey: 'integrity',
    },
    // Experienced transgressive behaviour in the last 12 months
    ...kinds.flatMap(transgressive),
    // Open questions
    {
      key: 'open_going_well',
      text: {
        nl: 'Wat gaat er goed in ons team? Schrijf geen namen op, dan blijft je antwoord anoniem.',
        en: 'What is going well in our team? Please do not write any names, so that your answer stays anonymous.',
      },
      answerScale: 'open',
    },
    {
      key: 'open_change',
      text: {
        nl: 'Wat moet er anders in ons team? Schrijf geen namen op, dan blijft je antwoord anoniem.',
        en: 'What should change in our team? Please do not write any names, so that your answer stays anonymous.',
      },
      answerScale: 'open',
    },
    // Background (optional; reported only at unit level and above)
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
  ],
  pages: [
    {
      key: 'social_safety',
      title: { nl: 'Veiligheid in je team', en: 'Safety in your team' },
      itemKeys: [
        'social_safety_1',
        'social_safety_2',
        'social_safety_3',
        'social_safety_4',
        'social_safety_5',
      ],
    },
    {
      key: 'inclusion',
      title: { nl: 'Erbij horen en jezelf zijn', en: 'Belonging and being yourself' },
      itemKeys: [
        'belonging_1',
        'belonging_2',
        'belonging_3',
        'belonging_4',
        'uniqueness_1',
        'uniqueness_2',
        'uniqueness_3',
        'uniqueness_4',
      ],
    },
    {
      key: 'psy_safety',
      title: { nl: 'Open zijn in je team', en: 'Being open in your team' },
      itemKeys: ['psy_safety_1', 'psy_safety_2', 'psy_safety_3', 'psy_safety_4', 'psy_safety_5'],
    },
    {
      key: 'leadership',
      title: { nl: 'Je leidinggevende', en: 'Your manager' },
      itemKeys: [
        'incl_leadership_1',
        'incl_leadership_2',
        'incl_leadership_3',
        'incl_leadership_4',
        'incl_leadership_5',
      ],
    },
    {
      key: 'workload',
      title: { nl: 'Werkdruk en herstel', en: 'Workload and recovery' },
      itemKeys: ['workload_1', 'workload_2', 'workload_3', 'workload_4', 'workload_5'],
    },
    {
      key: 'integrity',
      title: { nl: 'Integriteit', en: 'Integrity' },
      itemKeys: ['integrity_1', 'integrity_2', 'integrity_3', 'integrity_4', 'integrity_5'],
    },
    {
      key: 'transgressive_1',
      title: {
        nl: 'Wat je meemaakte in de afgelopen 12 maanden (1 van 2)',
        en: 'What you experienced in the past 12 months (1 of 2)',
      },
      itemKeys: ['intimidation', 'discrimination'].flatMap(followUpKeys),
    },
    {
      key: 'transgressive_2',
      title: {
        nl: 'Wat je meemaakte in de afgelopen 12 maanden (2 van 2)',
        en: 'What you experienced in the past 12 months (2 of 2)',
      },
      itemKeys: ['sexual', 'bullying'].flatMap(followUpKeys),
    },
    {
      key: 'open',
      title: { nl: 'In je eigen woorden', en: 'In your own words' },
      itemKeys: ['open_going_well', 'open_change'],
    },
    {
      key: 'background',
      title: {
        nl: 'Over jou (vrijwillig, nooit per team getoond)',
        en: 'About you (voluntary, never shown per team)',
      },
      itemKeys: ['bg_age_band', 'bg_gender', 'bg_service_years', 'bg_origin'],
    },
  ],
};

function followUpKeys(kind: string): string[] {
  const key = `transgressive_${kind}`;
  return [key, `${key}_from`, `${key}_reported`, `${key}_handled`];
}
