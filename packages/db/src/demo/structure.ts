/**
 * Static data for the demo organisation's structure: scale settings, units, districts and base
 * teams (real Dutch places; plausible, not the exact police structure) and team name templates.
 * The people's names are in names.ts.
 */
import type { DemoScale, TeamKind } from './generate.ts';

/** How much of the organisation each scale builds. */
export interface ScaleConfig {
  districtsPerUnit: number;
  baseTeamsPerDistrict: number;
  districtTeams: boolean;
  teamTarget: number;
  peopleTarget: number;
  peopleJitter: number;
}

export const SCALES: Record<DemoScale, ScaleConfig> = {
  small: {
    districtsPerUnit: 2,
    baseTeamsPerDistrict: 1,
    districtTeams: false,
    teamTarget: 63,
    peopleTarget: 3000,
    peopleJitter: 80,
  },
  national: {
    districtsPerUnit: 99,
    baseTeamsPerDistrict: 99,
    districtTeams: true,
    teamTarget: 1500,
    peopleTarget: 65000,
    peopleJitter: 800,
  },
};

/** Kind part of a team code, e.g. `AMS-C-BT01`. */
export const KIND_ABBR: Record<TeamKind, string> = {
  basisteam: 'BT',
  recherche: 'RE',
  intelligence: 'IN',
  ondersteuning: 'OS',
  specialistisch: 'SP',
  staf: 'ST',
  opleiding: 'OP',
};

/** Drawn team sizes per kind, before non-base teams are scaled to the people target. */
export const SIZE_RANGE: Record<TeamKind, readonly [number, number]> = {
  basisteam: [40, 80],
  recherche: [18, 70],
  intelligence: [10, 45],
  ondersteuning: [12, 75],
  specialistisch: [15, 80],
  staf: [5, 40],
  opleiding: [10, 60],
};

/** Age brackets as (reference year − birth year): [from, to, weight]. */
export const AGE_BRACKETS: readonly (readonly [number, number, number])[] = [
  [19, 24, 10],
  [25, 34, 26],
  [35, 44, 22],
  [45, 54, 22],
  [55, 66, 20],
];

export interface DistrictSpec {
  /** Short code, unique within the unit; the district code is `${unitCode}-${short}`. */
  short: string;
  name: string;
  baseTeams: readonly string[];
}

export interface RegionalUnitSpec {
  code: string;
  name: string;
  /** Relative share of the non-base teams of the country. */
  weight: number;
  districts: readonly DistrictSpec[];
}

export interface TeamTemplate {
  name: string;
  kind: TeamKind;
  weight: number;
}

export interface CentralUnitSpec {
  code: string;
  name: string;
  kind: 'national' | 'service' | 'academy';
  weight: number;
  templates: readonly TeamTemplate[];
}

const d = (short: string, name: string, baseTeams: readonly string[]): DistrictSpec => ({
  short,
  name: `District ${name}`,
  baseTeams: baseTeams.map((t) => `Basisteam ${t}`),
});

