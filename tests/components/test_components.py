"""Each component on sentences of our own, through the real pipeline (20+ per component)."""

import pytest

from sci_diplo.components.extensions import CLAIMS, COUNTRIES, DATES, FIGURES, PROGRAMMES


def run(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.published, doc._.published_source = published, "option" if published else "none"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize(
    "text,codes",
    [
        ("China and Russia signed it.", ["CHN", "RUS"]),
        ("The U.S.-China Clean Energy Research Center closed.", ["USA", "CHN"]),
        ("China-U.S. relations improved.", ["CHN", "USA"]),
        ("Côte d'Ivoire hosted the forum.", ["CIV"]),
        ("Officials from the Democratic Republic of the Congo attended.", ["COD"]),
        ("South Korea and Japan agreed.", ["KOR", "JPN"]),
        ("Türkiye joined the project.", ["TUR"]),
        ("A Comorian doctor and a Chinese nurse.", ["COM", "CHN"]),
        ("The UK’s Newton Fund paid.", ["GBR"]),
        ("British and German teams met.", ["GBR", "DEU"]),
        ("The Indonesia-China Center for Ocean & Climate opened.", ["IDN", "CHN"]),
        ("Delegates from South Africa arrived.", ["ZAF"]),
        ("Papua New Guinea signed.", ["PNG"]),
        ("Africa and Asia are continents, not countries.", []),
        ("The United Nations met in the Global South.", []),
        ("Let us go.", []),
        ("Brazil, India and Kenya sent scientists.", ["BRA", "IND", "KEN"]),
        ("The Russian Federation and the People's Republic of China agreed.", ["RUS", "CHN"]),
        ("Experts from the Comoros and Madagascar met.", ["COM", "MDG"]),
        ("A Pakistani engineer and an Italian physicist.", ["PAK", "ITA"]),
        ("Vietnam and Laos signed.", ["VNM", "LAO"]),
    ],
)
def test_countries(nlp, text, codes):
    doc = run(nlp, text)
    assert [s._.country_code for s in doc.spans[COUNTRIES]] == codes
    for span in doc.spans[COUNTRIES]:
        assert span.label_ == "COUNTRY" and text[span.start_char : span.end_char] == span.text


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("In March 2021, they met.", None, [("2021-03", "on")]),
        ("It was signed on Dec. 17, 2021.", None, [("2021-12-17", "on")]),
        ("He has served since July 2021.", None, [("2021-07", "since")]),
        ("Peak emissions before 2030.", None, [("2030", "before")]),
        ("Within five years (2008–2013), cases fell.", None, [("2008/2013", "during")]),
        ("Dujiangyan was built in 272 BC.", None, [("-0271", "on")]),
        ("The event concluded last month.", "2021-12-23", [("2021-11", "on")]),
        ("This year marks an anniversary.", "2021-12-23", [("2021", "on")]),
        ("Fifty years ago, he visited.", "2021-12-17", [("1971", "on")]),
        ("Xi said on December 15 that ties grew.", "2021-12-23", [("2021-12-15", "on")]),
        ("The interview was published Friday night.", "2021-12-19", [("2021-12-17", "on")]),
        ("In May, the plant broke ground.", "2011", [("2011-05", "on")]),
        ("The plan runs until 2025.", None, [("2025", "until")]),
        ("By 2035, output will double.", None, [("2035", "by")]),
        ("The talks took place in 1979.", None, [("1979", "on")]),
        ("Last year, trade grew.", None, [(None, "on")]),
        ("They met on 5 June 2019.", None, [("2019-06-05", "on")]),
        ("Sales rose in the first half of 2022.", None, [("2022-01/2022-06", "during")]),
        ("Results came in Q3 2021.", None, [("2021-07/2021-09", "during")]),
        ("It grew between 2015 and 2020.", None, [("2015/2020", "during")]),
        ("Nothing happened so far, and nothing now.", None, []),
    ],
)
def test_dates(nlp, text, published, expected):
    doc = run(nlp, text, published)
    assert [(s._.date_value, s._.relation) for s in doc.spans[DATES]] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("China provided more than 1.8 billion doses of vaccines.", [(1.8e9, "doses", "more_than", None)]),
        ("They built thirty-three joint laboratories.", [(33, "laboratories", "exact", None)]),
        ("It supported over 8,300 young foreign scientists.", [(8300, "scientists", "more_than", None)]),
        ("Incidence dropped by 95%.", [(95, "percent", "exact", None)]),
        ("The EU pledged €3.4 billion.", [(3.4e9, "EUR", "exact", None)]),
        ("Canada gave US$2 million.", [(2e6, "USD", "exact", None)]),
        ("The farm has a capacity of 47.5 megawatts.", [(47.5, "megawatts", "exact", None)]),
        ("The station stands at 4,300 meters.", [(4300, "meters", "exact", None)]),
        ("Up to 5,000 students may apply.", [(5000, "students", "at_most", None)]),
        ("Nearly 40 countries joined.", [(40, "countries", "nearly", None)]),
        ("About 200 experts attended.", [(200, "experts", "about", None)]),
        ("Fewer than 10 satellites remain.", [(10, "satellites", "less_than", None)]),
        ("At least 12 universities signed.", [(12, "universities", "at_least", None)]),
        ("Between 5 and 10 labs will open.", [(5, "labs", "range", 10)]),
        ("A dozen institutes took part.", [(12, "institutes", "exact", None)]),
        ("They trained 1.5 million farmers.", [(1.5e6, "farmers", "exact", None)]),
        ("Temperatures may rise 1.5 °C.", [(1.5, "°C", "exact", None)]),
        ("In 2021 the 11th Ambassador spoke about COVID-19.", []),
        ("A total of 15 cooperation projects were inked.", [(15, "projects", "exact", None)]),
        ("It has 152 countries and regions as partners.", [(152, "countries", "exact", None)]),
        ("The fund is worth 2 billion yuan.", [(2e9, "CNY", "exact", None)]),
    ],
)
def test_figures(nlp, text, expected):
    doc = run(nlp, text)
    got = [(s._.figure_value, s._.unit, s._.qualifier, s._.upper) for s in doc.spans[FIGURES]]
    assert got == [(pytest.approx(v), u, q, up) for v, u, q, up in expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("They renewed the U.S.-China Agreement on Cooperation in Science and Technology.",
         [("U.S.-China Agreement on Cooperation in Science and Technology", "agreement", [])]),
        ("The U.S.-China Clean Energy Research Center (CERC) closed.",
         [("U.S.-China Clean Energy Research Center", "centre", ["CERC"])]),
        ("They joined the Integrated Ocean Drilling Program (IODP).",
         [("Integrated Ocean Drilling Program", "programme", ["IODP"])]),
        ("Both signed the China-Russia Treaty of Good-neighborliness and Friendly Cooperation.",
         [("China-Russia Treaty of Good-neighborliness and Friendly Cooperation", "treaty", [])]),
        ("It implements the Belt and Road Initiative.", [("Belt and Road Initiative", "initiative", [])]),
        ("The Kenya-China Joint Laboratory for Crop Molecular Biology opened.",
         [("Kenya-China Joint Laboratory for Crop Molecular Biology", "joint_lab", [])]),
        ("The Green Climate Fund paid out.", [("Green Climate Fund", "fund", [])]),
        ("They attended the Sino-African Innovation Forum.", [("Sino-African Innovation Forum", "conference", [])]),
        ("The 14th Five-Year Plan starts.", [("14th Five-Year Plan", "plan", [])]),
        ("The China-EU Summit ended.", [("China-EU Summit", "conference", [])]),
        ("Experts met at the Mauna Kea Observatory.", [("Mauna Kea Observatory", "facility", [])]),
        ("The Strategic and Economic Dialogue resumed.", [("Strategic and Economic Dialogue", "dialogue", [])]),
        ("They signed a Memorandum of Understanding on Marine Science.",
         [("Memorandum of Understanding on Marine Science", "mou", [])]),
        ("The Ministry of Science and Technology spoke.", []),
        ("Peking University and the Chinese Academy of Sciences agreed.", []),
        ("The Square Kilometre Array Project moved on.", [("Square Kilometre Array Project", "project", [])]),
        ("China, Russia to Expedite Cooperation on Cutting-edge Technologies", []),
        ("The Talented Young Scientist Program grew.", [("Talented Young Scientist Program", "programme", [])]),
        ("The Paris Agreement was signed.", [("Paris Agreement", "agreement", [])]),
        ("The Jiuquan Satellite Launch Center launched it.", [("Jiuquan Satellite Launch Center", "facility", [])]),
        ("The Africa-China Partnership Plan on Science was adopted.",
         [("Africa-China Partnership Plan on Science", "plan", [])]),
    ],
)
def test_programmes(nlp, text, expected):
    doc = run(nlp, text)
    got = [(s._.programme_name, s._.category, list(s._.aliases)) for s in doc.spans[PROGRAMMES]]
    assert got == expected


