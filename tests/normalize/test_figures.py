"""Tests for the figure rules: counts, percentages, measures, money, ranges, exclusions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize import figures, figures_filters, figures_nouns, figures_units
from sci_diplo.normalize.figures import find_figures

T = tuple  # (value, unit, qualifier, upper)


def _figs(text: str) -> list[tuple]:
    return [(pytest.approx(f.value, rel=1e-6), f.unit, f.qualifier, f.upper) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money, each currency form
        ("The EU pledged €3.4 billion for the programme.", [(3.4e9, "EUR", "exact", None)]),
        ("The bank lent US$2 million to the lab.", [(2e6, "USD", "exact", None)]),
        ("The UK gave £20m for research.", [(2e7, "GBP", "exact", None)]),
        ("It invested ¥500 million.", [(5e8, "CNY", "exact", None)]),
        ("The fund holds RMB 10 billion.", [(1e10, "CNY", "exact", None)]),
        ("The university was awarded R12 million for soil research.", [(12e6, "ZAR", "exact", None)]),
        ("Fees rose to R4,500 a year.", [(4500, "ZAR", "exact", None)]),
        ("They funded more than 60 industry–academia projects.", [(60, "projects", "more_than", None)]),
        ("It built 30 labs—most of them abroad.", [(30, "labs", "exact", None)]),
        ("Gusts reached 45 kilometres per hour.", [(45, "kilometers per hour", "exact", None)]),
        ("Headline\n2.5 Million Tonnes Shipped", [(2.5e6, "tonnes", "exact", None)]),
        ("The rover drives 20 meters per day.", [(20, "meters per day", "exact", None)]),
        ("The plant emits 2 million tonnes per year.", [(2e6, "tonnes", "exact", None)]),
        ("Eskom borrowed R1.2bn.", [(1.2e9, "ZAR", "exact", None)]),
        ("Accra pledged GH₵ 4 million; Nairobi added KSh 500,000.", [(4e6, "GHS", "exact", None),
                                                                      (5e5, "KES", "exact", None)]),
        ("Japan's agency will spend ¥1.2 billion, about 8 million US dollars, as the yen slid.",
         [(1.2e9, "JPY", "exact", None), (8e6, "USD", "about", None)]),
        ("Beijing allotted ¥50 million to the lab.", [(5e7, "CNY", "exact", None)]),
        # a number after a change, its noun left out: the last figure's, or "the number of ..."'s
        ("Kenya will host 42 visiting researchers, up from 15 in 2021.",
         [(42, "researchers", "exact", None), (15, "researchers", "exact", None)]),
        ("The number of funded places will rise to 4,700, up from 4,000.",
         [(4700, "places", "exact", None), (4000, "places", "exact", None)]),
        ("It trained roughly 900 diplomats and aims to reach 2,500 by 2030.",
         [(900, "diplomats", "about", None), (2500, "diplomats", "exact", None)]),
        ("Funding rose to €5 million, up from 3 million; emissions fell to 2019 levels; the team grew to 12.",
         [(5e6, "EUR", "exact", None)]),
        ("Three-ish months of ice and 40-ish people.", [(3, "months", "about", None), (40, "people", "about", None)]),
        ("It trains a 10,000-strong team of African technicians; a 300-strong delegation came.",
         [(10_000, "technicians", "exact", None)]),
        # a full stop between thousands before a count or money; a measure keeps its decimals
        ("It involves more than 1.500 researchers and 800.000 euro for a 1.500 km cable.",
         [(1500, "researchers", "more_than", None), (800_000, "EUR", "exact", None), (1.5, "kilometers", "exact", None)]),
        # decimals said aloud, with a scale
        ("We will put in three point five billion naira over five years for about two point four million people.",
         [(3.5e9, "NGN", "exact", None), (5, "years", "exact", None), (2.4e6, "people", "about", None)]),
        # a fraction of what the text just named: a share
        ("Of 1,200 fellows, about a fifth of them are women and nearly half are engineers.",
         [(1200, "fellows", "exact", None), (20, "percent", "about", None), (50, "percent", "nearly", None)]),
        # every ISO 4217 code in use, the euro's predecessors, and more signs and currency words
        ("Entry costs RWF 95,000; the fund holds 2 million Rwandan francs.", [(95_000, "RWF", "exact", None),
                                                                              (2e6, "RWF", "exact", None)]),
        ("Riyadh gave SR 40 million and Jakarta Rp 480 billion.", [(4e7, "SAR", "exact", None),
                                                                    (4.8e11, "IDR", "exact", None)]),
        ("Paris spent FF 30 million in 1996.", [(3e7, "FRF", "exact", None)]),
        ("Malaysia adds RM1.4 billion; room RM5 is free.", [(1.4e9, "MYR", "exact", None)]),
        ("The station has a permanent staff of 31, and its delegation of 20, led by Li, came.",
         [(31, "staff", "exact", None), (20, "delegation", "exact", None)]),
        ("They joined 23 Horizon Europe consortia and signed 4 memoranda.",
         [(23, "consortia", "exact", None), (4, "memoranda", "exact", None)]),
        ("It had two or three physicists and 5 labs or 6 centres.",
         [(2, "physicists", "range", 3), (5, "labs", "exact", None), (6, "centres", "exact", None)]),
        ("Suva will contribute FJ$3.5 million and Port Moresby about 12 million kina.",
         [(3.5e6, "FJD", "exact", None), (1.2e7, "PGK", "about", None)]),
        ("A request may not exceed a quarter of the budget.", [(25, "percent", "at_most", None)]),
        ("Grants are capped at NOK 3 million each and places limited to 40 fellows.",
         [(3e6, "NOK", "at_most", None), (40, "fellows", "at_most", None)]),
        ("Each grant is 2 million yuan.", [(2e6, "CNY", "exact", None)]),
        ("The startup raised $5m.", [(5e6, "USD", "exact", None)]),
        ("Ottawa committed CAD 3 million.", [(3e6, "CAD", "exact", None)]),
        ("Sweden gave SEK 40 million.", [(4e7, "SEK", "exact", None)]),
        ("The lab cost 30 million euros.", [(3e7, "EUR", "exact", None)]),
        ("It received 1.2 billion Canadian dollars.", [(1.2e9, "CAD", "exact", None)]),
        ("It costs HK$ 300 million.", [(3e8, "HKD", "exact", None)]),
        ("The $1.5 trillion plan.", [(1.5e12, "USD", "exact", None)]),
        ("Billions of dollars were spent.", [(1e9, "USD", "more_than", None)]),
        # percent forms
        ("Emissions fell 95 per cent.", [(95, "percent", "exact", None)]),
        ("Emissions fell 95 percent.", [(95, "percent", "exact", None)]),
        ("Emissions fell 95%.", [(95, "percent", "exact", None)]),
        ("The index rose 2.5 percentage points.", [(2.5, "percentage points", "exact", None)]),
        # measures
        ("A 12.5 MW turbine was built.", [(12.5, "megawatts", "exact", None)]),
        ("The peak stands 4,300 meters high.", [(4300, "meters", "exact", None)]),
        ("A 300km railway was built.", [(300, "kilometers", "exact", None)]),
        ("Temperatures fell to -5 °C overnight.", [(-5, "°C", "exact", None)]),
        ("Over two decades the network grew.", [(20, "years", "more_than", None)]),
        ("They held a two-day workshop.", [(2, "days", "exact", None)]),
        ("A civilization more than 5,000 years old.", [(5000, "years", "more_than", None)]),
        # counts and head nouns
        ("A dozen universities signed the charter.", [(12, "universities", "exact", None)]),
        ("The population reached 1.5 million people.", [(1.5e6, "people", "exact", None)]),
        ("Two-thirds of the projects were completed.", [(200 / 3, "percent", "exact", None)]),
        ("Nearly half of the 40 institutes joined.",
         [(50, "percent", "nearly", None), (40, "institutes", "exact", None)]),
        ("A quarter of our researchers are women.", [(25, "percent", "exact", None)]),
        # a demonstrative before the noun counts as the determiner it is; "that" alone is no noun
        ("Up to a quarter of that weight is starch, and half of this budget is travel.",
         [(25, "percent", "at_most", None), (50, "percent", "exact", None)]),
        ("Half of that went to labs, and a third of that is spent on travel.", []),
        ("Half a million doses arrived.", [(500_000, "doses", "exact", None)]),
        ("Final list = 9 ppl from Jakarta.", [(9, "people", "exact", None)]),  # a chat's abbreviation
        # an energy per a volume or a mass is one unit; per a time, a rate the unit leaves out
        ("It aims at below 2.5 kilowatt-hours per cubic metre, 40 kWh per tonne and 20 GWh per year.",
         [(2.5, "kilowatt-hours per cubic metre", "less_than", None), (40, "kilowatt-hours per tonne", "exact", None),
          (20, "gigawatt-hours", "exact", None)]),
        # two counts in digits that share a head, as two in words do
        ("They hired 58 Brazilian and 44 Canadian researchers.",
         [(58, "researchers", "exact", None), (44, "researchers", "exact", None)]),
        # an amount that ends its line is no number "in a row" with one opening the next
        ("2019–22        Co-PI, Erosion Project, £450k\n2017–20        PI, pilot, £295k",
         [(450_000, "GBP", "exact", None), (295_000, "GBP", "exact", None)]),
        # German conventions: dots part thousands, commas decimals, "Mio." and "Mrd." before a currency
        ("It costs 1.500.000 Euro and 2,5 Mio. Euro, up to 9,4 Mrd. US dollars; the furnace reaches "
         "1.500 °C.",
         [(1_500_000, "EUR", "exact", None), (2_500_000, "EUR", "exact", None), (9.4e9, "USD", "at_most", None),
          (1500, "°C", "exact", None)]),
        # French conventions: blanks part thousands, commas decimals, the currency after the amount,
        # "$" is Canadian dollars in a text that names Canada or Quebec unless its country follows
        ("The Montréal institute gets 4,5 M$ over four years, 1 200 000 $ for a furnace, 2\u00a0100\u00a0000\u00a0$ US "
         "from a donor, 350 k€ from Lyon and up to 12,5 tonnes of graphite.",
         [(4.5e6, "CAD", "exact", None), (4, "years", "exact", None), (1.2e6, "CAD", "exact", None),
          (2.1e6, "USD", "exact", None), (350_000, "EUR", "exact", None), (12.5, "tonnes", "at_most", None)]),
        ("A Paris start-up raised 12 M$ and 3,5 G€, plus 1,5 M$ CA.",
         [(12e6, "USD", "exact", None), (3.5e9, "EUR", "exact", None), (1.5e6, "CAD", "exact", None)]),
        ("Output rose to 12,5 tonnes.", []),  # no decimal commas stated elsewhere: "12,5" may be a list
        ("Kinder Morgan $ 3,500,000 $ 1,250,000", [(3.5e6, "USD", "exact", None), (1.25e6, "USD", "exact", None)]),
        # digits after a scale word are no part of its number without a scale of their own
        ("CENSA staff         NOK 140 million         2025–2029", [(140e6, "NOK", "exact", None)]),
        ("It got 3 million 500 thousand euros.", [(3.5e6, "EUR", "exact", None)]),
        ("with $M_L \\geq 1.5$ and 5G networks in 3 G towns", []),  # TeX's math, not dollars
        ("The road is 1.500 km long.", [(1.5, "kilometers", "exact", None)]),  # no decimal commas: a decimal point
        ("NAIROBI, Kenya (AP) — Five East African countries signed.", [(5, "countries", "exact", None)]),  # a dateline's dash
        # a tab parts a spreadsheet's cells: no number "in a row", no currency across it
        ("Egypt\t74,600\tEGP 2,350,000\t2023-05-04", [(2_350_000, "EGP", "exact", None)]),
        ("about a hundred and sixty million Nepalese rupees", [(160e6, "NPR", "about", None)]),
        ("BMBF provides 4,6 Mio. Euro, NERC 2,5 Mio. Euro, and up to 1 Mio. tonnes a year.",  # a scale apart: no name's number
         [(4.6e6, "EUR", "exact", None), (2.5e6, "EUR", "exact", None), (1e6, "tonnes", "at_most", None)]),
        # a legal citation's numbers count nothing
        ("The rule at 15 CFR parts 744 and 22 U.S.C. 2656 applies to 40 firms.", [(40, "firms", "exact", None)]),
        ("It archived over 12,50,000 spectra for Rs 1,25,000 crore.",  # Indian grouping; a Latin plural
         [(1_250_000, "spectra", "more_than", None), (1.25e12, "INR", "exact", None)]),
        ("It supported over 8,300 young foreign scientists.", [(8300, "scientists", "more_than", None)]),
        # "over" right after an amount names the period it is spread across, not "more than"
        ("Germany will invest €40 million over five years.", [(40_000_000, "EUR", "exact", None), (5, "years", "exact", None)]),
        ("Exports rose 12% over three years.", [(12, "percent", "exact", None), (3, "years", "exact", None)]),
        ("They trained 600 young engineers over two years.",
         [(600, "engineers", "exact", None), (2, "years", "exact", None)]),
        ("The grant of 300 million USD over four years.", [(300_000_000, "USD", "exact", None), (4, "years", "exact", None)]),
        ("She has over 30 years of experience.", [(30, "years", "more_than", None)]),
        ("He spent over two years in Beijing.", [(2, "years", "more_than", None)]),
        ("It hired 5,000 students over 18 years of age.", [(5000, "students", "exact", None), (18, "years", "more_than", None)]),
        ("The lab opened 3 centres over 10 years ago.", [(3, "centres", "exact", None), (10, "years", "more_than", None)]),
        ("The UAE over 20 years built 3 labs.", [(20, "years", "more_than", None), (3, "labs", "exact", None)]),
        ("It funded more than two hundred Chinese and British research institutions.",
         [(200, "institutions", "more_than", None)]),
        ("There are 222 international scientific and technological cooperation bases.",
         [(222, "bases", "exact", None)]),
        ("China cooperates with 152 countries and regions.", [(152, "countries", "exact", None)]),
        ("China provided more than 1.8 billion doses of vaccines.",
         [(1.8e9, "doses", "more_than", None)]),
        ("They run hundreds of cooperative projects.", [(100, "projects", "more_than", None)]),
        ("It established one joint laboratory with Kenya.", [(1, "laboratory", "exact", None)]),
        ("The two countries agreed.", [(2, "countries", "exact", None)]),
        ("1500 scientists attended the forum.", [(1500, "scientists", "exact", None)]),
        ("Three of the five labs closed.", [(3, "labs", "exact", None), (5, "labs", "exact", None)]),
        ("Some eleven Iraqis and 300 African young scientists came.",
         [(11, "Iraqis", "about", None), (300, "scientists", "exact", None)]),
        # qualifiers
        ("The venue holds up to 5,000 visitors.", [(5000, "visitors", "at_most", None)]),
        ("It trained more than 300 researchers.", [(300, "researchers", "more_than", None)]),
        ("Warming above 1.5 °C is dangerous.", [(1.5, "°C", "more_than", None)]),
        ("The temperature rise exceeds 1.5 °C.", [(1.5, "°C", "more_than", None)]),
        ("Bilateral trade crossed US$ 3 billion.", [(3e9, "USD", "more_than", None)]),
        # "of" after a scale word, as translated text puts it; a dinar or rial is money with its country
        ("The programme foresees 3,5 million of euro.", [(3.5e6, "EUR", "exact", None)]),
        ("It spent 5 million Thai baht, 3 million Kazakh tenge and 600 million Peruvian soles.",
         [(5e6, "THB", "exact", None), (3e6, "KZT", "exact", None), (6e8, "PEN", "exact", None)]),
        ("It spent 300,000 Jordanian dinars, 5 million Omani rials and 2 million dinars.",
         [(3e5, "JOD", "exact", None), (5e6, "OMR", "exact", None), (2e6, "dinars", "exact", None)]),
        ("About 2 million of the doses arrived.", [(2e6, "doses", "about", None)]),
        # money signs of taka, tenge and soles; "another hundred" is a hundred more
        ("The fund holds Tk 350 crore, ₸120 million and nine million soles.",
         [(3.5e9, "BDT", "exact", None), (1.2e8, "KZT", "exact", None), (9e6, "PEN", "exact", None)]),
        ("Premiered Oct 14 · 38 min\nCaptions by the team.", [(38, "minutes", "exact", None)]),  # not 38 Captions
        # a part of what was just counted; not of money, nor of nothing counted
        ("There are 40 lakes, of which 11 are dammed.", [(40, "lakes", "exact", None), (11, "lakes", "exact", None)]),
        # a part or a second count of the same noun; not a place, nor a percent or a measure
        ("A panel of six experts, three nominated by each agency, read 64 applications and funded nine.",
         [(6, "experts", "exact", None), (3, "experts", "exact", None), (64, "applications", "exact", None),
          (9, "applications", "exact", None)]),
        ("Kenya has 40 labs, 12 in Nairobi; it grew 5%, 3 attributed to Peru, over 40 km, 12 paved.",
         [(40, "labs", "exact", None), (5, "percent", "exact", None), (40, "kilometers", "more_than", None)]),
        ("It got €5 million, of which 2 went to labs. Of which 3 remain.", [(5e6, "EUR", "exact", None)]),
        # a share that closes its clause after a verb; not a period of time
        ("The EU covered about a quarter, and Kenya paid half.", [(25, "percent", "about", None), (50, "percent", "exact", None)]),
        ("They meet once a quarter, and it was cut in half. Ethiopia won a third, and Peru finished a third.", []),
        # a ceiling or a cap; "or so" after the unit
        ("A budget ceiling of EUR 1.2 million and a cap of 30 staff apply.",
         [(1.2e6, "EUR", "at_most", None), (30, "staff", "at_most", None)]),
        ("It took 200 people or so.", [(200, "people", "about", None)]),
        # "$" names which dollars by what follows it
        ("It pays ~$50k CAD a year, $5 million Canadian dollars and $3 million dollars.",
         [(5e4, "CAD", "about", None), (5e6, "CAD", "exact", None), (3e6, "USD", "exact", None)]),
        ("It is another hundred and ten kilometres, and winds reach 185 kmph.",
         [(110, "kilometers", "exact", None), (185, "kilometers per hour", "exact", None)]),
        ("Output topped 2 million units and exports surpassed €12 million.",
         [(2e6, "units", "more_than", None), (12e6, "EUR", "more_than", None)]),
        ("The team crossed 3 borders and topped 5 categories.", [(3, "borders", "exact", None), (5, "categories", "exact", None)]),
        ("About 200 or so scientists came.", [(200, "scientists", "about", None)]),
        # the end of a span of years is no count ("2024-25 Main Estimates")
        ("The 2024–25 Main Estimates and 2025-26 amounts rose 10-20 points.", [(10, "points", "range", 20)]),
        # a bare "$" is the dollar the text says its amounts are in; a table's unit note is no figure
        ("It seeks $412.6 million.\nTable 3.1 Planned spending (in millions of Canadian dollars)\n",
         [(412.6e6, "CAD", "exact", None)]),
        # a change's plural subject counts what its number leaves out; not an amount's noun
        ("Joint papers rose to 1,930 in 2023. The team's costs have grown to 12.", [(1930, "papers", "exact", None)]),
        # and the number the change started at, after "from"; not a count with its own noun
        ("Joint papers rose to 1,930 in 2023 from fewer than 600 a decade earlier; it hired 40 people from 12 countries.",
         [(1930, "papers", "exact", None), (600, "papers", "less_than", None), (40, "people", "exact", None),
          (12, "countries", "exact", None)]),
        # bare pesos are those of the peso country the text names most
        ("Manila will spend six hundred and fifty million pesos, the Philippines said; Mexico 5 million pesos.",
         [(6.5e8, "PHP", "exact", None), (5e6, "PHP", "exact", None)]),
        ("It costs 5 million pesos.", [(5e6, "MXN", "exact", None)]),
        # money's "m" apart is a million, not metres; the paʻanga's and the Kuwaiti dinar's signs
        ("Norway ........ EUR 1.2 m; it rose 5 m; a grant of T$3.2 million; worth KD 12 million.",
         [(1.2e6, "EUR", "exact", None), (5, "meters", "exact", None), (3.2e6, "TOP", "exact", None),
          (12e6, "KWD", "exact", None)]),
        # (probed) counts before an organisation's word that is no affiliation; a wrapped line's noun
        ("15 Research Vessels Set Sail; 12 Department heads signed; it has 25 member\ninstitutions.",
         [(15, "Vessels", "exact", None), (12, "heads", "exact", None), (25, "institutions", "exact", None)]),
        # an affiliation's mark is no count; a noun is not read across a blank line
        ("Ana Silva1,2\n1 Institute of Marine Research, Bergen; 2 Centre for Ocean Studies, Porto\nIt got 19 reposts\n\n"
         "Comments", [(19, "reposts", "exact", None)]),
        # the Peruvian sol's sign; a slash after other letters is none
        ("It amounted to S/ 7,4 million; Tasks/ 5 labs.", [(7.4e6, "PEN", "exact", None), (5, "labs", "exact", None)]),
        # a mass per a volume or an area; a mass per a year keeps its unit
        ("Salinity of 4 grams per litre; 3 tonnes per hectare; 2 tonnes per year.",
         [(4, "grams per litre", "exact", None), (3, "tonnes per hectare", "exact", None), (2, "tonnes", "exact", None)]),
        # (probed) a table's column headed by a unit or a noun, a country's or a sum's row, a scale
        # note, the noun before a preposition, a header of numbers
        ("| Item | EUR |\n| Travel grants | 12,000 |\n| Salaries | 45,000 |\n", []),
        ("| Country | 2023 | 2024 |\n| Netherlands | 12 | 40 |\n| Philippines | 7 | 22 |\n", []),
        ("Measure | 2023 | 2024\nDoses delivered (millions) | 12 | 15\nNumber of visits by researchers | 12 | 14\n"
         "Success rates | 12 | 14\n",
         [(12e6, "doses", "exact", None), (15e6, "doses", "exact", None), (12, "visits", "exact", None),
          (14, "visits", "exact", None)]),
        ("| Calls | 1 | 2 | 3 |\n| Projects | 4 | 5 | 6 |\n", []),
        # (probed) no share with a plural noun after it; a code before a plural and a preposition is none
        ("They opened one office in three regions in the north; One child in five lacks access.",
         [(1, "office", "exact", None), (3, "regions", "exact", None), (20, "percent", "exact", None)]),
        ("They bought 120 CAD drawings for the new hall.", [(120, "drawings", "exact", None)]),
        ("It was 40 micrograms per cubic metre, 12 µg per litre.",
         [(40, "micrograms per cubic metre", "exact", None), (12, "micrograms per litre", "exact", None)]),
        # a share with its noun between: "one dollar in five"; not an office in two cities
        ("Roughly one dollar in five is spent on cooling; one student in ten comes from Kenya; one office in two cities.",
         [(20, "percent", "about", None), (10, "percent", "exact", None), (1, "office", "exact", None),
          (2, "cities", "exact", None)]),
        # a table with bars whose rows' labels name what they count (not a share, a year, a numbered row)
        ("Measure | 2023 | 2024\nKenyan fellows hosted | 12 | 1.250\nJoint patents filed | 3 | 4\n"
         "Share of women | 30 | 41\nFunding (million €) | 2 | 5\n1 | Joint call | 2024\n",
         [(12, "fellows", "exact", None), (1250, "fellows", "exact", None), (3, "patents", "exact", None),
          (4, "patents", "exact", None), (2e6, "EUR", "exact", None), (5e6, "EUR", "exact", None)]),
        # a part of the sentence's count: "of which only", "seven of them" (one count only), "Of the eight
        # activities, four are"; a share before a modal verb
        ("Its board has 12 seats, of which only three are held. All nine states came, seven of them as ministers.",
         [(12, "seats", "exact", None), (3, "seats", "exact", None), (9, "states", "exact", None), (7, "states", "exact", None)]),
        ("Of the eight activities, four are completed and two are on track; at least half will go to women.",
         [(8, "activities", "exact", None), (4, "activities", "exact", None), (2, "activities", "exact", None),
          (50, "percent", "at_least", None)]),
        ("Of the projects approved, 19 address water, 15 address health and 12 address food systems. Of the labs, "
         "5 labs closed.",
         [(19, "projects", "exact", None), (15, "projects", "exact", None), (12, "projects", "exact", None),
          (5, "labs", "exact", None)]),
        ("We hired 1,260 applicants from 23 countries; 214 of them withdrew.",
         [(1260, "applicants", "exact", None), (23, "countries", "exact", None)]),
        # a house number before a street's word in another language is no figure; "via" a place is no street
        ("CUSA, 18 allée des Sciences, 31400 Toulouse; 25 rue de la Paix; they sent 3 envoys via Paris.",
         [(3, "envoys", "exact", None)]),
        ("The EU will provide EUR 5 million via UNICEF.", [(5e6, "EUR", "exact", None)]),
        # (probed) CFA as an acronym before a plural; the French order "francs CFA"; a verb after a
        # word-code, not a plural noun; doubled numbers with a scale or a range; an annex's number
        ("More than 1,500 CFA charterholders met; it costs 5 000 francs CFA in Bamako.",
         [(1500, "charterholders", "more_than", None), (5000, "XOF", "exact", None)]),
        ("500 CAD covers the travel cost and 200 CAD goes to health insurance.",
         [(500, "CAD", "exact", None), (200, "CAD", "exact", None)]),
        ("A maximum of two (2) million euros funds between five (5) and ten (10) projects. Annex 3 (three) lists them.",
         [(2e6, "EUR", "at_most", None), (5, "projects", "range", 10)]),
        ("A couple of hundred thousand doses arrived.", [(2e5, "doses", "about", None)]),
        # "a couple of": about two, times its scale; a unit of measure or money after it
        ("It had a couple of dozen projects, a couple of million dollars and a couple of weeks; a couple of them left.",
         [(24, "projects", "about", None), (2e6, "USD", "about", None), (2, "weeks", "about", None)]),
        # a number and the same in brackets, as legal texts write it, is one figure; other brackets are none
        ("It has not more than eight (8) representatives and 5 (five) labs; three (4) cars and 2020 (2020) were",
         [(8, "representatives", "at_most", None), (5, "labs", "exact", None)]),
        # a count's breakdown in brackets, whose numbers add up to it, counts its noun; not a bracket
        # whose numbers do not, or that holds another unit
        ("It trains 8 PhD students (4 in Bremen, 4 in Nukus) and 40 engineers (12 from Kenya and 28 from Ghana).",
         [(8, "students", "exact", None), (4, "students", "exact", None), (4, "students", "exact", None),
          (40, "engineers", "exact", None), (12, "engineers", "exact", None), (28, "engineers", "exact", None)]),
        ("It has 40 labs (12 funded by Japan) and 10 sites (3 km apart, 7 in total).",
         [(40, "labs", "exact", None), (10, "sites", "exact", None), (3, "kilometers", "exact", None)]),
        # thousands grouped by dots or blanks before a decimal comma; a money sign after the amount; a
        # spaced "M" or "k" after money; the baht's "Bt"; but a decimal comma alone is no amount
        ("It costs 3.412.560,50 € and EUR 2 499 875,00, then EUR 1.6 M, USD 250 k and Bt 27.5 million; pages 22,24.",
         [(3412560.5, "EUR", "exact", None), (2499875, "EUR", "exact", None), (1.6e6, "EUR", "exact", None),
          (250e3, "USD", "exact", None), (27.5e6, "THB", "exact", None)]),
        ("It trained 1.6 M people and 1 500 ₹ went to each.", [(1500, "INR", "exact", None)]),
        # a number in words opening a list's item counts as one opening a sentence
        ("Results\n(1) Nine joint research projects were selected.\nb) Four labs opened. It met Five Guys.",
         [(9, "projects", "exact", None), (4, "labs", "exact", None)]),
        # bits, bit rates, watts and litres by their symbols; not a longitude's "W"
        ("The link runs at 1.6 Gbit/s, stores 212 Gbit and draws 1,150 W; 19 GL of water; at 45 N, 30 W.",
         [(1.6, "gigabits per second", "exact", None), (212, "gigabits", "exact", None), (1150, "watts", "exact", None),
          (19, "gigaliters", "exact", None)]),
        # a sample's size counts what its sentence says was surveyed; not with nothing surveyed
        ("We surveyed all fellows whose stay ended in 2022 (n = 412; response rate 47%). The model (n = 3) fits.",
         [(412, "fellows", "exact", None), (47, "percent", "exact", None)]),
        ("We interviewed senior officials in five ministries (N=42). Staff were asked (n = 9).",
         [(5, "ministries", "exact", None), (42, "officials", "exact", None)]),
        # ... and each number written twice stands alone: "and ten (10)" does not join the amount before it
        ("The Fund gives EUR 5 (five) million and ten (10) fellowships, two hundred and ten (210) grants.",
         [(5e6, "EUR", "exact", None), (10, "fellowships", "exact", None), (210, "grants", "exact", None)]),
        # the CFA franc before or after an amount, West African unless the text names Central
        # Africa's countries more
        ("Dakar pays FCFA 787 million, or CFA 5,000 a student.", [(787e6, "XOF", "exact", None), (5000, "XOF", "exact", None)]),
        ("Cameroon and Gabon pay 787 million FCFA and 5,000 CFA francs.",
         [(787e6, "XAF", "exact", None), (5000, "XAF", "exact", None)]),
        # a code that is a word or an acronym, after a small bare number and before a plural, is no money
        ("He made 3 CAD drawings and holds 2 CFA charters; it cost 500 CAD per month, 3,000 CAD in all.",
         [(3, "drawings", "exact", None), (2, "charters", "exact", None), (500, "CAD", "exact", None),
          (3000, "CAD", "exact", None)]),
        # a note in capitals declares too; dollars written "U.S" are no declaration (and no crash)
        ("BUDGET (IN MILLIONS OF CANADIAN DOLLARS)\nRow   2024\nIt seeks $45 million.", [(45e6, "CAD", "exact", None)]),
        ("The fund is worth $5 million, or 4.6 million U.S dollars and 4 million US. dollars.",
         [(5e6, "USD", "exact", None)]),
        # a currency named in passing, or beside US dollars, declares nothing
        ("Prices in Canadian dollars rose. Washington committed $3 billion.", [(3e9, "USD", "exact", None)]),
        ("All figures in USD. The Canadian partner (in CAD) added C$5 million; the NSF $2 million.",
         [(5e6, "CAD", "exact", None), (2e6, "USD", "exact", None)]),
        ("All amounts are in Australian dollars: $5 million, or US$3.3 million.",
         [(5e6, "AUD", "exact", None), (3.3e6, "USD", "exact", None)]),
        ("It costs $5 million (7 million Canadian dollars), reaching millions of homes.",
         [(5e6, "USD", "exact", None), (7e6, "CAD", "exact", None), (1e6, "homes", "more_than", None)]),
        # spoken "like" before a number, not a likeness or the verb; a qualifier before an article
        ("They take like 20 people, something like 40% of the stipend.",
         [(20, "people", "about", None), (40, "percent", "about", None)]),
        ("It looks like 3 labs will close; I like 2 teams.", [(3, "labs", "exact", None), (2, "teams", "exact", None)]),
        ("Kenya, like 40 other countries, signed; the plan, like 3 others, was cut.",
         [(40, "countries", "exact", None), (3, "others", "exact", None)]),
        ("Questions about an 80% cut were raised.", [(80, "percent", "exact", None)]),
        ("It was roughly an 8% success rate, up to a 60 day wait, over a four-year period.",
         [(8, "percent", "about", None), (60, "days", "at_most", None), (4, "years", "exact", None)]),
        ("It signed deals with at least 12 countries.", [(12, "countries", "at_least", None)]),
        ("It spends less than 5% of the budget.", [(5, "percent", "less_than", None)]),
        ("Fewer than 20 teams applied.", [(20, "teams", "less_than", None)]),
        ("The farm covers under 100 hectares.", [(100, "hectares", "less_than", None)]),
        ("No more than 50 participants may attend.", [(50, "participants", "at_most", None)]),
        ("It hired about 200 engineers.", [(200, "engineers", "about", None)]),
        ("The port handled around 3,500 tonnes.", [(3500, "tonnes", "about", None)]),
        ("The road is approximately 60 km long.", [(60, "kilometers", "about", None)]),
        ("Costs rose roughly 7 percent.", [(7, "percent", "about", None)]),
        ("Almost 90 projects were funded.", [(90, "projects", "nearly", None)]),
        ("Close to 1,000 delegates came.", [(1000, "delegates", "nearly", None)]),
        ("It has 50+ partners.", [(50, "partners", "at_least", None)]),
        ("It drew 5,000 or more visitors.", [(5000, "visitors", "at_least", None)]),
        # ranges
        ("Funding grew from 20 to 30 percent.", [(20, "percent", "range", 30)]),
        ("It set up between 5 and 10 laboratories.", [(5, "laboratories", "range", 10)]),
        ("The plan costs 2-3 billion yuan.", [(2e9, "CNY", "range", 3e9)]),
        ("They shipped 5-10 million doses.", [(5e6, "doses", "range", 1e7)]),
        # one currency sign for both ends: the second end is money too
        ("It costs $2-3 million.", [(2e6, "USD", "range", 3e6)]),
        ("It costs €5-10m.", [(5e6, "EUR", "range", 1e7)]),
        ("It costs $2 to 3 billion.", [(2e9, "USD", "range", 3e9)]),
        ("Fees were $5 - 2020 rates.", [(5, "USD", "exact", None)]),
        # a scale word or a currency word joined by a hyphen; "k" before a currency
        ("It is a $1.5-trillion plan.", [(1.5e12, "USD", "exact", None)]),
        ("She won a 10-million-euro grant.", [(1e7, "EUR", "exact", None)]),
        ("It costs 300k euros.", [(3e5, "EUR", "exact", None)]),
        ("Some 20% to 30% of firms report it.", [(20, "percent", "range", 30)]),
        # a number word is never what a number counts: "one" here counts nothing
        ("Then one followed two weeks on.", [(2, "weeks", "exact", None)]),
        # degrees Celsius glued to the number, where a temperature is meant
        ("Warming must stay below 1.5C.", [(1.5, "°C", "less_than", None)]),
        ("Temperatures hit 45C in July.", [(45, "°C", "exact", None)]),
        ("It is between 1.5C and 2C.", [(1.5, "°C", "range", 2)]),
        # a proportion is a share, as a percent; its second number counts nothing
        ("One in five researchers is a woman.", [(20, "percent", "exact", None)]),
        ("Nearly 3 out of 10 projects fail.", [(30, "percent", "nearly", None)]),
        ("Rebels hold 5 out of 18 governorates.", [(18, "governorates", "exact", None)]),
        ("It opened 3 labs in 10 countries.", [(3, "labs", "exact", None), (10, "countries", "exact", None)]),
        ("Of the labs, one opened three days ago.", [(3, "days", "exact", None)]),
        # "and" joins digits to a number only after "hundred": two amounts, not one
        ("It provides US$10 million and 300 scholarships.",
         [(1e7, "USD", "exact", None), (300, "scholarships", "exact", None)]),
        ("It gives five million and 12 projects.", [(12, "projects", "exact", None)]),
        ("It has 3 hundred and 21 labs.", [(321, "labs", "exact", None)]),
        # a footnote mark in superscript is no part of the number; a unit's power is
        ("Over 1.8 billion² doses were sent.", [(1.8e9, "doses", "more_than", None)]),
        ("Japan pledged $5 million² and 45%¹ of 12 km² to it.",
         [(5e6, "USD", "exact", None), (45, "percent", "exact", None), (12, "square kilometers", "exact", None)]),
        # scale abbreviations in capitals and glued scale words; Swiss thousands
        ("It costs $1.2 Bn, €300 Mio and Rs 500 cr.", [(1.2e9, "USD", "exact", None), (3e8, "EUR", "exact", None),
                                                      (5e9, "INR", "exact", None)]),
        ("They raised £1.2billion for 300million doses.", [(1.2e9, "GBP", "exact", None), (3e8, "doses", "exact", None)]),
        ("It gave 1.2 milliard euros.", [(1.2e9, "EUR", "exact", None)]),
        # "more", "fewer", "additional" between a number and its noun
        ("They hired 50 more scientists and 3 additional engineers; one more time, 10 fewer labs.",
         [(50, "scientists", "exact", None), (3, "engineers", "exact", None), (10, "labs", "exact", None)]),
        # a number alone on its line after a label counts the label's plural noun
        ("Key figures\nParticipants: 1,200\n- Joint labs: 23\nResearchers involved: approx. 200\nYear: 2021\nScore: 3\n",
         [(1200, "participants", "exact", None), (23, "labs", "exact", None), (200, "researchers", "about", None)]),
        # ... a note in brackets after the label
        ("Participants (total): 7\nStaff (FTE): 12\n", [(7, "participants", "exact", None), (12, "staff", "exact", None)]),
        # "from ... to ..." after a verb of change is a change, two figures, not a range
        ("Spending rose from 48% to 55%; budgets went up from $1bn to $2bn.",
         [(48, "percent", "exact", None), (55, "percent", "exact", None), (1e9, "USD", "exact", None),
          (2e9, "USD", "exact", None)]),
        ("The pilot runs from 5 to 10 sites.", [(5, "sites", "range", 10)]),
        # a minus before a currency sign negates the amount; a dash between two amounts does not
        ("The balance was -$4.5 million, then −€3bn; it cost $2-$3 million.",
         [(-4.5e6, "USD", "exact", None), (-3e9, "EUR", "exact", None), (2e6, "USD", "range", 3e6)]),
        # more qualifiers, in words and in signs
        ("As many as 40 scientists and as much as $40 million; perhaps 30 labs, c. 20 staff.",
         [(40, "scientists", "at_most", None), (4e7, "USD", "at_most", None), (30, "labs", "about", None),
          (20, "staff", "about", None)]),
        ("Rates were <40% and >20%; ≥40 scientists and ≈50 engineers came. Maximum 40 people.",
         [(40, "percent", "less_than", None), (20, "percent", "more_than", None),
          (40, "scientists", "at_least", None), (50, "engineers", "about", None), (40, "people", "at_most", None)]),
        # "one" as a source who speaks counts nothing
        ("The plan was sound, one senior official said; one expert told AFP.", []),
        ("It opened one lab, officials said.", [(1, "lab", "exact", None)]),
        # a number inside a name is no count, a lower-case plural after it notwithstanding
        ("Two Falcon 9 rockets flew; the Goal 3 aims are high; NASA's Apollo 11 astronauts spoke.", []),
        ("France 4,900 researchers; Kenya Trains 300 Nurses.",
         [(4900, "researchers", "exact", None), (300, "Nurses", "exact", None)]),
        # a currency code that is also a word or acronym needs an amount that looks like money
        ("At COP 28 they pledged COP 28 billion; the CAD 3 model cost CAD 4,500.",
         [(2.8e10, "COP", "exact", None), (4500, "CAD", "exact", None)]),
        ("The SNSF granted CHF 1'500'000 to 1’200 researchers.",
         [(1.5e6, "CHF", "exact", None), (1200, "researchers", "exact", None)]),
        # a decimal comma with a scale word or a percent: an amount ("5,00" or "22,24" alone: none),
        # and so is one with a unit in a text that writes them so
        ("Berlin gave €1,8 million and EUR 2,5 Mio. while prices of 5,00 euros rose 1,5 %.",
         [(1.8e6, "EUR", "exact", None), (2.5e6, "EUR", "exact", None), (5, "EUR", "exact", None),
          (1.5, "percent", "exact", None)]),
        ("Prices of 5,00 euros rose, and 22,24 pupils came.", []),
    ],
)
def test_find_figures(text: str, expected: list[tuple]) -> None:
    assert _figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 1979, the accord was signed.",
        "The 2021 China-Africa Conference opened.",
        "The 2015 Nobel Prize went to her.",
        "On December 15 the ministers met; on Dec. 17, 2021 they left.",
        "Music of the 1970s returned.",
        "Within (2008–2013) incidence dropped.",
        "Mozi lived in the Spring and Autumn Period (770–476 BC).",
        "They met at 10:30 and again at 3 p.m.",
        "He is the 11th Ambassador; the third round of talks began on the 20th anniversary.",
        "The COVID-19 pandemic hit the No. 7 unit under the 12th Five-Year Plan.",
        "The 8AT gearbox, the G20 and the Boeing 737 were shown.",
        "The Chang'e-5 and Tianwen-1 probes flew.",
        "VOL.1-NO.25. See page 4 and p. 12 of the report.",
        "Tel: 86-10-88828000",
        "FAST is one of the largest telescopes.",
        "One exciting example is malaria.",
        "Row 5C is empty; grade 3C pupils and rooms 5C and 6C.",
        "A second one followed soon after; a third one opened.",
        "It built parks with eight of them.",
        "The Five-Hundred-Meter Aperture Spherical Radio Telescope.",
        "A 5G network links 4K cameras.",
        "The ratio grew 2.6 times.",
        "In 2021 scientists from Kenya visited.",
        "Read more at https://example.org/2021/12/30-projects now.",
        "The R2 score and the R 5 mark, on route R61, and Route GH 12.",
        "The SR 2 line, the DEM 30 grid, NAD 5 levels and the FF 7 font.",  # codes and signs that are words
        "Cut in half, the second half of the lab; about one-quarter of US operations.",
        "Chapter 3\n3.2 Observations\n\nMore text follows here.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("China has provided more than 1.8 billion doses of vaccines.", "more than 1.8 billion doses"),
        ("with over **8,300** young scientists", "over **8,300** young scientists"),
        ("The bank lent US$2 million to the lab.", "US$2 million"),
        ("It set up between 5 and 10 laboratories.", "between 5 and 10 laboratories"),
        ("Prices rose by 3.2% in 2021.", "3.2%"),
    ],
)
def test_figure_span_covers_qualifier_number_unit(text: str, quote: str) -> None:
    (fig,) = find_figures(text)
    assert text[fig.start:fig.end] == quote


@pytest.mark.parametrize(
    "text",
    ["1," * 50_000, "9" * 1_000_000, "A-" * 200_000, "Aa " * 200_000, ". " * 200_000,
     "$1 " * 10_000, "one " * 20_000, "- 1" * 20_000, "hundreds of " * 20_000,
     "5 countries and " * 5_000, "\u00a0-\u2013" * 100_000, "more than " * 50_000],
)
def test_find_figures_completes_on_pathological_input(text: str) -> None:
    out = find_figures(text)
    assert all(0 <= f.start < f.end <= len(text) for f in out)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_find_figures_never_raises(text: str) -> None:
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)


# Pieces for texts around a number: qualifiers, units, currencies, range
# separators, words, blanks and the chars that fold case oddly ("ſ", Kelvin).
_QUICK_PIECES = ["more than", "MORE THAN", "Up to", "approx.", "~", "at least", "of", "to", "and", "through", "in",
                 "the", "over", "clover", "ſome", "%", "per cent", "km", "KM", "sq km", "kilowatt-hour", "°C", "℃",
                 "US", "U.S.", "dollars", "Canadian dollars", "pounds", "pounds of", "RMB", "USD", "ABC", "€", "R", "GH₵", "KSh", "¥",
                 "people", "million", "-", "–", "$", "5", " ", "  ", "\t", "\n", "\u00a0", "*", "_", "(", "é",
                 "\u212a"]


def _old_prev_word(text: str, pos: int) -> str:
    m = figures_filters._PREV_WORD_RE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _span(m: object) -> object:
    return m and (m.span(), m.span("q"))  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_QUICK_PIECES), max_size=8).map("".join))
def test_quick_tests_agree_with_the_regexes_they_spare(text: str) -> None:
    """Each str-method test before a regex only skips it where it cannot match."""
    n = len(text)
    for pos in {0, 1, n // 2, n - 1, n} - {-1}:
        assert _span(figures_filters.qualifier_before(text, pos)) == _span(
            figures_filters.QUAL_RE.search(text, max(0, pos - 24), pos))
        assert figures_filters.prev_word(text, pos) == _old_prev_word(text, pos)
        assert figures_units.measure_at(text, pos) == figures_units._measure_re(text, pos)
        assert figures_units.currency_after(text, pos) == figures_units._currency_re(text, pos)
        assert figures._range_gap(text, pos, n) == (figures._RANGE_LOOSE_RE.fullmatch(text, pos, n) is not None)


# The word of WALK_RE as first written: a repeated alternation (slower, same matches).
_OLD_WALK_RE = re.compile(r"[^\W\d_](?:[\w'’\-]|[‐‑–](?=[^\W\d_]))*|\d[\d.,]*|[^\s*_]")
_WALK_PIECES = ["a", "B", "é", "5", "1,2", ".", "'", "’", "-", "‐", "‑", "–", "—", "_", "*", " ", "\n", "x-", "–5"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WALK_PIECES), max_size=10).map("".join))
def test_walk_re_reads_as_first_written(text: str) -> None:
    for pos in range(len(text) + 1):
        old, new = _OLD_WALK_RE.match(text, pos), figures_nouns.WALK_RE.match(text, pos)
        assert (old and old.span()) == (new and new.span())


def test_blank_chars_are_every_white_space_but_the_line_break():
    from sci_diplo.normalize import figures_filters

    everything = {c for c in map(chr, range(0x110000)) if c.isspace() and c != "\n"}
    assert figures_filters._BLANK_CHARS == everything
    assert figures_filters._QUAL_TAIL == "".join(sorted(everything)) + "*_"


def test_the_period_an_amount_is_spread_over_is_quoted_without_over() -> None:
    text = "The deal, worth $2.5 billion over ten years, covers scientists over 40 years old."
    assert [text[f.start:f.end] for f in find_figures(text)] == ["$2.5 billion", "ten years", "over 40 years"]


def test_a_share_quotes_what_it_is_of_not_the_verb_after_it():
    text = "Half of the money comes from Kenya, and a third of the funding went to Peru."
    assert [text[f.start:f.end] for f in find_figures(text)] == ["Half of the money", "a third of the funding"]


def test_a_statements_declared_thousands_and_prior_year_comparatives():
    text = ("Notes 7–10: amounts in thousands of euros unless otherwise stated\n\n"
            "In 2024 the Board approved 143 new grants (2023: 121).\n\n"
            "Programme line                              2024        2023\n"
            "River Basin Joint Call                    11,482       9,760\n"
            "Decommitments                               (628)       (415)\n\n"
            "Contributions recognised totalled 16,500 (2023: 15,500). Exchange differences amounted to (37).\n")
    got = [(text[f.start:f.end], f.value, f.unit) for f in find_figures(text)]
    assert got == [("143 new grants", 143, "grants"), ("121", 121, "grants"), ("11,482", 11_482_000, "EUR"),
                   ("9,760", 9_760_000, "EUR"), ("(628)", -628_000, "EUR"), ("(415)", -415_000, "EUR"),
                   ("16,500", 16_500_000, "EUR"), ("15,500", 15_500_000, "EUR"), ("(37)", -37_000, "EUR")]
    # with no such note, a bare amount is no money
    assert [f.unit for f in find_figures("Contributions recognised totalled 16,500 in all.")] == []
