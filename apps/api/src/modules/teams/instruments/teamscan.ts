import type { Instrument } from '@pvi/contracts';

/**
 * The Teamscan (version 1): how ready the team is for the developments of the next 3–5 years —
 * digitalisation and data-driven work, a changing and more diverse society, new forms of crime,
 * learning and adaptability, and cooperation with partners. Five scales of four items and one open
 * question. The wording is our own; docs/instruments.md gives the construct and literature of every
 * scale. Never edit a version a wave has used: give changed text a new version number.
 */
export const teamscan: Instrument = {
  key: 'teamscan',
  version: 1,
  title: { nl: 'Teamscan', en: 'Team scan' },
  description: {
    nl: 'Is ons team klaar voor de komende 3 tot 5 jaar? Deze vragen gaan over ontwikkelingen die op ons afkomen en over wat we nu al kunnen doen. Je antwoorden zijn anoniem en je mag elke vraag overslaan.',
    en: 'Is our team ready for the next 3 to 5 years? These questions are about developments coming our way and about what we can already do now. Your answers are anonymous and you may skip any question.',
  },
  estimatedMinutes: 5,
  scales: [
    {
      key: 'digital',
      title: {
        nl: 'Digitalisering en datagedreven werken',
        en: 'Digitalisation and data-driven work',
      },
      construct: {
        nl: 'Het team werkt vaardig met digitale middelen, gebruikt informatie en data bij keuzes en pakt nieuwe digitale werkwijzen snel op.',
        en: 'The team works skilfully with digital tools, uses information and data in its choices and quickly takes up new digital ways of working.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Welke digitale middelen gebruiken we nog te weinig, en waarom?',
          'Bij welke keuze in ons werk hadden we meer aan informatie of data gehad?',
          'Wie in ons team kan anderen helpen met nieuwe systemen, en hoe organiseren we dat?',
        ],
        en: [
          'Which digital tools do we still use too little, and why?',
          'For which choice in our work would more information or data have helped?',
          'Who in our team can help others with new systems, and how do we organise that?',
        ],
      },
    },
    {
      key: 'society',
      title: {
        nl: 'Veranderende samenleving en diversiteit',
        en: 'Changing society and diversity',
      },
      construct: {
        nl: 'Het team kent de verschillende groepen in zijn gebied, heeft contact met wie de politie minder vertrouwt en past qua samenstelling bij de mensen voor wie het werkt.',
        en: 'The team knows the different groups in its area, is in touch with those who trust the police less and in its make-up fits the people it serves.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Welke groepen in ons gebied kennen we nog te weinig?',
          'Wat kunnen we doen om het vertrouwen te winnen van mensen die de politie minder vertrouwen?',
          'Wat weten collega’s met een andere achtergrond over ons gebied dat we nog niet gebruiken?',
        ],
        en: [
          'Which groups in our area do we still know too little?',
          'What can we do to win the trust of people who trust the police less?',
          'What do colleagues with a different background know about our area that we do not yet use?',
        ],
      },
    },
    {
      key: 'new_crime',
      title: { nl: 'Nieuwe vormen van criminaliteit', en: 'New forms of crime' },
      construct: {
        nl: 'Het team weet wat te doen bij online criminaliteit, herkent signalen van ondermijning en weet welke specialisten het kan inschakelen.',
        en: 'The team knows what to do about online crime, recognises signs of undermining crime and knows which specialists it can call in.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Welke melding over online criminaliteit vonden we lastig, en wat hadden we nodig?',
          'Welke signalen van ondermijning zien we in ons gebied, en wat doen we ermee?',
          'Wie kunnen we bellen bij digitale sporen, en weet iedereen dat?',
        ],
        en: [
          'Which report of online crime did we find difficult, and what did we need?',
          'Which signs of undermining crime do we see in our area, and what do we do with them?',
          'Who can we call about digital evidence, and does everyone know that?',
        ],
      },
    },
    {
      key: 'adaptability',
      title: { nl: 'Leren en aanpassen', en: 'Learning and adaptability' },
      construct: {
        nl: 'Het team staat open voor nieuwe werkwijzen, kijkt terug om te leren en past zich snel aan als de omstandigheden veranderen.',
        en: 'The team is open to new ways of working, looks back to learn and adapts quickly when circumstances change.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wat hebben we de laatste tijd als team geleerd, en hoe merk je dat in het werk?',
          'Welke gewoonte houden we vast terwijl het beter kan?',
          'Hoe maken we tijd om samen terug te kijken op ons werk?',
        ],
        en: [
          'What have we learned as a team lately, and how do you notice it in the work?',
          'Which habit do we hold on to even though there is a better way?',
          'How do we make time to look back on our work together?',
        ],
      },
    },
    {
      key: 'partners',
      title: { nl: 'Samenwerken met partners', en: 'Cooperation with partners' },
      construct: {
        nl: 'Het team weet welke partners het nodig heeft, werkt goed met hen samen en deelt informatie als dat mag en nodig is.',
        en: 'The team knows which partners it needs, works well with them and shares information when that is allowed and needed.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Met welke partner werken we goed samen, en wat kunnen we daarvan leren?',
          'Welke partner hebben we nodig maar kennen we nog te weinig?',
          'Wanneer twijfelen we of we informatie mogen delen, en wie kan ons daarbij helpen?',
        ],
        en: [
          'Which partner do we work well with, and what can we learn from that?',
          'Which partner do we need but still know too little?',
          'When are we unsure whether we may share information, and who can help us with that?',
        ],
      },
    },
  ],
  items: [
    // Digitalisation and data-driven work
    {
      key: 'digital_1',
      text: {
        nl: 'Mijn team kan goed werken met de digitale middelen die we nu hebben.',
        en: 'My team works well with the digital tools we have now.',
      },
      answerScale: 'agree5',
      scaleKey: 'digital',
    },
    {
      key: 'digital_2',
      text: {
        nl: 'In mijn team gebruiken we informatie en data om keuzes te maken over ons werk.',
        en: 'In my team, we use information and data to make choices about our work.',
      },
      answerScale: 'agree5',
      scaleKey: 'digital',
    },
    {
      key: 'digital_3',
      text: {
        nl: 'Mijn team pakt nieuwe digitale werkwijzen snel op.',
        en: 'My team is quick to take up new digital ways of working.',
      },
      answerScale: 'agree5',
      scaleKey: 'digital',
    },
    {
      key: 'digital_4',
      text: {
        nl: 'Veel collega’s in mijn team hebben moeite om nieuwe systemen en apps bij te houden.',
        en: 'Many colleagues in my team struggle to keep up with new systems and apps.',
      },
      answerScale: 'agree5',
      scaleKey: 'digital',
      reverse: true,
    },
    // Changing society and diversity
    {
      key: 'society_1',
      text: {
        nl: 'Mijn team weet wat er speelt bij de verschillende groepen mensen in ons gebied.',
        en: 'My team knows what is going on among the different groups of people in our area.',
      },
      answerScale: 'agree5',
      scaleKey: 'society',
    },
    {
      key: 'society_2',
      text: {
        nl: 'Mijn team heeft contact met groepen in ons gebied die de politie minder goed kennen of vertrouwen.',
        en: 'My team is in touch with groups in our area that know or trust the police less.',
      },
      answerScale: 'agree5',
      scaleKey: 'society',
    },
    {
      key: 'society_3',
      text: {
        nl: 'De samenstelling van mijn team past bij de mensen in ons gebied.',
        en: 'The make-up of my team reflects the people in our area.',
      },
      answerScale: 'agree5',
      scaleKey: 'society',
    },
    {
      key: 'society_4',
      text: {
        nl: 'Mijn team vindt het moeilijk om in contact te komen met mensen met een andere achtergrond dan de meeste collega’s.',
        en: 'My team finds it hard to connect with people whose background differs from that of most colleagues.',
      },
      answerScale: 'agree5',
      scaleKey: 'society',
      reverse: true,
    },
    // New forms of crime
    {
      key: 'new_crime_1',
      text: {
        nl: 'Mijn team weet wat te doen bij een melding van online criminaliteit, zoals oplichting via internet of hacken.',
        en: 'My team knows what to do with a report of online crime, such as internet fraud or hacking.',
      },
      answerScale: 'agree5',
      scaleKey: 'new_crime',
    },
    {
      key: 'new_crime_2',
      text: {
        nl: 'Mijn team herkent signalen van ondermijning in ons gebied, zoals witwassen via bedrijven of drugsproductie.',
        en: 'My team recognises signs of undermining crime in our area, such as money laundering through businesses or drug production.',
      },
      answerScale: 'agree5',
      scaleKey: 'new_crime',
    },
    {
      key: 'new_crime_3',
      text: {
        nl: 'Mijn team weet welke specialisten we kunnen inschakelen bij digitale sporen en cybercrime.',
        en: 'My team knows which specialists we can call in for digital evidence and cybercrime.',
      },
      answerScale: 'agree5',
      scaleKey: 'new_crime',
    },
    {
      key: 'new_crime_4',
      text: {
        nl: 'Nieuwe vormen van criminaliteit gaan sneller dan mijn team kan bijhouden.',
        en: 'New forms of crime move faster than my team can keep up with.',
      },
      answerScale: 'agree5',
      scaleKey: 'new_crime',
      reverse: true,
    },
    // Learning and adaptability
    {
      key: 'adaptability_1',
      text: {
        nl: 'Mijn team staat open voor nieuwe manieren van werken.',
        en: 'My team is open to new ways of working.',
      },
      answerScale: 'agree5',
      scaleKey: 'adaptability',
    },
    {
      key: 'adaptability_2',
      text: {
        nl: 'In mijn team kijken we regelmatig terug op ons werk om ervan te leren.',
        en: 'In my team, we regularly look back on our work to learn from it.',
      },
      answerScale: 'agree5',
      scaleKey: 'adaptability',
    },
    {
      key: 'adaptability_3',
      text: {
        nl: 'Als de omstandigheden veranderen, past mijn team zijn manier van werken snel aan.',
        en: 'When circumstances change, my team quickly adapts its way of working.',
      },
      answerScale: 'agree5',
      scaleKey: 'adaptability',
    },
    {
      key: 'adaptability_4',
      text: {
        nl: 'In mijn team doen we dingen vaak zoals we ze altijd deden, ook als het beter kan.',
        en: 'In my team, we often do things the way we always have, even when there is a better way.',
      },
      answerScale: 'agree5',
      scaleKey: 'adaptability',
      reverse: true,
    },
    // Cooperation with partners
    {
      key: 'partners_1',
      text: {
        nl: 'Mijn team weet welke partners we nodig hebben voor ons werk, zoals de gemeente, zorg en onderwijs.',
        en: 'My team knows which partners we need for our work, such as the municipality, care and education.',
      },
      answerScale: 'agree5',
      scaleKey: 'partners',
    },
    {
      key: 'partners_2',
      text: {
        nl: 'Mijn team werkt goed samen met partners in ons gebied.',
        en: 'My team works well with partners in our area.',
      },
      answerScale: 'agree5',
      scaleKey: 'partners',
    },
    {
      key: 'partners_3',
      text: {
        nl: 'Mijn team deelt informatie met partners als dat mag en nodig is.',
        en: 'My team shares information with partners when that is allowed and needed.',
      },
      answerScale: 'agree5',
      scaleKey: 'partners',
    },
    {
      key: 'partners_4',
      text: {
        nl: 'Samenwerken met partners kost mijn team meer tijd dan het oplevert.',
        en: 'Working with partners costs my team more time than it yields.',
      },
      answerScale: 'agree5',
      scaleKey: 'partners',
      reverse: true,
    },
    // Open question
    {
      key: 'open_attention',
      text: {
        nl: 'Welke ontwikkeling vraagt de komende jaren de meeste aandacht van ons team? Schrijf geen namen op.',
        en: 'Which development needs the most attention from our team in the coming years? Please do not write any names.',
      },
      answerScale: 'open',
    },
  ],
  pages: [
    {
      key: 'digital_society',
      title: { nl: 'Digitaal werken en de samenleving', en: 'Digital work and society' },
      itemKeys: [
        'digital_1',
        'digital_2',
        'digital_3',
        'digital_4',
        'society_1',
        'society_2',
        'society_3',
        'society_4',
      ],
    },
    {
      key: 'crime_learning',
      title: { nl: 'Nieuwe criminaliteit en leren', en: 'New crime and learning' },
      itemKeys: [
        'new_crime_1',
        'new_crime_2',
        'new_crime_3',
        'new_crime_4',
        'adaptability_1',
        'adaptability_2',
        'adaptability_3',
        'adaptability_4',
      ],
    },
    {
      key: 'partners',
      title: { nl: 'Partners en de toekomst', en: 'Partners and the future' },
      itemKeys: ['partners_1', 'partners_2', 'partners_3', 'partners_4', 'open_attention'],
    },
  ],
};
