import type { Instrument } from '@pvi/contracts';
import { memoScales } from './memo-scales.ts';
import { memoBackground } from './memo-background.ts';
import { followUpKeys, kinds, transgressive } from './memo-transgressive.ts';

/**
 * MEMO, the employee monitor (version 1). Seven scales on a 5-point agreement scale, experienced
 * transgressive behaviour in the last 12 months with follow-up questions per kind, two open
 * questions and four optional background questions. The wording is our own; docs/instruments.md
 * gives the construct and literature of every scale. Never edit a version a wave has used: give
 * changed text a new version number.
 */

export const memo: Instrument = {
  key: 'memo',
  version: 1,
  title: { nl: 'MEMO – Medewerkersmonitor', en: 'MEMO – Employee monitor' },
  description: {
    nl: 'Met deze vragenlijst kijk je samen met je team hoe veilig en prettig jullie samenwerken. Je antwoorden zijn anoniem: je team ziet alleen uitkomsten van een groep, nooit van één persoon. Je mag elke vraag overslaan. Je kunt stoppen en later verdergaan.',
    en: 'With this questionnaire, you and your team look at how safely and pleasantly you work together. Your answers are anonymous: your team only sees results for a group, never for one person. You may skip any question. You can stop and continue later.',
  },
  estimatedMinutes: 10,
  scales: memoScales,
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
    ...memoBackground,
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
