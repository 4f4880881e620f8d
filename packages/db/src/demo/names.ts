/**
 * Static data for the demo organisation's people: given and family names of varied origins, with
 * their weights. The structure (units, districts, teams) is in structure.ts.
 */

export interface NameOrigin {
  key: string;
  weight: number;
  male: readonly string[];
  female: readonly string[];
  /** Given names used for people born in 1982 or later, when present. */
  maleYoung?: readonly string[];
  femaleYoung?: readonly string[];
  /** Family names; tussenvoegsels stay part of the family name ("van der Berg"). */
  family: readonly string[];
  /** Family names that take a female form (Polish -ski/-ska). */
  gendered?: boolean;
}

const w = (s: string): readonly string[] => [...new Set(s.split(',').map((x) => x.trim()))];
const prefixed = (prefix: string, s: string): readonly string[] =>
  w(s).map((x) => `${prefix} ${x}`);

/** Compound Dutch family names such as "Westerveld", "Nieuwenhuis", "Berkenbosch". */
const compounds = (heads: string, tails: string): readonly string[] =>
  w(heads).flatMap((h) => w(tails).map((t) => `${h}${t}`));

/** Dutch family names: common names plus toponymic ones ("van Mierlo", "van der Sluis", "ten Brink"). */
const DUTCH_FAMILY: readonly string[] = [
  ...new Set([
    ...w(
      "de Vries, Jansen, de Jong, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Smits, de Graaf, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, de Jonge, Kuipers, van Veen, Post, Kramer, van den Brink, Scholten, van Wijk, Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker, van Loon, van der Velde, Willemsen, Smeets, de Lange, Bosch, van Dongen, Schipper, de Koning, van der Laan, Driessen, van Doorn, Hermans, Evers, van den Bosch, van der Meulen, Hofman, Bosman, Wolters, Sanders, van der Horst, Mol, Molenaar, van de Pol, de Leeuw, Verbeek, van der Berg, van 't Hof, Heijnen, Claassen, van Gils, Rutten, Verschuren, ter Horst, Oosterhuis, Wijnands, van Rijn, Aarts, Baas, van Baal, Beekman, Berends, Bijl, Bouwman, Brands, Bruins, Coenen, Cornelissen, van Dalen, Damen, Derks, van Dijken, Dirks, van Dooren, Dubbeldam, van Eck, van Es, Franken, Geerts, Hagen, Heemskerk, Hoogendoorn, Hoogland, Hooijer, van Houten, Huijbregts, Janssen, Jonkers, Kamphuis, Keizer, Klaassen, Kleijn, Klein, Knol, Koopman, Kouwenhoven, Kroon, Kuijpers, Lammers, van der Lee, Leenders, Lemmens, Lubbers, Meulenbroek, Mertens, Michels, Mooij, Nijhuis, Nijland, Noordhuis, Oosterveld, Pauw, Peeters, Penning, van der Plas, Pols, Poort, Reijnders, Riemersma, Roelofs, Romijn, de Rooij, Rozendaal, van Schaik, Schreuder, Slot, Snijders, Spaans, Steenbergen, Stam, van der Steen, Stoffels, Swinkels, Teunissen, Thijssen, Tromp, Uijterwijk, Valk, Veldman, Verhagen, Verheul, Verkerk, Vermeer, Versteeg, Vissers, Vogel, Vonk, Vos, Vreeken, de Waal, Wagenaar, Wesselink, Wiegman, van Wijngaarden, Zandbergen, Zwart, van Zanten, van der Zee, Zuidema, van Amerongen, van Asperen, Boogaard, van den Akker, van de Kamp, van der Vlist, van den Hoek, van de Water, van der Poel, Wouters, Koenders, Bloemendaal, Verweij, van Rossum, Kloosterman, Hoogeveen, Lagerweij, van Vugt, Brink, Rijnders, van Hal, van Kampen, Langeveld, Ouwehand, Oudshoorn, Groenewegen, Bouma, van Haren, Schilder, de Kock, Kuiper, Brinkman, van Os, van der Ploeg, de Bakker, Verbruggen, Hoefnagels, van Hoof, van Lieshout, Biemans, Schellekens, van de Wiel, Smulders, Bakermans, Wijers, van Ginkel, Kroes, Dijkman, van Beelen, Jongejan, Bakx",
    ),
    ...prefixed(
      'van',
      'Aalst, Amerongen, Arkel, Asten, Baarle, Bakel, Beers, Bemmel, Berkel, Beusekom, Bladel, Boekel, Bommel, Boxtel, Brakel, Buren, Cuijk, Delft, Deursen, Dinther, Doorn, Driel, Duren, Eijk, Elst, Emmerik, Erp, Essen, Gelder, Gemert, Gennip, Geffen, Gestel, Gorkum, Grinsven, Grunsven, Haaren, Heeswijk, Helden, Hemert, Heumen, Hooff, Hoorn, Hout, Hulst, Iersel, Kempen, Kessel, Kuijk, Laar, Lent, Lier, Lith, Luijk, Maanen, Mierlo, Mil, Mourik, Nistelrooij, Noort, Nunen, Oers, Oirschot, Ommen, Oorschot, Oosterhout, Oss, Putten, Raaij, Ravenstein, Rhee, Riel, Rijen, Rijswijk, Rooij, Roosmalen, Sambeek, Santen, Schijndel, Soest, Sprang, Steenbergen, Stralen, Tiel, Uden, Velp, Vlijmen, Vught, Wanrooij, Wees, Welie, Wely, Wetten, Woerden, Zeeland, Zon, Zwieten, Bokhoven, Dorst, Eerd, Gerwen, Hapert, Hees, Keulen, Lankveld, Mook, Nes, Otterloo, Pelt, Rheenen, Tongeren, Velzen, Wageningen, Wijhe, Zundert',
    ),
    ...prefixed(
      'van den',
      'Berg, Bosch, Broek, Brink, Hoek, Heuvel, Akker, Oever, Hout, Bogaard, Boom, Bergh, Dool, Eijnde, Elzen, Hurk, Wildenberg, Nieuwenhuijzen, Borne, Hoven, Oord, Tillaart, Biggelaar, Dungen, Bogert, Boogaart',
    ),
    ...prefixed(
      'van der',
      'Meer, Veen, Heijden, Linden, Laan, Wal, Velde, Weide, Steen, Horst, Sluis, Ploeg, Poel, Zande, Vegt, Hulst, Made, Molen, Kooij, Schaaf, Stelt, Burgt, Loo, Vliet, Zwaan, Windt, Hoeven, Aa, Spek, Giessen, Maat, Zanden, Kolk, Klooster, Lugt, Valk, Wiel, Leeden',
    ),
    ...prefixed(
      'van de',
      'Ven, Wetering, Pol, Kamp, Water, Graaf, Sande, Vijver, Laar, Riet, Put, Kerkhof, Wouw, Rijt, Steeg, Voort, Mortel, Beek, Goor, Velde',
    ),
    ...prefixed('ter', 'Horst, Haar, Beek, Brugge, Veen, Steege, Meulen, Laak, Heide'),
    ...prefixed('ten', 'Bosch, Brink, Cate, Berge, Hoeve, Have, Napel, Dam'),
    ...compounds(
      'Hoogen, Groene, Ooster, Wester, Zuider, Noorder, Nieuwen, Blok, Zand, Steen, Molen, Linden, Rozen, Berken, Vlas, Broek, Kloos, Beuke',
      'huis, dijk, berg, veld, land, kamp, hof, horst, burg, wijk, brink',
    ),
    ...w(
      'Gerritsen, Hendriksen, Pietersen, Claassen, Maartens, Harmsen, Lambers, Reinders, Wiggers, Evertsen, Aartsen, Teunissen, Cornelissen, Adriaanse, Dirksen, Jacobse, Thijsen, Wijnen, Arends, Hulshof, Wessels, Lubbers, Roelofsen, Egberts, Geurts, Hoogenboom, Verbrugge, Ooms, Leijten, Vos de Wael',
    ),
    ...prefixed(
      'de',
      'Smit, Wolf, Zwart, Roos, Kruijf, Ridder, Klerk, Heer, Waard, Beer, Hoog, Kort, Wilde, Goede, Kleijn, Winter, Zeeuw, Vlaming, Haas, Weerd, Gier, Jager, Bont, Munck, Man, Ruijter, Bruin, Rijk, Laat, Pater, Korte, Reus',
    ),
  ]),
];