def test_a_name_broken_across_lines_is_read_whole_and_quoted_as_written(nlp):
    text = ("The two agencies work under the Executive Pro-\ngramme of Scientific Cooperation and the Sino-\n"
            "African Fund, which opened in 2021 with 40 projects.")
    doc = run(nlp, text)
    got = [(s._.programme_name, s.text) for s in doc.spans[PROGRAMMES]]
    assert got == [("Executive Programme of Scientific Cooperation", "Executive Pro-\ngramme of Scientific Cooperation"),
                   ("Sino-African Fund", "Sino-\nAfrican Fund")]


def test_a_name_runs_on_into_an_indented_line(nlp):
    text = ("14:30–16:00   Parallel sessions B1–B3, including a workshop of the Italy–Mexico\n"
            "              Space Weather Initiative (IMSWI)\n\nPlan          Space Fund")
    doc = run(nlp, text)
    # (a row's wide gap still parts two cells: no "Plan Space Fund")
    assert [s._.programme_name for s in doc.spans[PROGRAMMES]] == ["Italy–Mexico Space Weather Initiative", "Space Fund"]


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("In March 2021, China and Russia signed a memorandum.", None, [("2021-03", ["CHN", "RUS"])]),
        ("Kenya thrived. In 2019, output rose by 4%.", None, [("2019", ["KEN"])]),
        ("Chile opened a lab in 2015 and a second one in 2018.", None, [("2015", ["CHL"]), ("2018", ["CHL"])]),
        ("The conference opened on December 12 in Wuhan.", "2021-12-23", [("2021-12-12", [])]),
        ("The 2021 China-Africa Innovation Cooperation Conference opened on December 12.", "2021-12-23",
         [("2021-12-12", ["CHN"])]),
        ("Last month, Egypt launched a satellite.", "2023-05-04", [("2023-04", ["EGY"])]),
        ("Science diplomacy today matters.", "2021-12-19", []),
        ("The Commission has today signed an agreement with Norway.", "2023-06-14", [("2023-06-14", ["NOR"])]),
        ("NASA today announced awards to Canadian teams.", "2021-12-17", [("2021-12-17", ["CAN"])]),
        ("The old canal is still running today.", "2021-12-17", []),
        ("Today the European Union and Morocco signed an agreement.", "2025-03-03", [("2025-03-03", ["MAR"])]),
        ("The ministry said today that India will build a lab.", "2025-03-03", [("2025-03-03", ["IND"])]),
        ("India and Germany signed an agreement today.", "2025-03-03", [("2025-03-03", ["DEU", "IND"])]),
        # irregular pasts, from the one list the dates' tense reading shares
        ("Kenya and Japan today broke ground on a laboratory.", "2024-03-04", [("2024-03-04", ["JPN", "KEN"])]),
        ("Ghana today chose Accra as host of the hub.", "2024-03-04", [("2024-03-04", ["GHA"])]),
        ("Today, Kenya has 30 labs and a fund.", "2025-03-03", []),
        ("The United States today has 30 labs.", "2025-03-03", []),
        ("Today, advanced sequencing is used in Kenya.", "2025-03-03", []),
        ("Today, more than 60 countries are involved, Kenya among them.", "2025-03-03", []),
        ("Today the so-called brain drain has slowed in Kenya.", "2025-03-03", []),
        ("Many of the scientists trained in Japan still work in Kenya today.", "2025-03-03", []),
        # a year in a programme's name dates nothing
        ("The 2030 Agenda for Sustainable Development guides Kenyan policy.", None, []),
        ("Kenya adopted the Vision 2030 Plan in 2008.", None, [("2008", ["KEN"])]),
        ("Kenya and Peru agreed a Coastal Research Plan for 2024–2028, backed by $5 million.", None,
         [("2024/2028", ["KEN", "PER"])]),
        ("A Kenyan won the 2015 Nobel Prize in Physiology or Medicine.", None, [("2015", ["KEN"])]),  # an event's year
        ("Wednesday, January 25, 2023", None, []),
        ("India will reach net zero by 2070.", None, [("2070", ["IND"])]),
        ("Since 2005, Brazil has hosted the forum.", None, [("2005", ["BRA"])]),
        ("No date here, only Peru.", None, []),
        ("Fifty years ago, France and Japan met.", "2021-12-17", [("1971", ["FRA", "JPN"])]),
        ("In June, Germany and China set up a partnership.", "2011", [("2011-06", ["CHN", "DEU"])]),
        ("Mongolia signed in 2010; Nepal signed in 2012.", None, [("2010", ["MNG", "NPL"]), ("2012", ["MNG", "NPL"])]),
        ("Between 2015 and 2020, Ghana trained 300 nurses.", None, [("2015/2020", ["GHA"])]),
        ("This year, Norway pledged 5 million kroner.", "2022-03-01", [("2022", ["NOR"])]),
        ("On Friday, Senegal and Mali met.", "2021-12-19", [("2021-12-17", ["MLI", "SEN"])]),
        ("The station was built in 272 BC by Greece.", None, [("-0271", ["GRC"])]),
        ("Argentina joined the ITER project in 2007.", None, [("2007", ["ARG"])]),
        ("Tanzania's plan runs until 2030.", None, [("2030", ["TZA"])]),
        ("In November 2008, Cuba and China signed a Memorandum of Understanding on Health.", None,
         [("2008-11", ["CHN", "CUB"])]),
        ("Waters off Norway were 2 °C warmer than the 1991–2020 average.", None, []),
        ("Report No. 9 | March 2022", None, []),
        ("Peru hosts the congress on 3 May, and a survey starts in the second half of the year.", "2024-02-01",
         [("2024-05-03", ["PER"]), ("2024-07/2024-12", ["PER"])]),
        ("Emissions in Chile fell below 2019 levels in 2022.", None, [("2022", ["CHL"])]),
        # a date inside a clause's other date is dropped, but an interval dates a period of its own
        ("Chile's 2021 Conference opened on December 12.", "2022-01-10", [("2021-12-12", ["CHL"])]),
        ("Chile plans full operation from January 2025 and a joint work plan for 2025–2027.", "2024-06-06",
         [("2025-01", ["CHL"]), ("2025/2027", ["CHL"])]),
        # a question claims nothing
        ("Q: Will Norway join the project next year?", "2023-06-01", []),
        ("“Did Peru sign in 2019?” he asked. Chile signed in 2020.", None, [("2020", ["CHL"])]),
        # a reference list cites, and a page's note of its last change states nothing
        ("France and Vietnam renewed it in 2018.\n\nReferences\n\n1. Lê, Minh (2009). Science in Vietnam, "
         "1975–2005. Hanoi.\n", None, [("2018", ["FRA", "VNM"])]),
        ("France and Vietnam renewed it in 2018.[1]\n^ Lê, Minh Châu (2009). Hanoi Press.\n", None,
         [("2018", ["FRA", "VNM"])]),
        ("Kenya joined in 2019.\nThis page was last edited on 9 October 2023, at 14:27 (UTC).\n", None,
         [("2019", ["KEN"])]),
        ("Table 3.1 Selected instruments in Kenya (as of June 2023)\nFigure 2: Funding of Peru, 2015–2020\n", None, []),
        ("Posted by Jess Tremblay · December 12, 2023 · 6 min read\nBy March, Kenya will join.\n", "2023-12-12",
         [("2024-03", ["KEN"])]),
        # a document's stamp in a masthead bar or a labelled line; a sentence about publishing claims
        ("Kenya–Peru call · Call reference KP-2024-03 · Published 15.11.2024\n\nIssued: 29 April 2024\n", None, []),
        ("Kenya published the report on 5 May 2020.", None, [("2020-05-05", ["KEN"])]),
        # a schedule's line of a label and its date states something, as a bulleted item of two words does;
        # a line of two words is a masthead
        ("Kenya–Peru exchange\n\nOnline interviews: 12–23 January 2026\nSelection results: by 27 February 2026\n",
         "2025-09-15", [("2026-01-12/2026-01-23", []), ("2026-02-27", [])]),
        ("Kenya timeline\n• 12 Oct 2023 – Kenya joined\n\nKenya Review | March 2024\n", None, [("2023-10-12", ["KEN"])]),
        # a short line that gives the document's own date; a heading in capitals: no event
        ("KENYA COUNCIL\nIssued by the Permanent Secretariat, Nairobi, 28 November 2025\n\nKenya met on 3 May 2024.",
         None, [("2024-05-03", ["KEN"])]),
        ("Kenya–Peru page\nPage updated: 2025-09-15 · Print this page\n\nANNUAL IMPLEMENTATION REPORT 2024/25\n"
         "KEY FIGURES (academic year 2024/25)\nKenya joined in 2021.", None, [("2021", ["KEN"])]),
        # ... but a sentence of the line says that it was published, and a heading's sentence claims
        ("Kenya's interview with the magazine was published on Dec 17, 2021\n\nText.", None, [("2021-12-17", ["KEN"])]),
        ("KENYA AND PERU signed an accord on 3 May 2024.", None, [("2024-05-03", ["KEN", "PER"])]),
        # (probed) a line that opens with two acronyms, wrapped, states what it says; a sentence with
        # "released on" is no label
        ("Kenya met the ministry and\nWHO AFRO officials on 14 February 2024, before flying to Kigali, where the\nteam",
         None, [("2024-02-14", ["KEN"])]),
        ("Kenya released on 3 March 2024 its first science diplomacy strategy.", None, [("2024-03-03", ["KEN"])]),
        ("Kenya call FAQ\n\nFAQ version 3 — published 19 January 2026. Kenya joined in 2021.", None, [("2021", ["KEN"])]),
        # the year of a cited work states no event; a place's or a month's in brackets may
        ("Kenya's ties are discussed in Al-Rawahi (2021), pp. 4-9; see Mwakyusa and Al-Said (2023).", None, []),
        ("As Smith et al. (2019) and (Chen and Li, 2020) show, Kenya signed in Nairobi (2021).", None,
         [("2021", ["KEN"])]),
        # a place's note in brackets dates its event; a single name in brackets is no sure citation
        ("At COP28 (Dubai, 2023), Kenya pledged to triple renewables.", None, [("2023", ["KEN"])]),
        ("On 5 March 2024, Kenya's minister wrote:\nWe will sign.", None, [("2024-03-05", ["KEN"])]),
        ("Sources: Kenya signed the deal on 12 March 2024, officials said.", None, [("2024-03-12", ["KEN"])]),
        ("Kenya lost contact with it at 2024-03-05 18:42 UTC, the agency said.", None, [("2024-03-05", ["KEN"])]),
        # a journal's volume, a page's time stamp, an archive's capture, a masthead's last field, a
        # reply's attribution, a forum handle's line, a line of sources: the document's, no event
        ("Journal of Kenyan Water Science 14 (2023) 101872\n\nSource: Xinhua  Editor: Liu Yang  2024-12-05 18:42:07\n"
         "[Archived snapshot · captured 18 Mar 2024, 09:12 UTC]\n", None, []),
        ("FACT SHEET  |  Kenya Research Cooperation  |  March 2024\n\n> On Fri, 10 Feb 2023, Lucía <l@x.ar> wrote:\n"
         "> Kenya agrees.\n\nu/kenya_lab · 5 days ago\nSources: [1] Kenya page (accessed Mar 2024)\n", "2024-03-18", []),
    ],
)
def test_claims(nlp, text, published, expected):
    doc = run(nlp, text, published)
    got = [(d._.date_value, c._.claim_countries) for c in doc.spans[CLAIMS] for d in c._.claim_dates]
    assert got == expected