export const REGIONAL_UNITS: readonly RegionalUnitSpec[] = [
  {
    code: 'NNL',
    name: 'Eenheid Noord-Nederland',
    weight: 6,
    districts: [
      d('G', 'Groningen', [
        'Groningen-Centrum',
        'Groningen-Noord',
        'Groningen-Zuid',
        'Hoogeland',
        'Eemsdelta',
        'Oldambt',
      ]),
      d('F', 'Fryslân', [
        'Leeuwarden',
        'Noardeast-Fryslân',
        'Súdwest-Fryslân',
        'Heerenveen',
        'Smallingerland',
      ]),
      d('D', 'Drenthe', ['Assen', 'Emmen', 'Hoogeveen', 'Meppel', 'Noord-Drenthe']),
    ],
  },
  {
    code: 'ONL',
    name: 'Eenheid Oost-Nederland',
    weight: 9.5,
    districts: [
      d('TW', 'Twente', ['Enschede', 'Hengelo', 'Almelo', 'Noordoost-Twente', 'Hof van Twente']),
      d('IJ', 'IJsselland', ['Zwolle', 'Deventer', 'Kampen', 'Salland', 'Vechtdal']),
      d('NOG', 'Noord- en Oost-Gelderland', [
        'Apeldoorn',
        'Zutphen',
        'Achterhoek-West',
        'Achterhoek-Oost',
      ]),
      d('GM', 'Gelderland-Midden', [
        'Arnhem-Noord',
        'Arnhem-Zuid',
        'Ede',
        'Veluwezoom',
        'De Liemers',
      ]),
      d('GZ', 'Gelderland-Zuid', [
        'Nijmegen-Noord',
        'Nijmegen-Zuid',
        'Rivierenland',
        'Maas en Waal',
      ]),
    ],
  },
  {
    code: 'MNL',
    name: 'Eenheid Midden-Nederland',
    weight: 7,
    districts: [
      d('US', 'Utrecht-Stad', ['Utrecht-Centrum', 'Overvecht', 'Utrecht-Zuid', 'Leidsche Rijn']),
      d('UO', 'Utrecht-Oost', ['Amersfoort', 'Zeist', 'Veenendaal', 'Utrechtse Heuvelrug']),
      d('UW', 'Utrecht-West', ['Nieuwegein', 'Woerden', 'Stichtse Vecht']),
      d('FL', 'Flevoland', ['Almere-Stad', 'Almere-Buiten', 'Lelystad', 'Noordoostpolder-Urk']),
      d('GV', 'Gooi en Vechtstreek', ['Hilversum', 'Gooise Meren', 'Huizen-Blaricum']),
    ],
  },
  {
    code: 'NHL',
    name: 'Eenheid Noord-Holland',
    weight: 5.5,
    districts: [
      d('NHN', 'Noord-Holland-Noord', [
        'Den Helder',
        'Alkmaar',
        'Hoorn',
        'West-Friesland',
        'Dijk en Waard',
      ]),
      d('ZW', 'Zaanstreek-Waterland', ['Zaanstad', 'Purmerend', 'Waterland']),
      d('KEN', 'Kennemerland', [
        'Haarlem-Noord',
        'Haarlem-Zuid',
        'IJmond-Noord',
        'IJmond-Zuid',
        'Haarlemmermeer',
        'Zuid-Kennemerland',
      ]),
    ],
  },
  {
    code: 'AMS',
    name: 'Eenheid Amsterdam',
    weight: 8.5,
    districts: [
      d('C', 'Centrum', ['Burgwallen', 'Jordaan', 'Nieuwmarkt', 'Grachtengordel']),
      d('NO', 'Noord-Oost', [
        'Amsterdam-Noord',
        'Amsterdam-Oost',
        'IJburg-Zeeburg',
        'Watergraafsmeer',
      ]),
      d('ZO', 'Zuidoost', ['Bijlmer', 'Gaasperdam']),
      d('W', 'West', ['Nieuw-West', 'Slotervaart', 'Westerpark', 'Bos en Lommer']),
      d('Z', 'Zuid', ['De Pijp', 'Amstelveen', 'Aalsmeer-Uithoorn']),
    ],
  },
  {
    code: 'DHG',
    name: 'Eenheid Den Haag',
    weight: 8.5,
    districts: [
      d('DH', 'Den Haag', [
        'Den Haag-Centrum',
        'Scheveningen',
        'Segbroek',
        'Laak',
        'Escamp',
        'Loosduinen',
      ]),
      d('HZ', 'Haaglanden-Zuid', ['Delft', 'Westland', 'Rijswijk']),
      d('HO', 'Haaglanden-Oost', ['Zoetermeer', 'Leidschendam-Voorburg']),
      d('LB', 'Leiden-Bollenstreek', [
        'Leiden-Noord',
        'Leiden-Zuid',
        'Bollenstreek',
        'Katwijk-Noordwijk',
      ]),
      d('AG', 'Alphen-Gouda', ['Alphen aan den Rijn', 'Gouda']),
    ],
  },
  {
    code: 'RTM',
    name: 'Eenheid Rotterdam',
    weight: 9,
    districts: [
      d('RN', 'Rijnmond-Noord', [
        'Schiedam',
        'Vlaardingen',
        'Maassluis',
        'Lansingerland',
        'Rotterdam-Noord',
      ]),
      d('RS', 'Rotterdam-Stad', [
        'Rotterdam-Centrum',
        'Delfshaven',
        'Kralingen-Crooswijk',
        'Feijenoord',
        'Charlois',
      ]),
      d('RO', 'Rijnmond-Oost', ['Capelle aan den IJssel', 'Prins Alexander', 'Ridderkerk']),
      d('RZ', 'Rijnmond-Zuid', ['Spijkenisse', 'Voorne', 'Barendrecht-Albrandswaard', 'Haven']),
      d('ZHZ', 'Zuid-Holland-Zuid', [
        'Dordrecht',
        'Zwijndrecht',
        'Alblasserwaard',
        'Hoeksche Waard',
      ]),
    ],
  },
  {
    code: 'ZWB',
    name: 'Eenheid Zeeland-West-Brabant',
    weight: 5.5,
    districts: [
      d('ZL', 'Zeeland', ['Walcheren', 'Zeeuws-Vlaanderen', 'Oosterschelde', 'Schouwen-Duiveland']),
      d('MQ', 'De Markiezaten', ['Bergen op Zoom', 'Roosendaal', 'Moerdijk']),
      d('BA', 'De Baronie', ['Breda-Centrum', 'Breda-Zuid', 'Oosterhout', 'Etten-Leur']),
      d('HVB', 'Hart van Brabant', [
        'Tilburg-Noord',
        'Tilburg-Zuid',
        'De Langstraat',
        'Dongen-Gilze',
      ]),
    ],
  },
  {
    code: 'OBR',
    name: 'Eenheid Oost-Brabant',
    weight: 4.5,
    districts: [
      d('DB', "'s-Hertogenbosch", ["'s-Hertogenbosch", 'Meierij', 'Vught-Boxtel']),
      d('ML', 'Maas en Leijgraaf', ['Oss', 'Uden', 'Land van Cuijk']),
      d('EHV', 'Eindhoven', [
        'Eindhoven-Centrum',
        'Eindhoven-Noord',
        'Eindhoven-Zuid',
        'Geldrop-Mierlo',
      ]),
      d('KP', 'De Kempen', ['Kempen-Noord', 'Kempen-Zuid', 'Veldhoven']),
      d('PL', 'Peelland', ['Helmond', 'Deurne', 'Asten-Someren']),
    ],
  },
  {
    code: 'LIM',
    name: 'Eenheid Limburg',
    weight: 4.5,
    districts: [
      d('NL', 'Noord-Limburg', ['Venlo', 'Venray', 'Peel en Maas', 'Maasduinen']),
      d('ML', 'Midden-Limburg', ['Roermond', 'Weert', 'Maasgouw']),
      d('MH', 'Maastricht-Heuvelland', ['Maastricht-Centrum', 'Maastricht-Zuid', 'Heuvelland']),
      d('PWM', 'Parkstad-Westelijke Mijnstreek', [
        'Sittard-Geleen',
        'Heerlen',
        'Kerkrade',
        'Brunssum-Landgraaf',
      ]),
    ],
  },
];

