"""find_published: the date a document states about itself (texts written for these tests)."""

from __future__ import annotations

import pytest

from sci_diplo.normalize.published import find_published

LINK = "<https://example.org/story/2021/a-title>"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a masthead line holding only a date (weekday, capitals)
        ("# Tech Weekly\n\nVOL.2-NO.7\n\nTHURSDAY, DECEMBER 23, 2021\n\nXi said on December 15 ...", "2021-12-23"),
        ("News Release\n\nWednesday, January 25, 2023\n\nThe institute opened a centre.", "2023-01-25"),
        # "date" label at a line start, headline on the same line
        (" date 2021-12-19 Envoy stresses science cooperation\n\nA man passes, Oct. 2, 2021.", "2021-12-19"),
        ("Published: 2021-12-19\nBy staff\n\nThe lab opened on March 3, 2020.", "2021-12-19"),
        ("Updated 10:32, 17-Dec-2021\n\nTalks went on.", "2021-12-17"),
        ("Posted on March 3, 2020 by admin\n\nThe team met in 2019.", "2020-03-03"),
        ("Last updated: 5 June 2022 | 09:00 GMT\n\nSome text.", "2022-06-05"),
        # a citation line: journal, date, link
        (f"“A Title,” *Journal of Things*, December 17, 2021, {LINK}\n\nBody.", "2021-12-17"),
        # running text saying when it was published (odd U+2002 spaces)
        ("The interview was published on Dec\u200217\u2002,\u20022021. It covers 1979.", "2021-12-17"),
        ("Her essay, first published on 12/17/2021, is here.", "2021-12-17"),
        ("By Jane Doe | 12/17/2021\n\nThe fund grew in 2019.", "2021-12-17"),
        # a news dateline with agency
        ("BEIJING, Dec. 17, 2021 (Xinhua) -- China said on Friday ...", "2021-12-17"),
        # the first signal wins
        ("Published: 2021-12-19\n\nstory one\n\nWednesday, January 25, 2023\n\nstory two", "2021-12-19"),
        # no signal: the year of the latest full date that is no deadline
        ("In April 2011 two states signed a pact. A conference held on August 28, 2011, agreed.", "2011"),
        ("The plan, adopted on June 5, 2019, runs until December 31, 2025.", "2019"),
        ("On March 3, 2020 the lab opened. It grew.", "2020"),
        # a signal beyond the first 2000 characters is not read as one
        ("x " * 1100 + "\nPublished: 2021-12-19\n", "2021"),
        # nothing to go on
        ("No dates here, only 1,500 scientists.", None),
        ("It happened in May 2019 and last year.", None),
        ("", None),
    ],
)
def test_find_published(text, published):
    assert find_published(text) == published


@pytest.mark.parametrize("text", ["1," * 200_000, "9" * 1_000_000, "A-" * 200_000, "\n" * 300_000, None, 5])
def test_find_published_never_raises(text):
    result = find_published(text)  # type: ignore[arg-type]
    assert result is None or isinstance(result, str)
