import type { InstrumentScale } from '@pvi/contracts';

/** MEMO's seven scales: construct, favourable threshold and conversation prompts (docs/instruments.md). */
export const memoScales: InstrumentScale[] = [
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
];