/** One of each per district, named `${prefix} ${district place}`. */
export const DISTRICT_TEAM_TEMPLATES: readonly TeamTemplate[] = [
  { name: 'Districtsrecherche', kind: 'recherche', weight: 1 },
  { name: 'Flexteam', kind: 'ondersteuning', weight: 1 },
  { name: 'Districtelijk Informatieknooppunt', kind: 'intelligence', weight: 1 },
];

/** Unit-level teams of a regional unit; listed with kinds interleaved so small counts get variety. */
export const REGIONAL_TEAM_TEMPLATES: readonly TeamTemplate[] = [
  { name: 'Team Zware Criminaliteit', kind: 'recherche', weight: 6 },
  { name: 'Team Real Time Intelligence', kind: 'intelligence', weight: 2 },
  { name: 'Team Arrestantenzorg', kind: 'ondersteuning', weight: 3 },
  { name: 'Team Georganiseerde Criminaliteit', kind: 'recherche', weight: 6 },
  { name: 'Team Criminele Inlichtingen', kind: 'intelligence', weight: 3 },
  { name: 'Team Verkeer', kind: 'ondersteuning', weight: 3 },
  { name: 'Team Forensische Opsporing', kind: 'recherche', weight: 4 },
  { name: 'Team Analyse en Onderzoek', kind: 'intelligence', weight: 4 },
  { name: 'Team Operationeel Centrum', kind: 'ondersteuning', weight: 3 },
  { name: 'Team Digitale Opsporing', kind: 'recherche', weight: 3 },
  { name: 'Team Informatie-coördinatie', kind: 'intelligence', weight: 2 },
  { name: 'Team Conflict- en Crisisbeheersing', kind: 'ondersteuning', weight: 1 },
  { name: 'Team Zeden', kind: 'recherche', weight: 2 },
  { name: 'Team Open Bronnen', kind: 'intelligence', weight: 1 },
  { name: 'Team Hondengeleiders', kind: 'ondersteuning', weight: 1 },
  { name: 'Team Financieel-Economische Criminaliteit', kind: 'recherche', weight: 2 },
  {
    name: 'Team Vreemdelingenpolitie, Identificatie en Mensenhandel',
    kind: 'recherche',
    weight: 2,
  },
  { name: 'Team Milieu', kind: 'recherche', weight: 1 },
  { name: 'Team Mobiele Eenheid', kind: 'ondersteuning', weight: 3 },
  { name: 'Team Bewaken en Beveiligen', kind: 'ondersteuning', weight: 1 },
  { name: 'Team Ondermijning', kind: 'recherche', weight: 2 },
  { name: 'Team Levensdelicten', kind: 'recherche', weight: 1 },
  { name: 'Team Cybercrime', kind: 'recherche', weight: 1 },
];