export const NAME_ORIGINS: readonly NameOrigin[] = [
  {
    key: 'dutch',
    weight: 68,
    male: w(
      'Jan, Peter, Hans, Marco, Erik, Richard, Patrick, Johan, Mark, Robert, Martin, Ronald, Dennis, Rob, Paul, Gerard, Edwin, Frank, Arjan, Remco, Wim, Kees, Henk, Michel, Raymond, Jeroen, Marcel, Bart, Ad, Arno, Albert, Bert, Bob, Cor, Dick, Eric, Ferry, Gert, Harm, Hugo, Ivo, Jos, Jeroen, Klaas, Leon, Maarten, Menno, Niels, Pim, Rene, Roel, Ruud, Sjaak, Ton, Theo, Vincent, Willem, Wouter, Youri, Danny, Jacco, Hendrik, Arie, Ronnie, Jan-Willem, Jan-Peter, Hans-Peter, Gerrit, Hein, Jacob, Kasper, Lodewijk, Nico, Rudolf, Sjoerd, Twan',
    ),
    female: w(
      'Sandra, Monique, Marieke, Petra, Ingrid, Miranda, Linda, Esther, Karin, Annemiek, Wendy, Anita, Jolanda, Mariska, Saskia, Angelique, Marjolein, Ellen, Yvonne, Bianca, Ilse, Judith, Carla, Diana, Anja, Astrid, Brenda, Claudia, Debby, Elly, Erica, Gerda, Hanneke, Heleen, Inge, Janine, Jacqueline, Jeanette, Kitty, Lianne, Margreet, Marian, Mirjam, Nicole, Patricia, Renate, Rianne, Simone, Tamara, Wilma, Yolanda, Anneke, Corine, Daniëlle, Ester, Gabriëlle, Anne-Marie, Marie-José, Anne-Marieke, Chris, Femmy, Gonnie, Hilde, Ineke, Jose, Karlijn, Loes, Mieke, Trudy',
    ),
    maleYoung: w(
      'Daan, Sem, Thomas, Tim, Lars, Jesse, Bram, Ruben, Niels, Kevin, Stefan, Joost, Sander, Bas, Rick, Koen, Luuk, Thijs, Mike, Jordy, Wouter, Sven, Max, Stijn, Jasper, Nick, Tom, Joris, Anton, Berend, Bjorn, Casper, Dirk, Dylan, Erwin, Floris, Frank, Gijs, Jelle, Jeffrey, Jorrit, Jeroen, Job, Kay, Len, Lucas, Mats, Melvin, Milan, Olaf, Pepijn, Quinten, Rens, Rik, Robin, Roy, Sebastiaan, Teun, Timo, Vincent, Wessel, Yannick, Pieter-Jan, Jan-Willem, Aron, Bastiaan, Boris, Coen, Daniël, Gerben, Hidde, Joep, Kasper, Maurits, Mees, Sjors, Stan, Tijmen',
    ),
    femaleYoung: w(
      'Lisa, Anouk, Femke, Sanne, Lotte, Iris, Fleur, Eva, Sophie, Laura, Kim, Demi, Britt, Romy, Esmee, Manon, Maaike, Charlotte, Nina, Julia, Noa, Zoë, Merel, Eline, Joyce, Floor, Amber, Anna, Bo, Chantal, Danique, Denise, Elise, Emma, Evelien, Fenna, Hanna, Ilona, Isa, Jasmijn, Jessica, Kirsten, Lieke, Linde, Lynn, Marloes, Maud, Melanie, Michelle, Myrthe, Nadine, Naomi, Nathalie, Rosa, Roos, Sabine, Sara, Stephanie, Tessa, Vera, Yara, Anne-Sophie, Anne-Fleur, Annabel, Babette, Carlijn, Dewi, Emmy, Fay, Ilse, Jolien, Kiki, Lara, Loes, Mila, Puck, Renske, Sterre',
    ),
    family: DUTCH_FAMILY,
  },
  {
    key: 'frisian',
    weight: 4,
    male: w(
      'Sjoerd, Wiebe, Jelle, Tjeerd, Sietse, Auke, Douwe, Hylke, Gerben, Rients, Jouke, Durk, Pieter, Hidde, Sybren, Bauke, Eelke, Fokke, Germ, Harmen, Jan, Klaas, Lolke, Oane, Pier, Rinse, Sipke, Tsjalling, Ype, Wybren',
    ),
    female: w(
      'Sjoukje, Baukje, Tjitske, Froukje, Hiske, Jeltje, Wietske, Aukje, Geeske, Marrit, Sytske, Ymkje, Janneke, Antje, Dieuwke, Doutzen, Fenna, Grietje, Hinke, Jikke, Lysbeth, Minke, Nynke, Rixt, Sjoerdtje, Tet, Wike',
    ),
    family: w(
      'Dijkstra, Hoekstra, Postma, Zijlstra, Bouma, Terpstra, Hiemstra, Veenstra, Sikkema, Kingma, Boersma, Jellema, Wiersma, Bergsma, Feenstra, Nauta, Hettema, Elzinga, de Haan, Westra, Tuinstra, van der Meer, Sijtsma, Bosma, Algra, Anema, Attema, Bakker, Bijlsma, Brouwer, Dam, Damstra, de Boer, de Vries, Faber, Haagsma, Hofstra, Hoitinga, Holwerda, Huitema, Jaarsma, Jongsma, Kooistra, Kuipers, Lautenbach, Meinsma, Miedema, Nieuwenhuis, Oosterhof, Osinga, Rienstra, Rijpma, Schaafsma, Sinnema, Spoelstra, Tilma, Visser, Wagenaar, Wijbenga, Yntema, Zandstra',
    ),
  },
  {
    key: 'moroccan',
    weight: 5,
    male: w(
      'Mohamed, Youssef, Khalid, Said, Rachid, Hamza, Bilal, Soufiane, Anouar, Ayoub, Mounir, Ilias, Nordin, Karim, Adil, Mustapha, Othman, Zakaria, Abdelkader, Achraf, Ayman, Driss, Hicham, Ibrahim, Jamal, Mohammed, Nabil, Redouan, Samir, Tarik, Yassine, Younes, Mimoun, Brahim, Hassan, Abdelhak, Amin, Omar, Ismail',
    ),
    female: w(
      'Fatima, Naima, Samira, Khadija, Loubna, Nadia, Sanae, Ikram, Hanan, Soumaya, Yasmina, Malika, Imane, Salma, Hajar, Nora, Asmae, Bouchra, Dounia, Ghizlane, Hafsa, Houda, Jamila, Karima, Latifa, Meryem, Naoual, Rajae, Siham, Wafae, Zineb, Amal, Hayat, Rachida, Fouzia, Sara, Yousra',
    ),
    family: w(
      'el Amrani, el Idrissi, el Haddouchi, el Khattabi, el Ouahabi, el Bouzidi, el Hamdaoui, el Kaddouri, el Mansouri, el Yassini, el Messaoudi, el Boujdaini, el Harchaoui, el Hadioui, el Ouazghari, Benali, Bouzid, Ouali, Aziz, Boukhari, Azzouzi, Chaibi, Tahiri, Ziani, Belhadj, Bakkali, Amezian, Achahbar, Haddou, Benaissa, Ait Taleb, Ait Hammou, Bouchtaoui, Marzouki, Ajouaou, Aarab, Abbou, Abdellaoui, Adnani, Ahmidi, Akkouh, Alaoui, Aouragh, Azarkan, Belkadi, Ben Said, Benhaddou, Boujnah, Boukhriss, Bouazza, Chakir, Chaouch, Daoudi, Ennaji, Fadili, Hajji, Kaddouri, Lamrani, Machrouh, Meziane, Naciri, Ouazzani, Rahmouni, Saidi, Tounsi, Yahyaoui, Zerouali, Amraoui, Boulahrouz, Mouhani',
    ),
  },
  {
    key: 'turkish',
    weight: 5,
    male: w(
      'Mehmet, Mustafa, Ahmet, Emre, Burak, Murat, Serkan, Hakan, Kemal, Okan, Erkan, Tolga, Cem, Onur, Yusuf, Furkan, Bülent, Ali, Barış, Can, Deniz, Emin, Engin, Ercan, Fatih, Gökhan, Hasan, İbrahim, Kaan, Levent, Oğuz, Ömer, Osman, Selim, Sinan, Tayfun, Volkan, Yasin, Halil',
    ),
    female: w(
      'Ayşe, Fatma, Elif, Zeynep, Emine, Merve, Büşra, Esra, Derya, Özlem, Gülşen, Sevgi, Hatice, Songül, Ebru, Selin, Aylin, Banu, Burcu, Canan, Dilek, Esma, Filiz, Gamze, Hülya, İlknur, Kübra, Melek, Nur, Pınar, Seda, Serpil, Tuba, Yasemin, Zehra, Sibel, Nazlı',
    ),
    family: w(
      'Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Korkmaz, Erdoğan, Güneş, Aktaş, Bulut, Karaca, Tekin, Acar, Akın, Altun, Ateş, Avcı, Aydoğan, Balcı, Başaran, Bayram, Coşkun, Duman, Eren, Erdem, Güler, Gündoğdu, Işık, Keskin, Kocabaş, Metin, Oral, Özer, Özgür, Sarı, Sevim, Taş, Temiz, Turan, Uçar, Ünal, Uysal, Yalçın, Yavuz, Yücel, Zengin, Dursun, Kaplan, Karakaya, Özbek, Sönmez, Toprak',
    ),
  },
  {
    key: 'surinamese',
    weight: 5,
    male: w(
      'Rajesh, Anand, Sunil, Ravi, Dinesh, Ricardo, Romano, Clarence, Glenn, Orlando, Marvin, Errol, Sergio, Navin, Roy, Stanley, Ashwin, Deepak, Krishna, Mahesh, Prakash, Rakesh, Satish, Vikash, Winston, Humphrey, Ryan, Edgar, Jerrel, Kenneth, Sonny, Radjesh, Soeresh, Gerold, Iwan, Purcy',
    ),
    female: w(
      'Shanti, Priya, Sharda, Reshma, Sunita, Anjali, Ashanti, Chantal, Gracia, Jennifer, Rowena, Sharon, Natasha, Sarita, Denise, Chandra, Devika, Kavita, Nisha, Radha, Rekha, Savitri, Usha, Vanessa, Sheila, Jacintha, Glenda, Miriam, Suzanne, Rachna, Ranjana, Giovanna, Ilse, Kimberley',
    ),
    family: w(
      'Ramdin, Jagesar, Ramautar, Sewdien, Baldewsingh, Mahabier, Ramsaran, Bissessar, Soekhai, Kalloe, Sitaldin, Dwarkasing, Sedney, Pinas, Wijngaarde, Doelwijt, Fränkel, Pengel, Linger, Tjon A Fong, Esajas, Zaandam, Karsters, Sabajo, Amatmoekrim, Kasanmoesdiran, Sastro, Lie A Kwie, Bhagwandin, Chotkan, Dewnarain, Gangaram, Hanoeman, Jadnanansing, Kanhai, Lachman, Mangroe, Mohan, Nandlal, Oedit, Persad, Rambaran, Ramcharan, Ramkisoen, Sardjoe, Sital, Tewari, Soekarman, Kartosen, Atmodikoro, Moestadja, Sarmo, Bijlhout, Brunings, Comvalius, Deekman, Eersel, Gefferie, Haakmat, Kruisland, Naarendorp, Nelom, Oostburg, Redmond, Sommeling, Veira, Waaldijk, Kross, Ooft, Tjin-Kon-Fat',
    ),
  },
  {
    key: 'antillean',
    weight: 2,
    male: w(
      'Jurandy, Shurandy, Jairo, Kemy, Ruthmilo, Giandro, Rignald, Ethson, Roderick, Jeffrey, Edsel, Ryangelo, Angelo, Carlos, Dayron, Dwight, Everon, Gregory, Jeandro, Julio, Luigi, Rudsel, Sidney, Urvin, Vurnon, Zeljko, Gilbert, Raymond',
    ),
    female: w(
      'Shudaysa, Jusmarie, Gisella, Suhaily, Rachelle, Jeanine, Yaritza, Quenty, Shirley, Gregorina, Diandra, Angelina, Christel, Dyanne, Elvira, Gabriela, Lisandra, Marisol, Natasja, Sheryl, Tamara, Yaniska, Zuleika, Milouska, Sherida, Desiree',
    ),
    family: w(
      'Martina, Isenia, Maduro, Rosaria, Statia, Pietersz, Cijntje, Girigorie, Schotborgh, Winklaar, Bernadina, Koolman, Janga, Raveneau, Sulvaran, Croes, Tromp, Wever, Kock, Felida, Leito, Coffie, de Windt, Richardson, Anthony, Arrindell, Beaujon, Boekhoudt, Cornelia, Daal, Doran, Elhage, Frans, Gouverneur, Hooi, Juliana, Lourens, Marchena, Mercelina, Obispo, Paulina, Pinedo, Rojer, Rosalia, Silberie, Thode, Victoria, Zimmerman, Vanterpool, Hodge, Maynard, Peterson, Wout, Rosario, Brion',
    ),
  },
  {
    key: 'indonesian',
    weight: 3,
    male: w(
      'Rudy, Ricky, Ronald, Indra, Jacky, Marlon, Bayu, Edwin, Johnny, Frans, Budi, Glenn, Agus, Benny, Eddy, Hendra, Jopie, Nico, Robby, Sonny, Wim, Yos, Boy, Teddy',
    ),
    female: w(
      'Dewi, Ratna, Sari, Wulan, Natalie, Melissa, Lia, Yvette, Astrid, Maria, Indah, Melati, Ina, Nining, Putri, Rini, Sinta, Tanja, Wati, Carla, Hetty, Jolanda, Nelly, Poppy',
    ),
    family: w(
      'Tahapary, Pattiasina, Manuputty, Latuheru, Sahetapy, Lekatompessy, Matulessy, Wattimena, Soplanit, Pesulima, Nanlohy, Lawalata, Pattipeilohy, Siswojo, Simatupang, Tan, Liem, Kasiem, van der Kroef, Ruyters, Hukom, Leiwakabessy, Hattu, Tuhuteru, Lesilolo, Sapulette, Pattiwael, Latumahina, Manusama, Tanamal, Ririmasse, Lopulalan, Huwae, Noya, Titaley, Tehupeiory, Kakiay, Sopacua, Wairata, Loppies, Pelupessy, Muskita, Gaspersz, Pattikawa, Kho, Oei, Tjoa, Soerjadi, Moestadjab, Sidharta, Wibowo, Kusuma, Gunawan, Boelen, de Fretes, Bernardus',
    ),
  },
  {
    key: 'polish',
    weight: 2,
    gendered: true,
    male: w(
      'Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Łukasz, Jakub, Kamil, Mateusz, Bartosz, Dawid, Adam, Andrzej, Damian, Grzegorz, Jan, Janusz, Karol, Maciej, Przemysław, Rafał, Sebastian, Szymon, Wojciech',
    ),
    female: w(
      'Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Monika, Aleksandra, Natalia, Karolina, Agata, Marta, Ewa, Beata, Dorota, Elżbieta, Iwona, Justyna, Kinga, Małgorzata, Paulina, Sylwia, Weronika, Zofia, Barbara',
    ),
    family: w(
      'Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Wojciechowski, Kaczmarek, Zając, Król, Wieczorek, Jabłoński, Wróbel, Majewski, Olszewski, Stępień, Malinowski, Jaworski, Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Walczak, Sikora, Baran, Rutkowski, Michalski, Szewczyk, Ostrowski, Tomaszewski',
    ),
  },
  {
    key: 'german-belgian',
    weight: 2,
    male: w(
      'Lukas, Jonas, Stefan, Matthias, Wouter, Pieter-Jan, Dieter, Kristof, Andreas, Bram, Christian, Filip, Jens, Jürgen, Klaus, Michael, Ruben, Thomas, Tobias, Wim',
    ),
    female: w(
      'Lena, Katrin, Sabine, Annelies, Griet, Leen, Jana, Anke, Birgit, Charlotte, Eline, Heike, Julia, Kathleen, Lotte, Nathalie, Silke, Sofie',
    ),
    family: w(
      'Müller, Schneider, Fischer, Weber, Becker, Peeters, Janssens, Claes, Maes, Goossens, De Smet, Wouters, Hoffmann, Schäfer, Koch, Richter, Wagner, Schulz, Klein, Wolf, Neumann, Schwarz, Vandenberghe, Mertens, Willems, Dubois, Lambert, Vermeulen, De Backer, Van Damme, Verstraete, Hermans',
    ),
  },
  {
    key: 'capeverdean-portuguese',
    weight: 1,
    male: w(
      'João, Nuno, Carlos, Ivanildo, Paulo, Edson, António, Bruno, Hélder, Jorge, Luís, Miguel, Pedro, Rui, Tiago',
    ),
    female: w(
      'Ana, Sofia, Carla, Ivone, Patrícia, Inês, Beatriz, Catarina, Daniela, Filipa, Joana, Mariana, Sara',
    ),
    family: w(
      'Lopes, Fernandes, Tavares, Monteiro, da Silva, dos Santos, Gomes, Pereira, Semedo, Rodrigues, Almeida, Barbosa, Cardoso, Correia, da Costa, Delgado, Fortes, Moreira, Mendes, Pires, Ramos, Soares, Varela, Vieira',
    ),
  },
  {
    key: 'west-african',
    weight: 1,
    male: w(
      'Kwame, Kofi, Kwabena, Yaw, Emmanuel, Samuel, Chidi, Kwaku, Kojo, Prince, Daniel, Isaac, Obinna, Seun, Tunde',
    ),
    female: w(
      'Ama, Efua, Akosua, Abena, Grace, Adwoa, Akua, Esther, Gifty, Mercy, Ngozi, Priscilla, Yaa',
    ),
    family: w(
      'Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Danso, Okafor, Adjei, Amoah, Acheampong, Addo, Asamoah, Badu, Frimpong, Gyamfi, Nkrumah, Ofori, Opoku, Sarpong, Adeyemi, Okonkwo, Eze',
    ),
  },
  {
    key: 'chinese-vietnamese',
    weight: 1,
    male: w(
      'Wei, Jun, Kai, Minh, Duc, Long, Jimmy, Kevin, Hao, Jian, Ming, Quang, Tuan, Vinh, Bao',
    ),
    female: w('Li Na, Mei, Xiu, Hoa, Lan, Linh, Jenny, Anh, Hong, Lian, Mai, Thu, Ying, Yan'),
    family: w(
      'Chen, Wong, Li, Zhang, Cheung, Lin, Chan, Nguyen, Tran, Pham, Le, Hoang, Huang, Wu, Zhou, Lam, Leung, Ho, Yeung, Vu, Dang, Bui, Do, Ngo',
    ),
  },
  {
    key: 'middle-eastern-east-african',
    weight: 1,
    male: w(
      'Omar, Ahmad, Ali, Farhan, Hassan, Tariq, Mahmoud, Abdirahman, Yonas, Amir, Bashar, Dawit, Faisal, Hamid, Kamal, Mohammad, Nasir, Reza, Samer, Yasin',
    ),
    female: w(
      'Layla, Rania, Dunya, Amina, Hana, Maryam, Ifrah, Semhar, Aisha, Fatemeh, Hiba, Lina, Nour, Reem, Sahar, Yasmin, Zainab',
    ),
    family: w(
      'al-Hassan, Haddad, Khalil, Nasser, Ahmadi, Hosseini, Rahimi, Farah, Abdi, Warsame, Tesfay, Haile, al-Rashid, Abbas, Aziz, Darwish, Hamdan, Ibrahim, Jaber, Karimi, Mansour, Mohammadi, Najjar, Rezaei, Saleh, Samadi, Yusuf, Tekle, Gebremedhin, Mohamud',
    ),
  },
];
