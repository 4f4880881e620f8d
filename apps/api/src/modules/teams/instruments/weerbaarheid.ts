import type { Instrument } from '@pvi/contracts';

/**
 * The Weerbaarheidsmonitor (version 1): a pulse of twelve questions, under three minutes on a
 * phone, on personal resilience and recovery, support in the team after incidents, and social
 * safety. The wording is our own; docs/instruments.md gives the construct and literature of every
 * scale. Never edit a version a wave has used: give changed text a new version number.
 */
export const weerbaarheid: Instrument = {
  key: 'weerbaarheid',
  version: 1,
  title: { nl: 'Weerbaarheidsmonitor', en: 'Resilience monitor' },
  description: {
    nl: 'Twaalf korte vragen over hoe jij en je team omgaan met zware situaties. Je antwoorden zijn anoniem en je mag elke vraag overslaan.',
    en: 'Twelve short questions about how you and your team deal with hard situations. Your answers are anonymous and you may skip any question.',
  },
  estimatedMinutes: 3,
  scales: [
    {
      key: 'resilience',
      title: { nl: 'Veerkracht en herstel', en: 'Resilience and recovery' },
      construct: {
        nl: 'Je komt na een heftige gebeurtenis of zware periode weer op je oude niveau, en je hebt genoeg rust om te herstellen.',
        en: 'You get back to your usual self after an intense event or a hard period, and you have enough rest to recover.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wat helpt jou om na een zware dienst weer op te laden?',
          'Welke gebeurtenis bleef de laatste tijd lang bij je hangen, en wat had je toen nodig?',
          'Hoe houden we genoeg rust tussen de diensten, ook als het druk is?',
        ],
        en: [
          'What helps you recharge after a hard shift?',
          'Which event stayed with you for a long time lately, and what did you need then?',
          'How do we keep enough rest between shifts, even when it is busy?',
        ],
      },
    },
    {
      key: 'team_support',
      title: { nl: 'Steun na incidenten', en: 'Support after incidents' },
      construct: {
        nl: 'Na agressie, geweld of andere heftige gebeurtenissen vangen collega’s en leidinggevende elkaar op en praten ze erover.',
        en: 'After aggression, violence or other intense events, colleagues and the manager look after each other and talk it through.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wat doen we als team direct na een incident, en wat zouden we vaker moeten doen?',
          'Hoe bespreken we heftige gebeurtenissen na, en wie doet daar (niet) aan mee?',
          'Wat maakt het lastig om te zeggen dat iets je raakt?',
          'Weet iedereen welke hulp er is na agressie of geweld?',
        ],
        en: [
          'What do we do as a team right after an incident, and what should we do more often?',
          'How do we talk through intense events afterwards, and who does (not) take part?',
          'What makes it hard to say that something affects you?',
          'Does everyone know what help there is after aggression or violence?',
        ],
      },
    },
    {
      key: 'social_safety',
      title: { nl: 'Sociale veiligheid', en: 'Social safety' },
      construct: {
        nl: 'Je voelt je veilig in het team, je kunt zeggen wat je dwarszit en niemand wordt buitengesloten of uitgelachen.',
        en: 'You feel safe in the team, you can say what bothers you and nobody is left out or laughed at.',
      },
      favourableFrom: 4,
      conversationPrompts: {
        nl: [
          'Wanneer voelde je je de laatste tijd echt veilig in ons team?',
          'Wat houden we liever voor ons, en waarom?',
          'Wie valt er bij ons weleens buiten de groep?',
        ],
        en: [
          'When did you recently feel really safe in our team?',
          'What do we prefer to keep to ourselves, and why?',
          'Who sometimes ends up outside the group with us?',
        ],
      },
    },
  ],
  items: [
    // Resilience and recovery
    {
      key: 'resilience_1',
      text: {
        nl: 'Na een heftige gebeurtenis op het werk ben ik meestal snel weer de oude.',
        en: 'After an intense event at work, I am usually back to my usual self quickly.',
      },
      answerScale: 'agree5',
      scaleKey: 'resilience',
    },
    {
      key: 'resilience_2',
      text: {
        nl: 'Een moeilijke dienst blijft vaak nog dagen door mijn hoofd spelen.',
        en: 'A difficult shift often keeps going round in my head for days.',
      },
      answerScale: 'agree5',
      scaleKey: 'resilience',
      reverse: true,
    },
    {
      key: 'resilience_3',
      text: {
        nl: 'Ik heb genoeg rust tussen mijn diensten om te herstellen.',
        en: 'I have enough rest between my shifts to recover.',
      },
      answerScale: 'agree5',
      scaleKey: 'resilience',
    },
    {
      key: 'resilience_4',
      text: {
        nl: 'Ik weet wat ik kan doen om weer op te laden na een zware periode.',
        en: 'I know what I can do to recharge after a hard period.',
      },
      answerScale: 'agree5',
      scaleKey: 'resilience',
    },
    // Support after incidents
    {
      key: 'team_support_1',
      text: {
        nl: 'Na een incident vraagt iemand uit mijn team hoe het met me gaat.',
        en: 'After an incident, someone in my team asks how I am doing.',
      },
      answerScale: 'agree5',
      scaleKey: 'team_support',
    },
    {
      key: 'team_support_2',
      text: {
        nl: 'Als ik te maken krijg met agressie of geweld, krijg ik de steun die ik nodig heb.',
        en: 'When I face aggression or violence, I get the support I need.',
      },
      answerScale: 'agree5',
      scaleKey: 'team_support',
    },
    {
      key: 'team_support_3',
      text: {
        nl: 'In mijn team praten we heftige gebeurtenissen samen na.',
        en: 'In my team, we talk intense events through together afterwards.',
      },
      answerScale: 'agree5',
      scaleKey: 'team_support',
    },
    {
      key: 'team_support_4',
      text: {
        nl: 'In mijn team wordt van je verwacht dat je na een incident gewoon doorgaat.',
        en: 'In my team, you are expected to just carry on after an incident.',
      },
      answerScale: 'agree5',
      scaleKey: 'team_support',
      reverse: true,
    },
    // Social safety
    {
      key: 'social_safety_1',
      text: { nl: 'Ik voel me veilig in mijn team.', en: 'I feel safe in my team.' },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    {
      key: 'social_safety_2',
      text: {
        nl: 'In mijn team kan ik zeggen wat me dwarszit.',
        en: 'In my team, I can say what is bothering me.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
    },
    {
      key: 'social_safety_3',
      text: {
        nl: 'In mijn team gebeurt het dat collega’s worden buitengesloten of uitgelachen.',
        en: 'In my team, it happens that colleagues are left out or laughed at.',
      },
      answerScale: 'agree5',
      scaleKey: 'social_safety',
      reverse: true,
    },
    // Open question
    {
      key: 'open_stronger',
      text: {
        nl: 'Wat zou je team sterker maken? Schrijf geen namen op.',
        en: 'What would make your team stronger? Please do not write any names.',
      },
      answerScale: 'open',
    },
  ],
  pages: [
    {
      key: 'resilience',
      title: {
        nl: 'Jij en je team na zware situaties',
        en: 'You and your team after hard situations',
      },
      itemKeys: [
        'resilience_1',
        'resilience_2',
        'resilience_3',
        'resilience_4',
        'team_support_1',
        'team_support_2',
        'team_support_3',
        'team_support_4',
      ],
    },
    {
      key: 'social_safety',
      title: { nl: 'Veiligheid in je team', en: 'Safety in your team' },
      itemKeys: ['social_safety_1', 'social_safety_2', 'social_safety_3', 'open_stronger'],
    },
  ],
};