export const CENTRAL_UNITS: readonly CentralUnitSpec[] = [
  {
    code: 'LE',
    name: 'Landelijke Eenheid',
    kind: 'national',
    weight: 9.5,
    templates: [
      { name: 'Landelijke Recherche - Team', kind: 'specialistisch', weight: 8 },
      { name: 'Staf Landelijke Eenheid - Team', kind: 'staf', weight: 1 },
      { name: 'Dienst Speciale Interventies - Team', kind: 'specialistisch', weight: 2 },
      { name: 'Team High Tech Crime', kind: 'specialistisch', weight: 2 },
      { name: 'Landelijke Informatieorganisatie - Team', kind: 'specialistisch', weight: 4 },
      { name: 'Team Waterpolitie', kind: 'specialistisch', weight: 2 },
      { name: 'Team Verkeerspolitie Snelwegen', kind: 'specialistisch', weight: 3 },
      { name: 'Team Spoorwegpolitie', kind: 'specialistisch', weight: 2 },
      { name: 'Team Luchtvaartpolitie', kind: 'specialistisch', weight: 1 },
      {
        name: 'Dienst Koninklijke en Diplomatieke Beveiliging - Team',
        kind: 'specialistisch',
        weight: 3,
      },
      { name: 'Team Internationale Rechtshulp', kind: 'specialistisch', weight: 1 },
      { name: 'Team Operationele Ondersteuning', kind: 'ondersteuning', weight: 2 },
      { name: 'Team Bereden Politie', kind: 'ondersteuning', weight: 1 },
      { name: 'Team Bedrijfsvoering LE', kind: 'staf', weight: 1 },
      { name: 'Team Expertise en Innovatie', kind: 'specialistisch', weight: 1 },
    ],
  },
  {
    code: 'PDC',
    name: 'Politiedienstencentrum',
    kind: 'service',
    weight: 12,
    templates: [
      { name: 'Dienst ICT - Team Applicatiebeheer', kind: 'ondersteuning', weight: 6 },
      { name: 'Team HRM Advies', kind: 'staf', weight: 3 },
      { name: 'Team Facilitair Management', kind: 'ondersteuning', weight: 4 },
      { name: 'Team Financiën', kind: 'staf', weight: 2 },
      { name: 'Dienst ICT - Team Servicedesk', kind: 'ondersteuning', weight: 2 },
      { name: 'Team Inkoop', kind: 'staf', weight: 1 },
      { name: 'Team Huisvesting', kind: 'ondersteuning', weight: 2 },
      { name: 'Team Communicatie', kind: 'staf', weight: 1 },
      { name: 'Dienst ICT - Team Infrastructuur', kind: 'ondersteuning', weight: 3 },
      { name: 'Team Juridische Zaken', kind: 'staf', weight: 1 },
      { name: 'Team Salarisadministratie', kind: 'ondersteuning', weight: 1 },
      { name: 'Team Vervoer en Logistiek', kind: 'ondersteuning', weight: 2 },
      { name: 'Team Informatiebeveiliging', kind: 'staf', weight: 1 },
      { name: 'Team Operationeel Materieel', kind: 'ondersteuning', weight: 1 },
      { name: 'Team Bedrijfsgezondheidszorg', kind: 'ondersteuning', weight: 1 },
      { name: 'Dienst ICT - Team Ontwikkeling', kind: 'ondersteuning', weight: 3 },
    ],
  },
  {
    code: 'PA',
    name: 'Politieacademie',
    kind: 'academy',
    weight: 5,
    templates: [
      { name: 'Team Basispolitieonderwijs', kind: 'opleiding', weight: 6 },
      { name: 'Team Integrale Beroepsvaardigheden', kind: 'opleiding', weight: 3 },
      { name: 'Team Bedrijfsvoering Politieacademie', kind: 'staf', weight: 1 },
      { name: 'Team Opsporingsonderwijs', kind: 'opleiding', weight: 2 },
      { name: 'Team Leiderschap', kind: 'opleiding', weight: 1 },
      { name: 'Team Examinering', kind: 'ondersteuning', weight: 1 },
      { name: 'Team Praktijkbegeleiding', kind: 'opleiding', weight: 1 },
      { name: 'Team Onderzoek en Kennis', kind: 'staf', weight: 1 },
      { name: 'Team Specialistisch Vakonderwijs', kind: 'opleiding', weight: 2 },
    ],
  },
];
