/**
 * CBS areas for the demo: the municipalities of the demo units' base teams, each with a few
 * wijken and buurten. Gemeente codes are CBS's real codes; wijk and buurt names are real places,
 * numbered in CBS's (pre-2023) numeric scheme, BU + gemeente + wijk + buurt. The wijk and buurt
 * codes and all centroids are approximations for the demo, not checked against the CBS file: load
 * the real "Wijk- en buurtkaart" with `pvi import areas` for anything else (docs/controls.md).
 */
export interface DemoArea {
  code: string;
  level: 'gemeente' | 'wijk' | 'buurt';
  name: string;
  gemeenteCode: string;
  wijkCode: string | null;
  lat: number;
  lng: number;
}

type Wijk = readonly [name: string, dLat: number, dLng: number, buurten: readonly string[]];
type Gemeente = readonly [
  code: string,
  name: string,
  lat: number,
  lng: number,
  wijken: readonly Wijk[],
];

const GEMEENTEN: readonly Gemeente[] = [
  [
    '0363',
    'Amsterdam',
    52.3728,
    4.8936,
    [
      [
        'Burgwallen-Oude Zijde',
        0.0007,
        0.0054,
        ['Kop Zeedijk', 'Oude Kerk e.o.', 'Burgwallen Oost', 'Nes e.o.'],
      ],
      [
        'Burgwallen-Nieuwe Zijde',
        0.0017,
        -0.0006,
        ['Nieuwendijk-Noord', 'Spuistraat-Zuid', 'Begijnhofbuurt'],
      ],
      ['Nieuwmarkt/Lastage', 0.0004, 0.0096, ['Nieuwmarkt', 'Lastage', 'Rapenburg']],
      ['Jordaan', 0.0012, -0.0116, ['Noordelijke Jordaan', 'Zuidelijke Jordaan', 'Marnixbuurt']],
      ['Volewijck', 0.0152, 0.0044, ['Van der Pekbuurt', 'Bloemenbuurt', 'Disteldorp']],
      ['IJplein/Vogelbuurt', 0.0118, 0.0134, ['Vogelbuurt', 'IJplein', 'Vogeldorp']],
      [
        'Tuindorp Nieuwendam',
        0.0222,
        0.0364,
        ['Tuindorp Nieuwendam-West', 'Tuindorp Nieuwendam-Oost'],
      ],
    ],
  ],
  [
    '0599',
    'Rotterdam',
    51.9225,
    4.4792,
    [
      ['Stadscentrum', 0.0, -0.0002, ['Stadsdriehoek', 'Cool', 'CS Kwartier', 'Oude Westen']],
      ['Delfshaven', 0.0022, -0.0422, ['Spangen', 'Bospolder', 'Tussendijken', 'Nieuwe Westen']],
      ['Feijenoord', -0.0275, 0.0076, ['Afrikaanderwijk', 'Bloemhof', 'Hillesluis']],
      ['Kralingen-Crooswijk', 0.0055, 0.0255, ['Oud-Crooswijk', 'Rubroek', 'Kralingen-West']],
    ],
  ],
  [
    '0518',
    "'s-Gravenhage",
    52.0799,
    4.3113,
    [
      ['Centrum', 0.0, 0.0, ['Kortenbos', 'Voorhout', 'Uilebomen']],
      [
        'Schilderswijk',
        -0.0135,
        0.0047,
        ['Schilderswijk-West', 'Schilderswijk-Noord', 'Schilderswijk-Oost'],
      ],
      [
        'Transvaalkwartier',
        -0.0215,
        -0.0012,
        ['Transvaalkwartier-Noord', 'Transvaalkwartier-Midden', 'Transvaalkwartier-Zuid'],
      ],
      [
        'Laakkwartier en Spoorwijk',
        -0.0176,
        0.0187,
        ['Laakkwartier-Oost', 'Laakkwartier-West', 'Spoorwijk'],
      ],
    ],
  ],
  [
    '0344',
    'Utrecht',
    52.0907,
    5.1214,
    [
      [
        'Binnenstad',
        0.0,
        0.0,
        ['Domplein-Neude-Janskerkhof', 'Hoog Catharijne', 'Lange Elisabethstraat-Mariaplaats'],
      ],
      ['Overvecht', 0.0246, 0.0054, ['Overvecht-Noord', 'Tigris- en Zambesidreef', 'Vechtzoom']],
      [
        'Zuidwest',
        -0.0134,
        -0.0262,
        ['Kanaleneiland-Noord', 'Kanaleneiland-Zuid', 'Transwijk-Zuid'],
      ],
    ],
  ],
  [
    '0772',
    'Eindhoven',
    51.4416,
    5.4697,
    [
      ['Centrum', 0.0, 0.0, ['Binnenstad', 'Witte Dame', 'Bergen']],
      ['Woensel-Zuid', 0.0224, 0.0012, ['Woenselse Heide', 'Oude Toren', 'Vlokhoven']],
      ['Stratum', -0.0162, 0.0128, ['Rozenknopje', 'Tuindorp', 'Looiakkers']],
    ],
  ],
  [
    '0014',
    'Groningen',
    53.2194,
    6.5665,
    [
      ['Centrum', 0.0, 0.0, ['Binnenstad-Noord', 'Binnenstad-Zuid', 'Hortusbuurt-Ebbingekwartier']],
      ['Oosterparkwijk', 0.0038, 0.0238, ['Oosterpark', 'De Linie']],
      ['Vinkhuizen', 0.0063, -0.0372, ['Vinkhuizen-Noord', 'Vinkhuizen-Zuid']],
    ],
  ],
  [
    '0080',
    'Leeuwarden',
    53.2012,
    5.7999,
    [
      ['Binnenstad', 0.0, 0.0, ['Oldehove', 'Nieuwestad']],
      ['Vrijheidswijk', -0.0132, -0.0055, ['Vrijheidswijk-Noord', 'Vrijheidswijk-Zuid']],
      ['Heechterp-Schieringen', 0.0035, 0.0244, ['Heechterp', 'Schieringen']],
    ],
  ],
  [
    '0153',
    'Enschede',
    52.2215,
    6.8937,
    [
      ['Centrum', 0.0, 0.0, ['Binnenstad', 'De Laares']],
      ['Enschede-Zuid', -0.0276, -0.0129, ['Wesselerbrink', 'Helmerhoek']],
      ['Enschede-Noord', 0.0213, 0.0012, ['Deppenbroek', 'Twekkelerveld']],
    ],
  ],
  [
    '0193',
    'Zwolle',
    52.5168,
    6.083,
    [
      ['Binnenstad', 0.0, 0.0, ['Binnenstad', 'Diezerpoort']],
      ['Holtenbroek', 0.0225, 0.0052, ['Holtenbroek I', 'Holtenbroek II']],
      ['Stadshagen', 0.0184, -0.0392, ['Frankhuis', 'Westenholte']],
    ],
  ],
  [
    '0307',
    'Amersfoort',
    52.1561,
    5.3878,
    [
      ['Binnenstad', 0.0, 0.0, ['Binnenstad', 'Soesterkwartier']],
      ['Kruiskamp', 0.0088, 0.0203, ['Kruiskamp', 'Koppel']],
      ['Schothorst', 0.0243, 0.0132, ['Schothorst-Noord', 'Schothorst-Zuid']],
    ],
  ],
  [
    '0400',
    'Den Helder',
    52.9563,
    4.76,
    [
      ['Centrum', 0.0, 0.0, ['Stad binnen de Linie', 'Sluisdijk']],
      ['Nieuw-Den Helder', -0.0201, 0.0032, ['Nieuw-Den Helder-Noord', 'Nieuw-Den Helder-Zuid']],
      ['Julianadorp', -0.0692, -0.0082, ['Julianadorp-Oost', 'Julianadorp-West']],
    ],
  ],
  [
    '0479',
    'Zaanstad',
    52.4559,
    4.8286,
    [
      ['Zaandam-Centrum', -0.0165, 0.0012, ['Zaandam-Centrum', 'Rosmolenwijk']],
      ['Poelenburg', -0.0142, 0.0166, ['Poelenburg', 'Peldersveld']],
      ['Kogerveld', -0.0044, 0.0214, ['Kogerveld-Noord', 'Kogerveld-Zuid']],
    ],
  ],
  [
    '0503',
    'Delft',
    52.0116,
    4.3571,
    [
      ['Binnenstad', 0.0, 0.0, ['Centrum-West', 'Centrum-Oost']],
      ['Tanthof', -0.0228, -0.0061, ['Tanthof-West', 'Tanthof-Oost']],
      ['Voorhof', -0.0116, -0.0143, ['Voorhof', 'Buitenhof']],
    ],
  ],
  [
    '0606',
    'Schiedam',
    51.9192,
    4.3886,
    [
      ['Centrum', 0.0, 0.0, ['Centrum', 'Oost']],
      ['Nieuwland', 0.0061, -0.0094, ['Nieuwland', 'Sveaparkbuurt']],
      ['Groenoord', 0.0126, -0.0152, ['Groenoord-Noord', 'Groenoord-Zuid']],
    ],
  ],
  [
    '0687',
    'Middelburg',
    51.4988,
    3.6136,
    [
      ['Binnenstad', 0.0, 0.0, ['Binnenstad-Noord', 'Binnenstad-Zuid']],
      ['Dauwendaele', -0.0053, 0.0232, ['Dauwendaele', 'Griffioen']],
    ],
  ],
  [
    '0718',
    'Vlissingen',
    51.4425,
    3.5736,
    [
      ['Centrum', 0.0, 0.0, ['Oude Binnenstad', 'Scheldekwartier']],
      ['Lammerenburg', 0.0098, 0.0075, ['Lammerenburg', 'Paauwenburg']],
    ],
  ],
  [
    '0748',
    'Bergen op Zoom',
    51.495,
    4.2917,
    [
      ['Centrum', 0.0, 0.0, ['Binnenstad', 'Centrum-Noord']],
      ['Gageldonk', 0.0121, 0.0213, ['Gageldonk-West', 'Gageldonk-Oost']],
      ['De Meilust', -0.0074, 0.0181, ['De Meilust', 'Fort-Zeekant']],
    ],
  ],
  [
    '0796',
    "'s-Hertogenbosch",
    51.6978,
    5.3037,
    [
      ['Binnenstad', 0.0, 0.0, ['Binnenstad-Centrum', 'Binnenstad-Noord']],
      ['Noord', 0.0166, 0.0164, ['De Muntel', 'De Hambaken', 'Orthen-Links']],
      ['West', 0.0039, -0.0235, ['Kruiskamp', 'Schutskamp', 'Boschveld']],
    ],
  ],
  [
    '0828',
    'Oss',
    51.765,
    5.518,
    [
      ['Centrum', 0.0, 0.0, ['Centrum', 'Schadewijk']],
      ['Ussen', -0.0052, -0.0185, ['Ussen', 'Krinkelhoek']],
    ],
  ],
  [
    '0983',
    'Venlo',
    51.3704,
    6.1724,
    [
      ['Venlo-Centrum', 0.0, 0.0, ['Binnenstad', 'Venlo-Noord']],
      ['Blerick', -0.0042, -0.0241, ['Blerick-Centrum', 'Klingerberg']],
      ['Venlo-Oost', 0.0012, 0.0196, ['Vossener', 'Hagerhof']],
    ],
  ],
  [
    '0957',
    'Roermond',
    51.1942,
    5.987,
    [
      ['Binnenstad', 0.0, 0.0, ['Binnenstad', "Kapel in 't Zand"]],
      ['Roermond-Oost', 0.0021, 0.0205, ['De Kemp', 'Donderberg']],
    ],
  ],
];

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Every demo area, gemeenten first. */
export function demoAreas(): DemoArea[] {
  const out: DemoArea[] = [];
  for (const [gm, name, lat, lng, wijken] of GEMEENTEN) {
    const gemeenteCode = `GM${gm}`;
    out.push({
      code: gemeenteCode,
      level: 'gemeente',
      name,
      gemeenteCode,
      wijkCode: null,
      lat,
      lng,
    });
    wijken.forEach(([wijkName, dLat, dLng, buurten], w) => {
      const wijkCode = `WK${gm}${String(w).padStart(2, '0')}`;
      const wLat = r4(lat + dLat);
      const wLng = r4(lng + dLng);
      out.push({
        code: wijkCode,
        level: 'wijk',
        name: wijkName,
        gemeenteCode,
        wijkCode,
        lat: wLat,
        lng: wLng,
      });
      buurten.forEach((buurtName, b) => {
        // Buurten on a small ring around the wijk's centroid (≈ 400 m), in order.
        const angle = (2 * Math.PI * b) / buurten.length;
        out.push({
          code: `BU${gm}${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`,
          level: 'buurt',
          name: buurtName,
          gemeenteCode,
          wijkCode,
          lat: r4(wLat + 0.0036 * Math.sin(angle)),
          lng: r4(wLng + 0.0058 * Math.cos(angle)),
        });
      });
    });
  }
  return out;
}

/**
 * The gemeente of each demo base team's area: a team code's district part to a gemeente code.
 * Teams whose district is not listed take the first gemeente of their unit.
 */
export const DISTRICT_GEMEENTE: Record<string, string> = {
  'NNL-G': 'GM0014',
  'NNL-F': 'GM0080',
  'ONL-TW': 'GM0153',
  'ONL-IJ': 'GM0193',
  'MNL-US': 'GM0344',
  'MNL-UO': 'GM0307',
  'NHL-NHN': 'GM0400',
  'NHL-ZW': 'GM0479',
  'AMS-C': 'GM0363',
  'AMS-NO': 'GM0363',
  'DHG-DH': 'GM0518',
  'DHG-HZ': 'GM0503',
  'RTM-RN': 'GM0606',
  'RTM-RS': 'GM0599',
  'ZWB-ZL': 'GM0718',
  'ZWB-MQ': 'GM0748',
  'OBR-DB': 'GM0796',
  'OBR-ML': 'GM0828',
  'OBR-EHV': 'GM0772',
  'LIM-NL': 'GM0983',
  'LIM-ML': 'GM0957',
};
