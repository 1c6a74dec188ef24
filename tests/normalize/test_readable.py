"""Text as the finders read it: HTML entities and invisible characters, offsets unchanged."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_diplo.normalize.dates import find_dates
from sci_diplo.normalize.figures import find_figures
from sci_diplo.normalize.programmes import find_programmes
from sci_diplo.normalize.readable import (
    capitals_lowered, in_capitals, keep_indented_breaks, readable, readable_runs, rejoin_broken_words, snap,
)


@pytest.mark.parametrize("text,read", [
    ("US$12.5&nbsp;million", "US$12.5 million     "),
    ("About 3&nbsp;500 scientists", "About 3 500      scientists"),
    ("12&#160;%", "12 %     "),
    ("Science &amp; Technology", "Science &     Technology"),
    ("&euro;3 million", "€3      million"),
    ("&pound;5m and &#36;7m", "£5m       and $7m    "),
    ("3&nbsp;000&nbsp;000 euros", "3 000 000           euros"),
    ("South\u200bAfrica, 3\u2060000", "South Africa, 3 000"),
    ("２０２５年３月２７日\u3000ＪＳＴ：１５％, ５，２００ km", "2025年3月27日 JST:15%, 5,200 km"),  # full-width forms
    ("R&D and AT&T; &copy; &#8217;", "R&D and AT&T; ©      ’      "),  # "&T;" is no entity: unchanged
    # a page's source: dashes, quotes, letters and signs, a soft hyphen, an unknown name kept
    ("Chile&ndash;Norway 2025&ndash;2029, Troms&oslash; at 0.8&nbsp;&deg;C, co&shy;operation &bogus;",
     "Chile–Norway       2025–2029,       Tromsø        at 0.8 °C,          cooperation      &bogus;"),
])
def test_entities_are_read_in_their_runs_and_invisible_characters_in_place(text, read):
    assert readable(text) == read


def test_a_pages_tags_of_blocks_tables_and_times_are_read_as_spaces():
    text = ('<p class="byline">By <a href="/a/">Ana Ruiz</a> · <time datetime="2025-05-14T08:30">14 May 2025</time></p>\n'
            "<tr><td>Krill survey</td><td>NOK 20 million</td><td>2025–2027</td></tr>\n<h3>Related</h3>")
    read = readable(text)
    assert len(read) == len(text) and "<" not in read and ">" not in read
    assert read.split() == ["By", "Ana", "Ruiz", "·", "14", "May", "2025", "Krill", "survey", "NOK", "20", "million",
                            "2025–2027", "Related"]
    assert readable("if x<y and z>w </title> <meta name=x>") == "if x<y and z>w </title> <meta name=x>"


def test_a_json_exports_string_escapes_are_read_in_place():
    text = '{"content": "It opened.\\n\\n\\u201cTwenty years ago,\\u201d he said \\"x\\" \\ud83c\\udf89."}'
    read = readable(text)
    assert len(read) == len(text)
    assert read == '{"content": "It opened.    “     Twenty years ago,”      he said " x"              ."}'
    assert readable("Not JSON: \\u201c stays") == "Not JSON: \\u201c stays"


def test_the_rewritten_runs_are_given_and_a_match_inside_one_is_widened_to_it():
    text = "It gave &euro;25&nbsp;million to Kenya."
    read, runs = readable_runs(text)
    assert runs == [(8, 29)] and read[8:19] == "€25 million"
    assert snap(8, 19, runs, [8]) == (8, 29)  # "€25 million" quotes "&euro;25&nbsp;million"
    assert snap(3, 7, runs, [8]) == (3, 7)  # outside every run: unchanged


@given(st.lists(st.sampled_from(["&", "nbsp;", "amp;", "euro;", "#160;", "#x20AC;", "\u200b", "a", "3", " "]), max_size=30).map("".join))
def test_the_readable_text_keeps_every_offset(text):
    assert len(readable(text)) == len(text)


@pytest.mark.parametrize("text,value,unit", [
    ("It pledged US$12.5&nbsp;million.", 12_500_000, "USD"),
    ("It pledged NOK 150\u200b million.", 150_000_000, "NOK"),
    ("It pledged 3\u200b000\u200b000 euros.", 3_000_000, "EUR"),
    ("It pledged 3&nbsp;000&nbsp;000 euros.", 3_000_000, "EUR"),
    ("About 3&nbsp;500 scientists took part.", 3_500, "scientists"),
])
def test_figures_read_through_entities_and_invisible_spaces(text, value, unit):
    (fig,) = find_figures(readable(text))
    assert (fig.value, fig.unit) == (value, unit)


def test_a_thousands_group_cut_from_its_number_is_no_figure():
    assert find_figures("It pledged 3      000      000 euros.") == []  # never 0 euros
    assert [(f.value, f.unit) for f in find_figures("0 cases and 1 000 000 euros")] == [(0, "cases"), (1_000_000, "EUR")]


@pytest.mark.parametrize("text,read", [
    # the tags of paragraphs and words set apart, a CDATA section's brackets, in a text that closes a tag
    ("<p>It grew <b class=\"x\">fast</b>.</p>", "   It grew              fast    .    "),
    ("<description><![CDATA[<p>Four labs</p>]]></description>", "<description>            Four labs       </description>"),
    # a field's tags stay; prose with no closing tag is left alone
    ("<title>Four labs</title>", "<title>Four labs</title>"),
    ("if x<y and z>w then <p>", "if x<y and z>w then <p>"),
])
def test_markup_inside_a_runs_text_is_read_as_spaces(text, read):
    assert readable(text) == read


def test_the_pipeline_reads_a_feeds_item_through_its_markup(nlp):
    doc = nlp("<item>\n<title>Universities team up</title>\n<description><![CDATA[<p>Four Kenyan and three Finnish "
              "universities have formed a consortium.</p>]]></description>\n</item>\n")
    assert [(s.text, s._.figure_value, s._.unit) for s in doc.spans["sci_diplo_figures"]] == [
        ("Four Kenyan and three Finnish universities", 4, "universities"), ("three Finnish universities", 3, "universities")]


def test_the_pipeline_quotes_the_whole_run_of_an_entity(nlp):
    doc = nlp("About 3&nbsp;500 scientists got &euro;25&nbsp;million on 4&nbsp;May 2022.")
    assert [(s.text, s._.figure_value) for s in doc.spans["sci_diplo_figures"]] == [
        ("About 3&nbsp;500 scientists", 3500), ("&euro;25&nbsp;million", 25_000_000)]
    assert [(s.text, s._.date_value) for s in doc.spans["sci_diplo_dates"]] == [("4&nbsp;May 2022", "2022-05-04")]


def test_a_dateline_with_an_entity_gives_the_publication_date():
    from sci_diplo.api import publication

    text = "NAIROBI, March&nbsp;4, 2024 — Kenya and Japan opened a joint laboratory on Monday."
    assert publication(text, {}, None) == ("2024-03-04", "text")


@pytest.mark.parametrize("original,read,runs", [
    ("left on 12 Septem-\nber 2022", "left on 12 September   2022", [(11, 22)]),
    ("with 16 re-\n  searchers", "with 16 researchers    ", [(8, 23)]),
    # a compound's hyphen stays: its first part opens compounds, or its second is capitalised
    ("44 early-\ncareer staff", "44 early-career  staff", [(3, 16)]),
    ("a two-\nyear plan", "a two-year  plan", [(2, 11)]),
    ("the Sino-\nAfrican lab", "the Sino-African  lab", [(4, 17)]),
    ("the Amazon–\nArctic Scheme", "the Amazon–Arctic  Scheme", [(4, 18)]),
    # no word across the break: a dash before a lower-case word, a list's dash, a blank line
    ("Kenya –\nand Peru", "Kenya –\nand Peru", []),
    ("-Ends-\n\nNotes", "-Ends-\n\nNotes", []),
])
def test_a_word_hyphenated_across_a_line_end_is_read_whole(original, read, runs):
    assert readable_runs(original) == (read, runs)


@pytest.mark.parametrize("original,read,runs", [
    ("the Executive Pro-\ngramme of", "the Executive Programme   of", [(14, 25)]),
    ("the Sino-\nAfrican Fund", "the Sino-African  Fund", [(4, 17)]),
    ("the Medium- and\nLong-Term Plan, well-\nknown, 40-\nyear", "the Medium- and\nLong-Term Plan, well-\nknown, 40-\nyear", []),
])
def test_rejoin_broken_words(original: str, read: str, runs: list) -> None:
    # the finders' text has its line breaks inside sentences made spaces; the original tells where they were
    joined = original.replace("\n", " ")
    text, got = rejoin_broken_words(joined, original)
    assert (text, got) == (read.replace("\n", " ") if not runs else read, runs)
    assert len(text) == len(original)


def test_keep_indented_breaks() -> None:
    original = "a workshop of the Italy–Mexico\n      Space Weather Initiative met\nin Rome, with 40\n  staff."
    joined = original.replace("\n", " ")
    assert keep_indented_breaks(joined, original) == (
        "a workshop of the Italy–Mexico\n      Space Weather Initiative met in Rome, with 40\n  staff.")
    assert keep_indented_breaks(original, original) is original
    # and the break before a line of a place and a date, a heading's venue
    original = "Ministerial Meeting of the Council\nBatumi, Georgia, 13–14 November 2025\nBy 2026 it\ngrew."
    assert keep_indented_breaks(original.replace("\n", " "), original) == (
        "Ministerial Meeting of the Council\nBatumi, Georgia, 13–14 November 2025 By 2026 it grew.")


def test_a_latex_source_is_read_as_it_prints():
    text = ("\\documentclass{article}\n\\begin{document}\nSome 420~km, $\\sim 40\\%$ of $3 \\times 10^{6}$ picks, "
            "EUR 300\\,000 over 2021--2023 at the Dodoma--Bergen Laboratory.\n")
    read, runs = readable_runs(text)
    assert len(read) == len(text) and runs  # offsets kept; the rewritten runs named
    assert "420 km" in read and "40%" in read and "3e6" in read and "300000" in read
    assert "2021–2023" in read and "Dodoma–Bergen" in read
    assert [(f.value, f.unit) for f in find_figures(read)] == [(420, "kilometers"), (40, "percent"), (3e6, "picks"),
                                                               (300_000, "EUR")]
    # a text that is no LaTeX source keeps its tildes and dollars
    assert readable_runs("About ~40 sites cost $5 and 2021--2023.") == ("About ~40 sites cost $5 and 2021--2023.", [])


def test_an_icalendar_exports_dates_and_escapes_are_read():
    text = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240312T090000Z\nDTEND;VALUE=DATE:20240427\n"
            "DESCRIPTION:Up to EUR 300\\,000 per partner\\; see you.\\nBring ID.\nEND:VEVENT\n")
    read, runs = readable_runs(text)
    assert len(read) == len(text) and runs
    assert "DTSTART: 2024-03-12" in read and "DA 2024-04-27" in read  # (a date alone takes the property's last letters)
    assert "EUR 300,000" in read and "partner;" in read and "\\n" not in read
    starts = [a for a, _ in runs]  # (a match inside a rewritten run is taken to its edges, as the pipeline does)
    assert [(text.__getitem__(slice(*snap(d.start, d.end, runs, starts))), d.value) for d in find_dates(read, None)] == [
        ("20240312T090000Z", "2024-03-12"), ("TE:20240427", "2024-04-27")]


def test_a_time_zone_between_a_dates_day_and_year_is_read_as_spaces():
    text = "For release: 12:00, Oct. 16 (KST), 2025. The (AP), 2025 line."
    assert readable(text) == "For release: 12:00, Oct. 16      , 2025. The (AP), 2025 line."


def test_a_transcript_in_lower_case_has_its_months_weekdays_and_countries_capitalised():
    line = ("speaker 2: phase two was approved on monday and the new zealand kenya programme opens in june, "
            "as china and turkey may march on")
    text = "Ep. 57\n" + line + "\n" + "speaker 1: and the field school runs in august with colleagues from ethiopia\n"
    read = readable(text)
    assert len(read) == len(text)
    assert "on Monday and the New Zealand Kenya programme opens in June" in read
    assert "china and turkey may march on" in read  # names that are words too stay as written
    assert readable("A Text With Capitals, in june.") == "A Text With Capitals, in june."


def test_a_text_in_capitals_is_read_in_title_case():
    head = "FEB-17-2025 16:42        AUSTRALIAN EMBASSY JAKARTA        P.01/02\n\nOFFICIAL\n\n"
    body = ("1. THE 11TH MEETING OF THE AUSTRALIA-INDONESIA JOINT WORKING GROUP ON SCIENCE AND TECHNOLOGY "
            "COOPERATION (JWG) WAS HELD ON 12-13 FEB 2025. AUS CONTRIBUTION TO THE COASTAL RESILIENCE RESEARCH "
            "FUND (CRRF) IN FY25 IS AUD 3.8M UNDER THE MOU.\n")
    read = readable(head + body)
    assert len(read) == len(head + body)
    assert "the Australia-Indonesia Joint Working Group on Science and Technology Cooperation (JWG)" in read
    assert "1. The 11TH Meeting" in read and "FY25 Is AUD 3.8M under the MOU" in read  # acronyms, codes, digits kept
    assert [(p.name, p.aliases) for p in find_programmes(read)][:1] == [
        ("Australia-Indonesia Joint Working Group on Science and Technology Cooperation", ("JWG",))]
    # a text with a heading in capitals is no such text
    text = "PRESS RELEASE\nTHE MINISTRY OF SCIENCE AND FUTURE STRATEGY\n" + "The ministry said so in a long text. " * 10
    assert readable(text) == text
    assert in_capitals(head + body) and not in_capitals(text)
    # the figures read its words in lower case, acronyms, codes and digits kept
    assert "FY25 is AUD 3.8M under the MOU" in capitals_lowered(read, head + body)
