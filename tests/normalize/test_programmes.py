"""Tests for sci_diplo.normalize.programmes: named programmes found by the shape of names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize.programme_words import programme_words
from sci_diplo.normalize.programmes import find_programmes, normalize_name, programme_key
from sci_diplo.normalize.types import CATEGORIES


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.category) for m in find_programmes(text)]


# One row per form: sentence, expected (name, category) pairs in text order.
FIND_CASES = [
    # agreements, accords, protocols
    ("Both sides renewed the Sino-Brazilian Agreement on Scientific Cooperation in May.",
     [("Sino-Brazilian Agreement on Scientific Cooperation", "agreement")]),
    ("The Kyoto Protocol, the Paris Agreement and the Montreal Protocol were cited.",
     [("Kyoto Protocol", "agreement"), ("Paris Agreement", "agreement"),
      ("Montreal Protocol", "agreement")]),
    ("Officials praised the Canada-Chile Clean Technology Accord on Monday.",
     [("Canada-Chile Clean Technology Accord", "agreement")]),
    # a field after a lower-case "cooperation"; a school of two partners, in a field but not in a place
    ("The Cabinet approved the Memorandum of Understanding between India and Chile on cooperation in "
     "Astronomy, Astrophysics and Polar Sciences.",
     [("Memorandum of Understanding between India and Chile on cooperation in Astronomy, Astrophysics and "
       "Polar Sciences", "mou")]),
    ("The Kenya–Peru Agreement on cooperation with partners was renewed.", [("Kenya–Peru Agreement", "agreement")]),
    ("The India–Chile Summer School in Astronomical Instrumentation meets in Santiago; the India–Chile Winter "
     "School in Santiago too. She studied at Harvard Medical School.",
     [("India–Chile Summer School in Astronomical Instrumentation", "programme"),
      ("India–Chile Winter School", "programme")]),
    # a bracketed name of another kind is another programme; three partners make a consortium's name
    ("Co-PI, UK–Ethiopia Gully Erosion Project (Newton Fund), and the UK–Ghana–South Africa Drought Early "
     "Warning Consortium.",
     [("UK–Ethiopia Gully Erosion Project", "project"), ("Newton Fund", "fund"),
      ("UK–Ghana–South Africa Drought Early Warning Consortium", "initiative")]),
    # a tab parts a table's cells
    ("Ref\tProject\tKenya–Peru Joint Laboratory on Soils\tActive", [("Kenya–Peru Joint Laboratory on Soils", "joint_lab")]),
    # a place's possessive after a connector is where it is, not its name's
    ("The Lüderitz Solar Furnace Test Facility on Namibia's Atlantic coast and the Agreement on Women's Health.",
     [("Lüderitz Solar Furnace Test Facility", "facility"), ("Agreement on Women's Health", "agreement")]),
    ("Main item: signing of the Kenya–Finland MoU on Peatland Research on Thu 14/03 in Nairobi.",
     [("Kenya–Finland MoU on Peatland Research", "mou")]),  # a weekday's abbreviation is a date's
    ("They recalled the Agreement between the Government of Kenya and the Government of Japan "
     "on Cooperation in Geothermal Research, signed in 2009.",
     [("Agreement between the Government of Kenya and the Government of Japan on Cooperation "
       "in Geothermal Research", "agreement")]),
    # treaties and conventions
    ("The Treaty on the Non-Proliferation of Nuclear Weapons entered into force in 1970.",
     [("Treaty on the Non-Proliferation of Nuclear Weapons", "treaty")]),
    ("The Peru-Bolivia Treaty of Friendship and Scientific Exchange was ratified.",
     [("Peru-Bolivia Treaty of Friendship and Scientific Exchange", "treaty")]),
    ("The Convention on Biological Diversity meets every two years.",
     [("Convention on Biological Diversity", "treaty")]),
    # memoranda
    ("The ministries signed a Memorandum of Understanding on Marine Science Cooperation.",
     [("Memorandum of Understanding on Marine Science Cooperation", "mou")]),
    ("Egypt and Sudan signed a Memorandum of Understanding last week.", []),
    ("The Vietnam-Laos MoU covers water data.", [("Vietnam-Laos MoU", "mou")]),
    # plans and strategies
    ("The 14th Five-Year Plan (2021-2025) sets new research targets.",
     [("14th Five-Year Plan", "plan")]),
    ("Ghana adopted the National Digital Health Strategy in 2022.",
     [("National Digital Health Strategy", "plan")]),
    ("Members endorsed the Mekong Science, Technology and Education Cooperation Action Plan today.",
     [("Mekong Science, Technology and Education Cooperation Action Plan", "plan")]),
    ("The 2030 Agenda for Sustainable Development frames the goals.",
     [("2030 Agenda for Sustainable Development", "plan")]),
    # programmes
    ("The lab joined the Integrated Arctic Drilling Program (IADP) in 2015.",
     [("Integrated Arctic Drilling Program", "programme")]),
    ("Under the Horizon 2020 Programme, the EU funded 300 projects.",
     [("Horizon 2020 Programme", "programme")]),
    ("The Young Innovators Program of NSFC supported 40 scholars.",
     [("Young Innovators Program", "programme")]),
    ("The India-Japan Year of Science and Innovation closed in December.",
     [("India-Japan Year of Science and Innovation", "programme")]),
    # funds
    ("Grants came from the Nordic-Baltic Research Partnership Fund "
     "(the Nordic Council's Baltic Fund).",
     [("Nordic-Baltic Research Partnership Fund", "fund")]),
    # initiatives
    ("The Global Development Initiative (GDI) was proposed in 2021.",
     [("Global Development Initiative", "initiative")]),
    ("Thirty countries joined the Initiative for Digital Silk Road Partnership on 5G Cooperation "
     "to share data.",
     [("Initiative for Digital Silk Road Partnership on 5G Cooperation", "initiative")]),
    # centres and joint labs
    ("The Brazil-China Center for Climate & Space Weather opened in 2014.",
     [("Brazil-China Center for Climate & Space Weather", "centre")]),
    ("The China-Pakistan Joint Laboratory on Smart Agriculture was inaugurated.",
     [("China-Pakistan Joint Laboratory on Smart Agriculture", "joint_lab")]),
    ("The Sino-German Center for Research Promotion funds workshops.",
     [("Sino-German Center for Research Promotion", "centre")]),
    ("The Kenya-China Joint Research Center for Water Resources was set up in Nairobi.",
     [("Kenya-China Joint Research Center for Water Resources", "centre")]),
    # dialogues and conferences
    ("Delegates met for the third session of the Egypt-Japan Joint Committee on Science and Technology.",
     [("Egypt-Japan Joint Committee on Science and Technology", "dialogue")]),
    ("The Sino–Italian Joint Commission approved 12 projects.", [("Sino–Italian Joint Commission", "dialogue")]),
    ("They opened the Ghana-China Joint Laboratory on Crop Genomics in Ghana last year.",
     [("Ghana-China Joint Laboratory on Crop Genomics", "joint_lab")]),
    ("The Sino-Brazil Centre for Research in Climate Science in Sao Paulo opened.",
     [("Sino-Brazil Centre for Research in Climate Science", "centre")]),
    ("Wang Li, director of the Chile-China Joint Research Center for Astronomy, spoke.",
     [("Chile-China Joint Research Center for Astronomy", "centre")]),
    ("Both joined the Kenyan–Dutch Water Research Alliance in 2019.",
     [("Kenyan–Dutch Water Research Alliance", "initiative")]),
    ("Five stations joined the Mekong Joint Sediment Monitoring Network.",  # a joint network of one region
     [("Mekong Joint Sediment Monitoring Network", "initiative")]),
    # a joint call or survey, or one of two partners; a call keeps its year
    ("The BIOPAS-2025 Joint Call opens in May; this year the Joint Antarctic Krill Survey ran.",
     [("BIOPAS-2025 Joint Call", "programme"), ("Joint Antarctic Krill Survey", "project")]),
    ("TRI-WEF Joint Call 2026 — Frequently Asked Questions", [("TRI-WEF Joint Call 2026", "programme")]),
    ("The Korea–Norway Seabed Survey began.", [("Korea–Norway Seabed Survey", "project")]),
    # a place's name with a small word inside it
    ("Delegates met at the 4th Dar es Salaam Vector Biology Forum and the Rio de Janeiro Climate Summit.",
     [("4th Dar es Salaam Vector Biology Forum", "conference"), ("Rio de Janeiro Climate Summit", "conference")]),
    # a column of years above a table's row is no part of the name in it
    ("Programme line                              2024        2023\nDanube Research Fellowships         11,482",
     [("Danube Research Fellowships", "programme")]),
    # a place before "of the" is no person's workplace
    ("Decides to approve the establishment in Tashkent, Uzbekistan, of the International Centre for Glacier "
     "Research (ICGR) as a category 2 centre.", [("International Centre for Glacier Research", "centre")]),
    ("They set up the Andean Glacier Monitoring Network (RAMG, for its Spanish initials).",
     [("Andean Glacier Monitoring Network", "initiative")]),
    ("The Leeds–Lyon Advanced Materials Partnership funds five posts.",
     [("Leeds–Lyon Advanced Materials Partnership", "initiative")]),
    ("The Chile–Peru PacificEye Constellation will carry six satellites.",
     [("Chile–Peru PacificEye Constellation", "project")]),
    ("Beams come from the Lund Compact Neutron Source (LCNS).", [("Lund Compact Neutron Source", "facility")]),
    ("The Asia–Pacific Science Ministers’ Dialogue meets in May.",
     [("Asia–Pacific Science Ministers’ Dialogue", "dialogue")]),
    ("The Ghana–Côte d'Ivoire Cocoa Science Agreement took effect.",
     [("Ghana–Côte d'Ivoire Cocoa Science Agreement", "agreement")]),
    ("Money came from the Baltic Sea Partnership Fund. It paid out.", [("Baltic Sea Partnership Fund", "fund")]),
    ("Papers go to the 12th Asian Fisheries Science Congress in Perth.",
     [("12th Asian Fisheries Science Congress", "conference")]),
    ("The Fourth World Congress of Science Journalists met.", [("Fourth World Congress of Science Journalists", "conference")]),
    # a place after the name is not part of it: a capital city, a country; nor are the
    # parties after the subject of a memorandum
    ("The UAE-Korea Joint Laboratory on Advanced Semiconductor Materials in Abu Dhabi opened.",
     [("UAE-Korea Joint Laboratory on Advanced Semiconductor Materials", "joint_lab")]),
    # a place named with "of" opens a name; another "of" ends the words before it
    ("The Gulf of Guinea Maritime Research Consortium (GGMRC) met.",
     [("Gulf of Guinea Maritime Research Consortium", "initiative")]),
    ("The Ministry of Science Research Plan was out.", [("Science Research Plan", "plan")]),
    # a plan to the end of the century; a yearly or numbered meeting; a bilateral call
    ("It follows the Mekong Delta Plan 2100.", [("Mekong Delta Plan 2100", "plan")]),
    ("Results go to the KJRP Annual Meeting, not the Annual Meeting of the board.",
     [("KJRP Annual Meeting", "conference")]),
    ("The 4th ANDICE General Assembly met; the UN General Assembly did not.", [("4th ANDICE General Assembly", "conference")]),
    ("The Chilean–Korean Joint Research Call opened; the Research Call closed.",
     [("Chilean–Korean Joint Research Call", "programme")]),
    # an exchange of two partners or with an acronym; not a stock exchange
    ("The UK–Japan Fusion Skills Exchange and the Kenyan Researcher Exchange (KRE) run; the London Stock "
     "Exchange (LSE) and the London Metal Exchange (LME) fell, and the China–Africa Exchange of ideas went on.", [("UK–Japan Fusion Skills Exchange", "programme"), ("Kenyan Researcher Exchange", "programme")]),
    # the states' formal names are a formal title's parties
    ("They signed the Framework Agreement on Marine Science between the Sultanate of Oman and the United Republic "
     "of Tanzania.", [("Framework Agreement on Marine Science between the Sultanate of Oman and the United Republic "
                       "of Tanzania", "agreement")]),
    ("The Sino-Tanzanian Joint Laboratory for Coral Reef Science in Mtwara opened.",
     [("Sino-Tanzanian Joint Laboratory for Coral Reef Science", "joint_lab")]),  # a town, not a capital
    # ... but a field after "in" is: after a word that takes one, or looking like one
    ("The Joint Centre for Flood Forecasting in Coastal Hydrology opened.",
     [("Joint Centre for Flood Forecasting in Coastal Hydrology", "centre")]),
    ("The Joint Laboratory for Marine Science in Extreme Environments and the Centre for Human Rights in Africa "
     "opened.", [("Joint Laboratory for Marine Science in Extreme Environments", "joint_lab"),
                 ("Centre for Human Rights in Africa", "centre")]),  # a setting or a region
    # (so a town after such a word stays: a limit of the rule, which knows no towns)
    ("The Sino-German Centre for Research in Nanjing opened.", [("Sino-German Centre for Research in Nanjing", "centre")]),
    ("They signed the Memorandum of Understanding on Marine Science between Portugal and Cape Verde.",
     [("Memorandum of Understanding on Marine Science", "mou")]),
    ("They signed the Memorandum of Understanding between Portugal and Cape Verde.",
     [("Memorandum of Understanding between Portugal and Cape Verde", "mou")]),
    # ... except the governments of a formal title
    ("The Duma ratified the Agreement on Cooperation in Science between the Government of the Russian "
     "Federation and the Government of the Republic of Mali, signed in 2023.",
     [("Agreement on Cooperation in Science between the Government of the Russian Federation and the "
       "Government of the Republic of Mali", "agreement")]),
    # a centre of studies of two partners is theirs
    ("The China-Africa Centre for Development Studies opened.", [("China-Africa Centre for Development Studies", "centre")]),
    # a head after "and the" opens the next name; after a bare "and" it is the name's own
    ("It set up the Kenya-Japan Joint Laboratory for Marine Science and the Kenya-China Joint Laboratory "
     "on Geothermal Energy.", [("Kenya-Japan Joint Laboratory for Marine Science", "joint_lab"),
                               ("Kenya-China Joint Laboratory on Geothermal Energy", "joint_lab")]),
    # a consortium with an acronym or a pair of partners; plural fellowships
    ("The Tri-Nation Chiplet Research Consortium (TNCRC) funds the Polar Early Career Fellowships.",
     [("Tri-Nation Chiplet Research Consortium", "initiative"), ("Polar Early Career Fellowships", "programme")]),
    # the parties after the subject of any name are no part of it
    ("They signed the Executive Programme of Scientific Cooperation between Italy and Tunisia.",
     [("Executive Programme of Scientific Cooperation", "programme")]),
    # a version number inside a name, not before it
    ("The India–Japan Track 1.5 Dialogue on Critical Minerals Science met; grants of 1.5 Joint Laboratory staff.",
     [("India–Japan Track 1.5 Dialogue on Critical Minerals Science", "dialogue")]),
    # a kind of source names a facility; a venue or an office is none
    ("Indian teams may book beamtime at the Cheshire Light Source.", [("Cheshire Light Source", "facility")]),
    ("The forum meets at the Ikirezi Convention Hall, beside the Kigali Convention Centre; contact the "
     "Media Centre.", []),
    # a plan's year after its head is part of its name; a vision or a concept needs one
    ("It follows the UK–India Research Roadmap 2035, agreed in 2021, and the Africa Strategy 2021–2025.",
     [("UK–India Research Roadmap 2035", "plan"), ("Africa Strategy 2021–2025", "plan")]),
    ("Both serve Agenda 2063 and Saudi Vision 2030.", [("Agenda 2063", "plan"), ("Saudi Vision 2030", "plan")]),
    # a programme's name holds the span of years after its head; not an edition's year, nor a table's column
    ("It covers the Work Programme 2023–2026 and the Fellowship Programme 2024 call.\nProgram      2024–25     2025–26",
     [("Work Programme 2023–2026", "programme"), ("Fellowship Programme", "programme")]),
    ("Moscow adopted the Scientific Leadership 2030 Concept.", [("Scientific Leadership 2030 Concept", "plan")]),
    ("The AU–EU Research Infrastructure Compact was signed.", [("AU–EU Research Infrastructure Compact", "agreement")]),
    # plural accords; a telescope array
    ("The Artemis Accords have been signed by 40 countries.", [("Artemis Accords", "agreement")]),
    ("The Square Kilometre Array (SKA) is being built.", [("Square Kilometre Array", "facility")]),
    # a campaign with a pair of partners or an acronym; a cooperation outline of a pair; not an election's
    ("The Korea–Norway Transpolar Drift Campaign and the China-Kazakhstan Space Cooperation Outline for 2025-2030 "
     "began; the 2024 Election Campaign ended.",
     [("Korea–Norway Transpolar Drift Campaign", "project"), ("China-Kazakhstan Space Cooperation Outline", "plan")]),
    # a treaty's formal title of nine segments
    ("The Agreement between the Government of the People's Republic of China and the Government of the Republic of "
     "Kazakhstan on Cooperation in the Field of Space Science and the Peaceful Use of Outer Space was signed.",
     [("Agreement between the Government of the People's Republic of China and the Government of the Republic of "
       "Kazakhstan on Cooperation in the Field of Space Science and the Peaceful Use of Outer Space", "agreement")]),
    # a joint working group of two partners; "and" before a possessive ends a tail
    ("The New Zealand–Tonga Joint Science Working Group backs the 2050 Strategy for the Blue Pacific Continent "
     "and Tonga's own plan; the IPCC Working Group met.",
     [("New Zealand–Tonga Joint Science Working Group", "dialogue"), ("2050 Strategy for the Blue Pacific Continent", "plan")]),
    # (probed) a lone acronym before "project" is no name: an organisation's as often as a project's
    ("The COASTLINK project and the ATLAS-SD project ended; the EUMETSAT project and the NASA project did not.", []),
    # a possessive after "and" ends a tail only when it names a place, and not among parties
    ("The Global Strategy for Women's and Children's Health and the Agreement between Canada and Mexico's Ministry "
     "of Science stand.",
     [("Global Strategy for Women's and Children's Health", "plan"),
      ("Agreement between Canada and Mexico's Ministry of Science", "agreement")]),
    # a call of two partners, countries or unions; not a ticket's, nor a call with no partners
    ("RPF opened the Finland–Chile Astro-Data Call and the EU–Brazil Ocean Partnership Call 2022; the Call for "
     "Papers and the Biden–Harris Call closed.",
     [("Finland–Chile Astro-Data Call", "programme"), ("EU–Brazil Ocean Partnership Call 2022", "programme")]),
    # a record's title and scheme fields name a project and a programme, its acronym field the alias;
    # not a person's title or name, a sentence, nor a title outside a record
    ("Project ID: EPG-2023-00418\nTitle: Upwelling Observatories for South Atlantic Small-Scale Fisheries\n"
     "Acronym: UPSAF\nFunding scheme: EU–LAC Raw Materials Twinning\nStart date: 2023-04-01\n",
     [("Upwelling Observatories for South Atlantic Small-Scale Fisheries", "project"),
      ("EU–LAC Raw Materials Twinning", "programme")]),
    ("Project ID: 12\nName: Jane Doe\nTitle: Associate Professor\nTitle: the role of soils in carbon storage\n", []),
    ("Book review\nTitle: A History of Science Diplomacy\nAuthor: J. Smith\n", []),
    # (probed) an organisation's or a ticket's campaign is none
    ("The Treatment Action Campaign (TAC) and the Biden–Harris Campaign spoke.", []),
    # a series of publications is no programme; a series of interviews is
    ("It is in the United Nations Treaty Series and the Working Paper Series, after the Ambassador Interview Series.",
     [("Ambassador Interview Series", "other")]),
    # a meeting's body after "of" is part of its name; a fund's owner is not; a venue's line ends a name
    ("The 9th Ministerial Meeting of the Black Sea Council for Science and Technology\nBatumi, Georgia, 13–14 "
     "November 2025\nThe Fund of the American Association for Science opened.",
     [("9th Ministerial Meeting of the Black Sea Council for Science and Technology", "conference")]),
    # a numbered meeting, like a numbered congress
    ("Thailand hosted the 10th ASEAN-China Science and Technology Ministers' Meeting on 12 May.",
     [("10th ASEAN-China Science and Technology Ministers' Meeting", "conference")]),
    ("In June, the fourth round of the EU-India Strategic and Economic Dialogue ended.",
     [("EU-India Strategic and Economic Dialogue", "dialogue")]),
    ("The 2022 China-ASEAN Innovation Cooperation Forum opened in Nanning.",
     [("2022 China-ASEAN Innovation Cooperation Forum", "conference")]),
    ("He spoke at the Tenth Annual Conference on Science and Diplomacy for 2019 held in Vienna.",
     [("Tenth Annual Conference on Science and Diplomacy", "conference")]),
    ("Leaders met at the G20 Summit in Bali.", [("G20 Summit", "conference")]),
    # projects and facilities
    ("Europe leads the International Fusion Materials Irradiation Project (IFMIP).",
     [("International Fusion Materials Irradiation Project", "project")]),
    ("Twelve nations back the European Spallation Experimental Reactor (ESER).",
     [("European Spallation Experimental Reactor", "project")]),
    ("Data come from the Global Ocean Observing System (GOOS) and buoys.",
     [("Global Ocean Observing System", "project")]),
    ("The Global Ocean Observing System grew.", []),
    ("The Atacama Large Millimeter Array Observatory is in Chile.",
     [("Atacama Large Millimeter Array Observatory", "facility")]),
    ("The Thirty Meter Telescope (TMT) faces delays.", [("Thirty Meter Telescope", "facility")]),
    ("Rockets lift off from the Xichang Satellite Launch Center in Sichuan.",
     [("Xichang Satellite Launch Center", "facility")]),
    ("The International Lunar Research Station will be built jointly.",
     [("International Lunar Research Station", "facility")]),
    ("China's Chang'e-6 Mission returned samples.", [("Chang'e-6 Mission", "project")]),
    # other
    ("She shared the Lasker Prize in Basic Medical Research with two colleagues.",
     [("Lasker Prize in Basic Medical Research", "other")]),
    # leading "The" dropped, sentence start
    ("The Tibet Cosmic Neutrino Observatory, a cooperation between two countries, opened.",
     [("Tibet Cosmic Neutrino Observatory", "facility")]),
    # hyphenated pairs with dots and dashes, ordinals
    ("The U.K.–India Science and Innovation Council Plan was agreed.",
     [("U.K.–India Science and Innovation Council Plan", "plan")]),
    ("China's 13th Five-Year Plan ended in 2020.", [("13th Five-Year Plan", "plan")]),
    ("the U.S.–Mexico Clean Water Research Center, a bilateral hub, closed.",
     [("U.S.–Mexico Clean Water Research Center", "centre")]),
    # headings: a name starts after a headline verb or at an ordinal
    ("Chile, Japan Hold 3rd Astronomy Cooperation Dialogue\n\nThe talks ended.",
     [("3rd Astronomy Cooperation Dialogue", "dialogue")]),
    ("India Unveils Deep Ocean Mission\n", [("Deep Ocean Mission", "project")]),
    # a suspended hyphen inside a name; a short line (masthead) before a line break
    ("It drafted the National Medium- and Long-Term Program for Marine Science Development.",
     [("National Medium- and Long-Term Program for Marine Science Development", "programme")]),
    ("WEEKLY EDITION\nKenya-Uganda Science Plan was signed.",
     [("Kenya-Uganda Science Plan", "plan")]),
    ("x" * 80 + " the Kenya-Uganda Science and\nTechnology Partnership Plan was signed.",
     [("Kenya-Uganda Science and Technology Partnership Plan", "plan")]),
    ("Peru also joined the Andean Co-funding Mechanism in 2020.",
     [("Andean Co-funding Mechanism", "programme")]),
    # "for", "in", "on" between capitalised words of a name
    ("Kenya joined the Science for Africa Initiative in 2020.", [("Science for Africa Initiative", "initiative")]),
    ("Ghana hosts the Women in Science Programme.", [("Women in Science Programme", "programme")]),
    # ... but not "of" (a person of an organisation), nor "in" before a place
    ("said Professor Jane Smith of Kenya Research Centre and the Kenya Wildlife Service in Nairobi Research Centre.",
     [("Nairobi Research Centre", "centre")]),
    # who leads or funds it is no part of its name
    ("It joined the Korean-led K-Nuclear Fusion Research Initiative.",
     [("K-Nuclear Fusion Research Initiative", "initiative")]),
    ("Both signed the EU-funded Climate Research for Development Initiative.",
     [("Climate Research for Development Initiative", "initiative")]),
    ("The EU-funded Horizon Europe programme supports 300 projects.", [("Horizon Europe programme", "programme")]),
    # a capital before "and" ends the name: what follows is another
    ("Delegates visited the Conference of Science in Accra and the Fund for Research.",
     [("Conference of Science", "conference"), ("Fund for Research", "fund")]),
    # an organisation that a treaty establishes is its subject, not its owner
    ("Five states ratified the Agreement on the Establishment of the African Space Agency.",
     [("Agreement on the Establishment of the African Space Agency", "agreement")]),
    # a committee of two partners is bilateral with "Cooperation" as with "Joint"
    ("They held the Second China-Laos Science and Technology Cooperation Committee in Vientiane.",
     [("Second China-Laos Science and Technology Cooperation Committee", "dialogue")]),
    # a framework, hub or week with a subject after it, two partners or an acronym
    ("They adopted the Sendai Framework for Disaster Risk Reduction in 2015.",
     [("Sendai Framework for Disaster Risk Reduction", "plan")]),
    ("It reports under the Kunming-Montreal Global Biodiversity Framework.",
     [("Kunming-Montreal Global Biodiversity Framework", "plan")]),
    ("The Kenya-China Technology Transfer Hub and the France-Nigeria Science Week opened.",
     [("Kenya-China Technology Transfer Hub", "centre"), ("France-Nigeria Science Week", "conference")]),
    # two regions joined by "and the" inside a name; not a country and "the" before a name
    ("The China-Latin America and the Caribbean Science and Technology Partnership Plan began.",
     [("China-Latin America and the Caribbean Science and Technology Partnership Plan", "plan")]),
    ("Kenya and the Science and Technology Partnership Plan met; Europe and the Ocean Fund too.",
     [("Science and Technology Partnership Plan", "plan"), ("Ocean Fund", "fund")]),
    ("Ties between Europe and the Arctic Council Research Programme grew, as did the Asia and the Pacific Fund.",
     [("Arctic Council Research Programme", "programme"), ("Asia and the Pacific Fund", "fund")]),
    # programmes known by a name with no head word; not words that merely start like one
    ("Researchers were locked out of Horizon Europe, Horizon 2020 and Erasmus+; JT-60SA runs.",
     [("Horizon Europe", "programme"), ("Horizon 2020", "programme"), ("Erasmus+", "programme"),
      ("JT-60SA", "facility")]),
    ("XJT-60SA, pre-Horizon Europe, Horizon Europeans and the Horizon 20201 plan.", []),
    ("Researchers supported by the Marie Skłodowska-Curie Actions (MSCA) rose.",
     [("Marie Skłodowska-Curie Actions", "programme")]),
    # the UN's climate conferences by number; not pesos
    ("It was announced at COP28 in Dubai, at COP 29 and at COP-27. It costs COP 28 billion.",
     [("COP28", "conference"), ("COP29", "conference"), ("COP27", "conference")]),
    # a declaration with a subject, two partners or an acronym; a testbed; grants of two partners
    ("The draft Accra Declaration on Open Climate Data and the Kenya–China Joint Declaration were read; "
     "the Delhi Declaration was not.",
     [("Accra Declaration on Open Climate Data", "agreement"), ("Kenya–China Joint Declaration", "agreement")]),
    ("The Kraków Quantum Sensing Testbed and the Bengaluru Quantum Test-Bed host the Canada–Ukraine "
     "Scientific Resilience Grants; Research Grants were given.",
     [("Kraków Quantum Sensing Testbed", "facility"), ("Bengaluru Quantum Test-Bed", "facility"),
      ("Canada–Ukraine Scientific Resilience Grants", "programme")]),
    # a day after "on the" ends a name's subject
    ("They will sign a Memorandum of Understanding on Antarctic Research on the 3rd of next month.",
     [("Memorandum of Understanding on Antarctic Research", "mou")]),
]


@pytest.mark.parametrize("text,expected", FIND_CASES)
def test_find_programmes_names_and_categories(text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(text) == expected


# Organisations, generic mentions and headings are not programmes.
NON_MATCHES = [
    "The Ministry of Science and Technology hosted the event.",
    "Officials of the European Space Agency and Peking University attended.",
    "He works at the National Institute of Standards and Technology.",
    "The Belt and Road Initiative Office issued a notice.",
    "The plan was signed under the framework of the Agreement.",
    "Scientists Plan New Mission to Mars",
    "China, Brazil to Expedite Cooperation on Frontier Technologies",
    "Capable of international mega-science cooperation",
    "He is Chief of Protocol of the foreign ministry.",
    "SCIENCE is published by the Center for Policy Studies of the American Association of "
    "Engineers.",
    "He works at Tsinghua University's Center for Strategic Studies.",
    "Copyright © 2023 China News Information Center. All Rights Reserved",
    "The Permanent Mission of Ghana to the United Nations issued a statement.",
    "In the Year of the Tiger, the fair opened.",
    "A Joint Research Center and an International Cooperation Plan were mentioned.",
    "the remote sensing satellite ground station in the desert",
    "a memorandum of understanding on jointly establishing a research station on the moon",
    "The Center in Shenzhen opened.",
    "Both institutes signed a Framework Agreement on Tuesday.",
    "A new Regulatory Framework was set; Science Week is here; the Innovation Hub in Nairobi opened.",
    "The Budget Committee of the Senate met.",
    "The Fund, worth $40 billion, opened on Monday.",
    "The Joint Committee on Taxation and the European Commission disagreed.",
    "The Fund Committee and the project's Joint Steering Committee met.",
    "The Chile Joint Commission and the Electoral Commission of Ghana met.",
    "The 118th Congress passed the act; the 20th National Congress followed.",
    "The Annual Meeting opened; the First Meeting and the 3rd Meeting of the Joint Committee followed.",
    "An Array of tools; the Array opened; the Accords were signed.",
    "The US Congress and the National People's Congress met; Congress adjourned.",
    "She anchors for Cable News Network (CNN); the Andean Water Network grew.",
    "China's Plan and the Open Source movement.",
    "An economist at the Centre for Trade Studies, a Lagos think-tank, agreed.",
    "said hydrologist Ana Ruiz of the Pampas Centre for Water Research; contact our Centre for Careers.",
    "The Vision is clear: a Concept Note on Proof of Concept, the Plan 2030s and our Grand Vision.",
    "The Centre for Pacific Ocean Studies and the Center for Strategic and International Studies agreed.",
    "A Consortium of universities agreed.",
    "The British Geological Survey (BGS) and the Joint Call opened.",  # no joint survey, a bare call
]


@pytest.mark.parametrize("text", NON_MATCHES)
def test_non_programmes(text: str) -> None:
    assert find_programmes(text) == []


# Aliases given in parentheses (and around a name that itself opens a parenthesis).
ALIAS_CASES = [
    # the parties dropped after a name's subject: the name with them is an alias
    ("They signed the Executive Programme of Scientific Cooperation between Italy and Tunisia.",
     "Executive Programme of Scientific Cooperation",
     ["Executive Programme of Scientific Cooperation between Italy and Tunisia"]),
    # a word in capitals gives the acronym all its letters: "UK" is "UK", "EU" is "EU"
    ("The UK-India Education and Research Initiative (UKIERI) ended its third phase.",
     "UK-India Education and Research Initiative", ["UKIERI"]),
    ("The EU-China Science Dialogue (EUCSD) met again.", "EU-China Science Dialogue", ["EUCSD"]),
    ("The Franco-German Clean Hydrogen Research Center (FGCHRC) closed.",
     "Franco-German Clean Hydrogen Research Center", ["FGCHRC"]),
    ("Grants came from the Nordic-Baltic Research Partnership Fund "
     "(the Nordic Council's Baltic Fund).",
     "Nordic-Baltic Research Partnership Fund", ["Baltic Fund"]),
    ("NIH set up the Center for Advanced Imaging Technology Translation (AIT Center), a new unit.",
     "Center for Advanced Imaging Technology Translation", ["AIT Center"]),
    ("Visit the “Big Dish” (Ninety-Meter Steerable Radio Telescope, NSRT, a landmark) in Ohio.",
     "Ninety-Meter Steerable Radio Telescope", ["Big Dish", "NSRT"]),
    ("The 2022 World Quantum Computing Conference (WQCC) opens in Hefei.",
     "2022 World Quantum Computing Conference", ["WQCC", "World Quantum Computing Conference"]),
    ("He spoke at the Tenth Annual Conference on Science and Diplomacy for 2019 held in Vienna.",
     "Tenth Annual Conference on Science and Diplomacy",
     ["Annual Conference on Science and Diplomacy",
      "Tenth Annual Conference on Science and Diplomacy for 2019"]),
    ("He attended the UN Climate Change Conference (COP26) in Glasgow.",
     "UN Climate Change Conference", ["COP26"]),
    ("The Arctic Science Fund (UK) pays for ships.", "Arctic Science Fund", []),
    ("The Arctic Science Fund (2019-2024) pays for ships.", "Arctic Science Fund", []),
]


@pytest.mark.parametrize("text,name,aliases", ALIAS_CASES)
def test_aliases(text: str, name: str, aliases: list[str]) -> None:
    (match,) = find_programmes(text)
    assert match.name == name
    assert list(match.aliases) == aliases


@pytest.mark.parametrize(
    "text",
    [
        "The Indo-Pacific Ocean Drilling Program (IPODP) began in 2019. Later the IPODP grew.",
        "In 1990 the Canada-Norway Agreement on Polar Research was signed; the Norway-Canada "
        "Agreement on Polar Research was renewed in 2000.",
    ],
)
def test_spans_cover_names(text: str) -> None:
    matches = find_programmes(text)
    assert matches
    for m in matches:
        covered = text[m.start : m.end]
        assert covered.startswith(m.name) or covered in m.aliases


def test_later_mention_of_alias_takes_the_name() -> None:
    text = ("The agency founded the Center for Marine Robotics Acceleration (MRA Center) in 2020. "
            "The MRA Center will serve all labs.")
    first, second = find_programmes(text)
    assert second.name == first.name == "Center for Marine Robotics Acceleration"
    assert text[second.start : second.end] == "MRA Center"


def test_a_name_the_text_gives_for_a_programme_is_its_alias() -> None:
    text = ("The Kenya–Japan Agreement on Space Science (Swahili: Mkataba wa Sayansi), commonly called "
            "the Nairobi Accord, took effect in 2019. The Nairobi Accord was renewed in 2024.")
    names = [(m.name, m.aliases) for m in find_programmes(text)]
    assert names == [("Kenya–Japan Agreement on Space Science", ("Nairobi Accord",))] * 3


@pytest.mark.parametrize("text,linked", [
    ("The UK–India Clean Air Research Fund opened. Later the Clean Air Fund gave £2m.", True),
    ("The Intrastate Gas Transportation Agreement lapsed; the Gas Transportation Agreement holds.", True),
    # a short form of two names is neither's
    ("The Kenya Clean Air Research Fund and the Ghana Clean Air Action Fund opened. The Clean Air Fund "
     "gave £2m.", False),
])
def test_a_later_short_form_of_a_name_is_its_alias(text, linked) -> None:
    *_, short = matches = find_programmes(text)
    assert len(matches) == text.count("Fund") + text.count("Agreement")  # each name found
    assert (short.name != text[short.start:short.end]) is linked


@pytest.mark.parametrize("text,linked", [
    # the name up to its head, later, is the name's; not a generic one's, nor one that two names hold
    ("It works under the Gaborone Convention on the Kalahari Laboratory. The Gaborone Convention took effect.", True),
    ("The Research Programme on Soils ran. The Research Programme ended.", False),
    # (probed) a later mention with its own tail or year is another instrument
    ("The Paris Agreement on Marine Science was signed. Both are parties to the Paris Agreement on climate change.", False),
    ("The Lima Convention on Soils and the Lima Convention on Water met. The Lima Convention was signed.", False),
])
def test_a_name_without_its_tail_later_is_its_alias(text, linked) -> None:
    *_, short = find_programmes(text)
    assert (short.name != text[short.start:short.end]) is linked


def test_a_later_mention_with_its_own_year_is_another_instrument() -> None:
    first, later = find_programmes("The Helsinki Accord on Arctic Science was signed. The Helsinki Accord of 1975 differs.")
    assert (first.name, first.aliases, later.name) == ("Helsinki Accord on Arctic Science", (), "Helsinki Accord")


def test_swapped_country_pair_is_an_alias() -> None:
    text = ("The Canada-Norway Agreement on Polar Research was signed. "
            "The Norway-Canada Agreement on Polar Research was renewed.")
    first, second = find_programmes(text)
    assert first.aliases == ("Norway-Canada Agreement on Polar Research",)
    assert second.aliases == ("Canada-Norway Agreement on Polar Research",)
    assert programme_key(first.name) == programme_key(second.name)


def test_categories_are_schema_categories() -> None:
    text = " ".join(row[0] for row in FIND_CASES)
    assert {m.category for m in find_programmes(text)} <= set(CATEGORIES)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("The Paris Agreement", "paris agreement"),
        ("the  U.S.–China\u00a0Clean Water Center", "u.s.-china clean water center"),
        ("“Sky Eye”", "sky eye"),
        ("China’s Plan", "china's plan"),
        ("Asia — Pacific Forum", "asia-pacific forum"),
        ("Theory Fund", "theory fund"),
        ("", ""),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("U.S.-China Agreement on Cooperation", "China-U.S. Agreement on Cooperation", True),
        ("the UK-China Fund", "China–UK Fund", True),
        ("Canada-Norway Agreement", "Norway-Canada Agreement", True),
        ("Canada-Norway Agreement", "Canada-Sweden Agreement", False),
        ("Good-neighborliness Treaty", "neighborliness-Good Treaty", False),
        ("11th Five-Year Plan", "12th Five-Year Plan", False),
    ],
)
def test_programme_key(a: str, b: str, same: bool) -> None:
    assert (programme_key(a) == programme_key(b)) is same


PATHOLOGICAL = [
    "A " * 200_000,
    "Aa-" * 200_000,
    "(" * 100_000,
    "1," * 200_000,
    "9" * 1_000_000,
    "A-" * 200_000,
    "Aa " * 200_000,
    ". " * 200_000,
    "U.S.-" * 100_000 + " Plan",
    " " * 500_000 + "Fund",
    "\u00a0\n" * 100_000,
    "Plan-" * 100_000,
    "x\u0000\u202e\ud7ff Fund" * 10_000,
    ("." * 390 + " Fund ") * 2_000,
    ("'" * 200 + "A Plan on ") * 2_000,
    ("Aa-" * 130 + " Fund on Aa") * 2_000,
    "Aa programme " * 50_000,
    "Aa " * 100_000 + "programme",
    "the MEXT scholarship" + " scheme" * 100_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_inputs_finish(text: str) -> None:
    assert isinstance(find_programmes(text), list)


@pytest.mark.parametrize(
    "text",
    ["Agreement on " * 5_000, "The Fund of " * 5_000, "Center (" * 5_000, "Plan " * 20_000,
     "A Conference for 2011 " * 2_000, "Memorandum of Understanding on " * 2_000],
    ids=lambda t: repr(t[:14]),
)
def test_dense_head_words_finish(text: str) -> None:
    for m in find_programmes(text):
        assert 0 <= m.start < m.end <= len(text)


def test_word_lists_load_once() -> None:
    assert programme_words() is programme_words()
    assert programme_words().heads["Treaty"] == "treaty"


@pytest.mark.parametrize("text", [None, "", 42])
def test_non_text_gives_empty_list(text) -> None:
    assert find_programmes(text) == []


# Windows of text around head words are tokenized lazily (right to left before a
# head, left to right after it); the tokens must be those of TOKEN_RE.
TOKEN_TEXTS = [
    "the U.S.-China Clean Water Research Center",
    "x-Abc _-Def --Ghi 'Jkl' R&D U.K. Five-Year- of-- ’s",
    "..-..--''_ Aa__Bb  12th 2021-2025 Chang'e-6 COVID-19 é中 Fund",
    "Internationalization Fund",
    "",
]


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_tokens_back_are_forward_tokens_reversed(text: str) -> None:
    from sci_diplo.normalize.programme_premods import _tokens_back
    from sci_diplo.normalize.programme_scan import TOKEN_RE, TOKEN_TRAIL

    for low in range(len(text) + 1):
        for floor in {0, low}:
            forward = []
            for m in TOKEN_RE.finditer(text, low, len(text)):
                word = m.group().rstrip(TOKEN_TRAIL)
                forward.append((m.start(), m.start() + len(word), word))
            if forward and low > floor and forward[0][0] == low:
                forward = forward[1:]  # a first token the window may have cut
            assert list(_tokens_back(text, low, len(text), floor))[::-1] == forward


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_token_window_reads_forward_tokens(text: str) -> None:
    from sci_diplo.normalize.programme_scan import TOKEN_RE, TOKEN_TRAIL, TokenWindow

    for high in range(len(text) + 1):
        forward = []
        for m in TOKEN_RE.finditer(text, 0, high):
            word = m.group().rstrip(TOKEN_TRAIL)
            forward.append((m.start(), m.start() + len(word), word))
        if forward and high < len(text) and forward[-1][1] == high:
            forward.pop()  # a last token the window may have cut
        window = TokenWindow(text, 0, high)
        got = [window.get(k) for k in range(len(forward) + 2)]
        assert got == forward + [None, None]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Treaty of- Friendship was signed.", [("Treaty of- Friendship", "treaty")]),
        ("The Kenya Treaty into Force was signed.", [("Kenya Treaty", "treaty")]),
        ("The Kenya Treaty  \n  on Water was signed.", [("Kenya Treaty on Water", "treaty")]),
        ("The Kenya Treaty" + " " * 14 + "on Water was signed.", [("Kenya Treaty", "treaty")]),
    ],
)
def test_tail_starts_only_with_a_connector_token(text: str, expected: list) -> None:
    assert _names(text) == expected


# Pieces of text around head words: heads, their neighbours in a word, non-ASCII
# letters and a character beyond the BMP (one "?" each in the scan bytes).
HEAD_SCAN_PIECES = sorted(programme_words().heads) + [
    "x", "é", "É", "_", "1", "-", " ", "\n", ".", "MO", "Ö", "😀", "’", "ed", "s", "Cl",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEAD_SCAN_PIECES), max_size=12).map("".join))
def test_head_scan_finds_the_matches_of_head_re(text: str) -> None:
    words = programme_words()
    scan = text.encode("ascii", "replace").translate(words.head_scan_table)
    places = [words.head_re.match(text, s.start()) for s in words.head_scan_re.finditer(scan)]
    assert [m.span() for m in places if m] == [m.span() for m in words.head_re.finditer(text)]


# Names closed by a lower-case head word: (sentence, [(name, aliases, category)]).
LOWER_HEAD_CASES = [
    ("Britain rejoined the Horizon Europe programme last year.",
     [("Horizon Europe programme", ("Horizon Europe",), "programme")]),
    ("He praised the Belt and Road initiative.",
     [("Belt and Road initiative", ("Belt and Road",), "initiative")]),
    ("The Global Gateway strategy will fund ports.",
     [("Global Gateway strategy", ("Global Gateway",), "plan")]),
    ("The Chang'e-6 mission returned samples.", [("Chang'e-6 mission", ("Chang'e-6",), "project")]),
    # a lone acronym before a head that organisations rarely take; two heads in a row
    ("India's INSPIRE scheme supports young researchers.",
     [("INSPIRE scheme", ("INSPIRE",), "programme")]),
    ("Students went to Japan under the MEXT scholarship scheme.",
     [("MEXT scholarship scheme", ("MEXT",), "programme")]),
    ("DST funds its SPARKLE fellowship (SPF) from 2025.",
     [("SPARKLE fellowship", ("SPF", "SPARKLE"), "programme")]),
    # a capitalised head still closes its own name
    ("Officials from the Newton Fund and the Copernicus programme met.",
     [("Newton Fund", (), "fund"), ("Copernicus programme", ("Copernicus",), "programme")]),
]


def test_a_known_name_with_its_acronym_and_another_dash() -> None:
    found = find_programmes("The Marie Skłodowska–Curie Actions (MSCA) grew in 2024. MSCA fellows rose.")
    assert [(m.name, m.aliases) for m in found] == [("Marie Skłodowska–Curie Actions", ("MSCA",))]


def test_a_lower_case_head_after_an_alias_takes_its_name() -> None:
    found = find_programmes("Bilateral Seed Grants (BSG) rose. The BSG scheme funds projects.")
    assert [m.name for m in found] == ["Bilateral Seed Grants"] * 2


def test_a_known_name_links_a_name_written_with_a_generic_head() -> None:
    found = find_programmes("Britain rejoined the Horizon Europe programme in 2023. Horizon Europe pays.")
    assert [(m.name, m.aliases) for m in found] == [("Horizon Europe programme", ("Horizon Europe",))] * 2


@pytest.mark.parametrize("text,expected", LOWER_HEAD_CASES)
def test_lower_case_heads_close_names(text: str, expected: list) -> None:
    assert [(m.name, m.aliases, m.category) for m in find_programmes(text)] == expected


# Lower-case heads after words that name no programme, or used as verbs.
LOWER_HEAD_NON_MATCHES = [
    "The UK programme grew, and the Chinese programme shrank.",
    "The US-China agreement lapsed; the United States plan was dropped.",
    "The World Bank programme and the European Commission initiative ended.",
    "The NASA programme and the EU initiative were cut.",
    "The Mars mission and the Moon probe were delayed.",
    "The March agreement and the National plan were both signed.",
    "The Europeans plan to launch; the Americans fund the rest.",
    "The UK space programme grew.",
    "Chinese Academy of Sciences programme.",
    "Send the flyer for the Benefit fund raiser.",
    "Project Horizon programme",
    "the Horizon programmeé and the “Horizon” plan",  # a letter the scan bytes hide; a quote
]


@pytest.mark.parametrize("text", LOWER_HEAD_NON_MATCHES)
def test_lower_case_heads_need_a_name(text: str) -> None:
    assert find_programmes(text) == []