def _most_precise_pairwise(dates, text):
    """The rule as first written, comparing every pair of dates: the reference for ``most_precise``
    (an interval is compared with none: it dates a period of its own)."""
    from sci_diplo.components.claims import CLAUSE_BREAK
    from sci_diplo.normalize.dates import date_bounds

    bounds = [date_bounds(m.value) if m.value and "/" not in m.value else None for _, m in dates]

    def contains(i, j):
        a, b = bounds[i], bounds[j]
        if a is None or b is None or a == b or not (a[0] <= b[0] and b[1] <= a[1]):
            return False
        lo, hi = sorted((dates[i][1], dates[j][1]), key=lambda m: m.start)
        return not CLAUSE_BREAK.search(text, lo.end, hi.start)

    return [d for i, d in enumerate(dates) if not any(contains(i, j) for j in range(len(dates)))]


def test_most_precise_drops_what_the_pairwise_rule_drops():
    """Random sentences of dates and clause breaks: the sorted rule keeps exactly the dates that
    comparing every pair keeps (the dates given out of text order, on which it must not depend)."""
    import random

    from sci_diplo.components.claims import most_precise
    from sci_diplo.normalize.types import DateMatch

    rng = random.Random(20261204)
    values = ["2021", "2021-03", "2021-03-05", "2021-03-06", "2020/2022", "2021-01/2021-06", "2022", None, "-0271"]
    gaps = [" ", " in ", "; ", ", and ", ", but ", ", ", " and ", " while "]
    checked = 0
    for _ in range(400):
        text, dates = "On", []
        for k in range(rng.randint(2, 12)):
            text += rng.choice(gaps)
            start = len(text)
            text += "d" * rng.randint(1, 4)
            dates.append((k, DateMatch(start, len(text), rng.choice(values))))
        rng.shuffle(dates)
        expected = _most_precise_pairwise(dates, text)
        assert most_precise(dates, text) == expected, text
        checked += len(expected) < len(dates)
    assert checked > 50  # the cases are not all trivial: many drop a date


def test_a_sentence_of_thousands_of_dates_is_linked():
    """A flattened calendar (thousands of dates in one clause, no sentence end) keeps only its most
    precise dates (in 0.03 s; comparing every pair of these 6,000 took 4.2 s)."""
    from sci_diplo.components.claims import most_precise
    from sci_diplo.normalize.types import DateMatch

    text, dates = "", []
    for k in range(6000):  # "2021 ... 2021-03 ..." alternating, one clause
        start = len(text)
        text += "2021 March 2021 " if k % 2 else "2021 "
        dates.append((k, DateMatch(start, len(text) - 1, "2021-03" if k % 2 else "2021")))
    kept = most_precise(dates, text)
    assert {m.value for _, m in kept} == {"2021-03"} and len(kept) == 3000
