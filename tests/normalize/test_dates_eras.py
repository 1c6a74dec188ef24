"""Years of the Buddhist Era and of Japan's eras, and Hijri dates, read as Gregorian ones (offsets kept)."""

import pytest

from sci_diplo.normalize.dates import find_dates
from sci_diplo.normalize.dates_eras import era_year, gregorian_years, hijri_month
from sci_diplo.normalize.figures import find_figures


@pytest.mark.parametrize("era,n,year", [("Reiwa", 1, 2019), ("reiwa", 6, 2024), ("Heisei", 31, 2019),
                                        ("Showa", 64, 1989), ("Shōwa", 1, 1926), ("Meiji", 45, 1912)])
def test_era_year(era, n, year):
    assert era_year(era, n) == year


def test_gregorian_years_keep_the_length_and_name_what_they_rewrote():
    text = "Adopted in B.E. 2564 (2021); funds for fiscal year 2568; signed in Heisei 28; FY2024 (Reiwa 6)."
    rewritten, spans = gregorian_years(text)
    assert len(rewritten) == len(text)
    assert "2021" in rewritten and "2568" not in rewritten and "fiscal year 2025" in rewritten
    assert [text[a:b] for a, b in spans] == ["B.E. 2564 (2021)", "2568", "Heisei 28", "2024 (Reiwa 6)"]


@pytest.mark.parametrize("text", [
    "He holds a B.E. in civil engineering and taught 2500 students.",  # a degree, not the era
    "The 2560 MHz band and 2,450 fellows.",  # no era named
    "Meiji University hosted 30 fellows.",  # an era's name with no year
])
def test_texts_without_an_era_year_are_left_alone(text):
    assert gregorian_years(text) == (text, ())


@pytest.mark.parametrize("text,expected", [
    # the Buddhist Era, in a text that marks it: its years, its fiscal years, a full date's year;
    # the words before the mark govern the year; a Gregorian gloss is the same date
    ("The Cabinet adopted it in B.E. 2564 (2021). It funds fiscal years 2568–2569, from 1 April 2568 – 30 "
     "September 2569. By B.E. 2573 (2030) it ends.",
     [("B.E. 2564 (2021)", "2021", "on"), ("2568–2569", "2025/2026", "during"),
      ("from 1 April 2568 – 30 September 2569", "2025-04-01/2026-09-30", "during"),
      ("By B.E. 2573 (2030)", "2030", "by")]),
    # Japan's eras, glossed or not, after a Gregorian year in brackets
    ("In Reiwa 5 (2023) alone, many came. It was signed in Heisei 28. The FY2024 (Reiwa 6) budget grew.",
     [("Reiwa 5 (2023)", "2023", "on"), ("Heisei 28", "2016", "on"), ("FY2024 (Reiwa 6)", "2024", "on")]),
])
def test_era_years_are_dates(text, expected):
    got = [(text[m.start:m.end], m.value, m.relation) for m in find_dates(text, "2025-02-19")]
    assert got == expected


@pytest.mark.parametrize("name,month", [("Muharram", 1), ("Safar", 2), ("Rabi' al-Awwal", 3), ("Rabi al-Thani", 4),
                                        ("Rabi II", 4), ("Jumada al-Ula", 5), ("Jumada al-Akhirah", 6),
                                        ("Rajab", 7), ("Sha'ban", 8), ("Ramadan", 9), ("Shawwal", 10),
                                        ("Dhu al-Qadah", 11), ("Dhul-Hijjah", 12)])
def test_hijri_month(name, month):
    assert hijri_month(name) == month


@pytest.mark.parametrize("text,expected", [
    # a Gregorian gloss in brackets is the date, with the weekday and the words before the Hijri date
    ("KUWAIT CITY, Monday 11 Rabi' al-Thani 1446 AH (14 October 2024). It opens on 15–17 Sha'ban 1446 AH "
     "(14–16 February 2025).",
     [("Monday 11 Rabi' al-Thani 1446 AH (14 October 2024)", "2024-10-14", "on"),
      ("15–17 Sha'ban 1446 AH (14–16 February 2025)", "2025-02-14/2025-02-16", "during")]),
    # a gloss in words is the date too, and a dateline's
    ("Riyadh, 15 Sha'ban 1445 H, corresponding to 25 February 2024\nThe Ministry has today signed it.",
     [("15 Sha'ban 1445 H, corresponding to 25 February 2024", "2024-02-25", "on"), ("today", "2024-02-25", "on")]),
    # without a gloss, the Umm al-Qura calendar's day or month; a year alone is no date (not the year 1442)
    ("It was signed on Thursday, 7 Rabi' al-Thani 1446 AH, and building starts in Jumada al-Akhirah 1446 AH. "
     "Founded in 1442 AH, it met on 22 Shawwal 1446.",
     [("Thursday, 7 Rabi' al-Thani 1446 AH", "2024-10-10", "on"),
      ("Jumada al-Akhirah 1446 AH", "2024-12-02/2024-12-31", "during"),
      ("22 Shawwal 1446", "2025-04-20", "on")]),
])
def test_hijri_dates_are_gregorian_dates(text, expected):
    got = [(text[m.start:m.end], m.value, m.relation) for m in find_dates(text, "2024-10-14")]
    assert got == expected


def test_hijri_dates_keep_the_length_and_are_no_figures():
    text = "Release No. 87/1446 of 1 Jumada al-Ula 1446 AH (3 November 2024): SAR 15 million."
    rewritten, spans = gregorian_years(text)
    assert len(rewritten) == len(text) and "87/1446" in rewritten  # a number's year is no Hijri date
    assert [text[a:b] for a, b in spans] == ["1 Jumada al-Ula 1446 AH (3 November 2024)"]
    assert [(text[f.start:f.end], f.value, f.unit) for f in find_figures(text)] == [("SAR 15 million", 15e6, "SAR")]
