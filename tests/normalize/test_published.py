"""find_published: the date a document states about itself (texts written for these tests)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize.dates import find_dates
from sci_diplo.normalize.published import HEAD_CHARS, signals_publication, find_published

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
        ("PRESS RELEASE\nFor immediate release — 18 September 2023\n\nJapan said today ...", "2023-09-18"),
        ("FOR IMMEDIATE RELEASE: March 3, 2022\n\nThe agency said.", "2022-03-03"),
        ("PRESS RELEASE - 10 January 2025.\nKenya signed on Monday.", "2025-01-10"),
        ("News release: 10 January 2025\nText.", "2025-01-10"),
        # a citation line: journal, date, link
        (f"“A Title,” *Journal of Things*, December 17, 2021, {LINK}\n\nBody.", "2021-12-17"),
        # running text saying when it was published (odd U+2002 spaces)
        ("The interview was published on Dec\u200217\u2002,\u20022021. It covers 1979.", "2021-12-17"),
        ("Her essay, first published on 12/17/2021, is here.", "2021-12-17"),
        ("By Jane Doe | 12/17/2021\n\nThe fund grew in 2019.", "2021-12-17"),
        # a news dateline with agency
        ("BEIJING, Dec. 17, 2021 (Xinhua) -- China said on Friday ...", "2021-12-17"),
        # the city (and agency) first, then a dash and the date, alone on its line or before a dash
        ("NAIROBI, Kenya (AP) — March 5, 2025\n\nKenya said on Monday it had signed a pact.", "2025-03-05"),
        ("LONDON (Reuters) - March 5, 2025 - Britain said on Monday ...", "2025-03-05"),
        ("WASHINGTON -- March 5, 2025 -- The agency said ...", "2025-03-05"),
        # a place in mixed case, a comma, the date, then an agency and a dash or a colon
        ("London, March 12, 2025 — The UK and Japan signed a pact on Monday.", "2025-03-12"),
        ("New Delhi, 12 March 2025 (PTI) - India said ...", "2025-03-12"),
        ("Geneva, Switzerland, 12 March 2025: Talks ended on Monday.", "2025-03-12"),
        ("In London, 12 March 2025 - talks ended; they resumed on 1 May 2025.", "2025"),
        # a date between dashes in running text is no dateline
        ("The talks - March 5, 2025 - ended. They resumed on May 1, 2025.", "2025"),
        # a place and the date in two languages
        ("DIARIO SUR | English Edition\n\nLima, 3 de mayo de 2022 / May 3, 2022\n\nPeru signed on Monday.",
         "2022-05-03"),
        # no full date: a month and year as a masthead field
        ("CENTRE FOR OCEAN POLICY\nWorking Paper 7 | April 2021\n\nSigned on 2 May 2015.", "2021-04"),
        ("Issue 12 · November 2019\n\nThe journal began in 2001.", "2019-11"),
        # the first signal wins
        ("Published: 2021-12-19\n\nstory one\n\nWednesday, January 25, 2023\n\nstory two", "2021-12-19"),
        # no signal: the year of the latest full date that is no deadline
        ("In April 2011 two states signed a pact. A conference held on August 28, 2011, agreed.", "2011"),
        ("The plan, adopted on June 5, 2019, runs until December 31, 2025.", "2019"),
        ("On March 3, 2020 the lab opened. It grew.", "2020"),
        # a signal beyond the first 2000 characters is not read as one
        ("x " * 1100 + "\nPublished: 2021-12-19\n", "2021"),
        # ... but a page's footer is, when the head has none
        ("x " * 1100 + "\nThis page was last edited on 9 October 2023, at 14:27 (UTC).\n", "2023-10-09"),
        ("x " * 1100 + "\nPage last updated: 12 March 2024\n", "2024-03-12"),
        ("Published: 2021-12-19\n" + "x " * 1100 + "\nPage last updated: 12 March 2024\n", "2021-12-19"),
        ("Text of 2019.\n\nThis page was last edited on 9 October 2023.\n", "2023-10-09"),  # a short page too
        # a treaty's closing clause before its signatures; not a sentence that says "done at"
        ("Article 1\nIt ends in 2031.\n\nDone at Lima on 18 September 2024, in two originals.\n\n[signed]", "2024-09-18"),
        ("Text of 2019.\n\nDone at Addis Ababa, Ethiopia, this 5 May 2022.\n", "2022-05-05"),
        ("Text of 2019.\n\nThe work was done at Lima on 18 September 2024.\n", "2024"),
        # a video's premiere
        ("Episode 12 – transcript\nPremiered Oct 14, 2025 · 38 min\n\nIn 2020 we met.", "2025-10-14"),
        # a journal's history: online, not received; a draft's version; an archive's capture
        ("Journal 14 (2023)\n\nReceived 3 March 2023\nAccepted 14 July 2023\nAvailable online 2 August 2023\n\nText.",
         "2023-08-02"),
        ("SCIENCE WEEK 2024\n14–17 October 2024\nVersion of 27 September 2024 – subject to change\n", "2024-09-27"),
        ("r/AskAcademia\n[Archived snapshot · captured 18 Mar 2024, 09:12 UTC]\n\nPosted 6 days ago", "2024-03-18"),
        ("Thread view · saved 20 Jan 2025\n\nDr. Chai\nPosted 12 Jan 2025 • 🌐\n\nSo proud.", "2025-01-20"),
        # a masthead bar of several fields; a page's time stamp
        ("FACT SHEET  |  International Research Cooperation  |  March 2024\n\nIt began on 12 October 2023.", "2024-03"),
        ("Kenya, Peru launch a lab\n\nSource: Xinhua  Editor: Liu Yang  2024-12-05 18:42:07\n\nThey met.", "2024-12-05"),
        # ... but not such words or time stamps inside a sentence, nor a table's row
        ("The image, captured on 5 May 2023 by a telescope, was shown on 1 June 2024.", "2024"),
        ("The data, available online since 2 March 2022, was used on 5 May 2023.", "2023"),
        ("The satellite lost contact at 2024-03-05 18:42 UTC, the agency said on 1 June 2024.", "2024"),
        ("Project | Partner | Start\nNewton Fund | Kenya | March 2014\nAfrica Fund | Ghana | May 2016\n", None),
        # a report tabled in parliament; a question tabled before its answer is not its date
        ("ANNUAL REPORT\nTabled in Parliament on 26 September 2024 | ISSN 2563-0417\n\nText.", "2024-09-26"),
        ("Question UIN 18452, tabled on 26 February 2024\nAnswered on 5 March 2024\n\nText.", "2024-03-05"),
        ("Estimates (excerpt)\n\nTabled in the House of Commons on 27 February 2025\n\nFor the fiscal year ending "
         "31 March 2026, more.", "2025-02-27"),
        # a broadcast's line, a masthead's first field, a month alone under a report's title
        ("RADIO NEWS | TRANSCRIPT\nMidday bulletin, 13:00 PHT, Wednesday 12 June 2024\n\nIt met on 3 May 2023.",
         "2024-06-12"),
        ("THE CHRONICLE\nThursday, April 18, 2024 · Print edition, page A9\n\nIt met on 3 May 2023.", "2024-04-18"),
        ("A Shared Future in the New Era\n\nThe State Council Information Office\n\nApril 2023\n\nIn 2013 it began.",
         "2023-04"),
        # a timeline's month or day opening its line dates no text, nor the next edition
        ("FACTBOX-Key dates in EU-Japan research ties\n\nJuly 2018\nThe EU and Japan sign a deal.\n\nMay 2023\nThey met.",
         None),
        ("KEY DATES\n12 March 2024 · Kenya joins the observatory as a full member.\n3 June 2023 · Japan signs.", "2024"),
        ("SCIENCE DIPLOMACY SCHOOL\nNext edition: 15 July 2024\nFifth edition: 3 July 2023\n\nText.", "2024"),
        ("RADIO\nRadio bulletin – 12 June 2024 – 13:00 GMT\n\nIt met in 2023.", "2024-06-12"),
        # a notice's "Date of publication", a report "Submitted to ...", a statement from two cities,
        # a letter dated above its signature
        ("TENDER NOTICE\nNotice No. KFSA/ICB/2025/007\nDate of publication: 3 March 2025\n\nIn 2024 it grew.",
         "2025-03-03"),
        ("REPORT\n\nPrepared by: Dr. L. Ferrán\nSubmitted to the organising committee: 30 October 2023\n\nIn 2022.",
         "2023-10-30"),
        ("JOINT STATEMENT\n\nOpen collaboration\n\nCanberra and Tokyo, 18 September 2024\n\nWe met in 2023.",
         "2024-09-18"),
        ("Dear members,\n\n" + "In 2025 we grew. " * 130 + "\n\nWith warm regards,\n\nDr. A. Director\nVienna, 23 February 2026", "2026-02-23"),
        ("Headline\n\n" + "In 2024 it grew. " * 130 + "\n\nRelated stories\nNairobi, 3 March 2021\nKenya opens a lab", "2021"),  # (the year of the latest full date: an estimate)
        # "Submitted" alone is no publication label; two people's names are no dateline's places
        ("Title\n\nJane Doe\nSubmitted: 3 March 2023 | Accepted: 5 June 2023 | Published: 1 July 2023\n\nText.",
         "2023-07-01"),
        ("Carlos Mendes and Ana Costa, 12 May 2019\n\nText next year.", "2019"),
        # a newsletter's masthead month, and its footer's day in that month
        ("GLOBAL DESK\nMonthly newsletter · No. 41 · May 2025\n\n" + "In 2024 we grew. " * 80
         + "\n\nThis issue went out on Friday 2 May 2025; the next one is due on Monday 2 June.", "2025-05-02"),
        # the text's first line, a title, a dash and its date or month; an issue's number before its date
        ("In brief — 4 November 2025\n\nNAIROBI — Kenya and Peru signed a pact last Tuesday.", "2025-11-04"),
        ("Press kit – September 2025\n\nThe consortium was founded in 2019.", "2025-09"),
        ("OFFICIAL GAZETTE\nNo. 214, 14 May 2024\n\nNotice of ratification. Signed on 3 March 2023.", "2024-05-14"),
        ("BULLETIN\nVol. 12, No. 3 – 2 June 2025\n\nIt met on 3 March 2023.", "2025-06-02"),
        ("OFFICIAL GAZETTE\n\nIssue No. 5931 — Amman, Monday, 16 September 2024\n\nIt met on 3 March 2023.", "2024-09-16"),
        # a document's issuer and place on a line of their own; not an issuer in a sentence
        ("COUNCIL\nIssued by the Permanent Secretariat, Istanbul, 28 November 2025\n\nIt met on 3 March 2023.",
         "2025-11-28"),
        ("Title\n\nThe report, issued by the Ministry of Science, Nairobi, 3 May 2023 was read in 2024.", "2023"),
        # (probed) a wrapped sentence's "issued by", a cited work's issuer before more words; an event's
        # or a call's title before a dash and a date
        ("Title\n\nThe guidelines were first\nissued by the Ministry of Science, Seoul, 3 April 2019\nand revised.", "2019"),
        ("Workshop on Ocean Science Diplomacy — 12 June 2025\n\nIt met on 3 May 2020.", "2025"),
        ("Final programme — June 2026\n\nIt met in 2020.", None),
        ("Training on writing a policy brief — 4 July 2025\n\nIt met on 3 May 2020.", "2025"),
        # a date opening a masthead line before its reading time or a later edition field; a
        # "Final version," after a bar
        ("LONG READ\n\nBy Jane Doe · Photographs by Li Wei\n12 September 2024 · 16 min read\n\nIt met on 3 May 2020.",
         "2024-09-12"),
        ("KUWAIT HORIZON\nMonday, 21 April 2025 | 23 Shawwal 1446 AH | Vol. 38, No. 112\n\nIt met on 3 May 2020.",
         "2025-04-21"),
        ("9th Conference (2025)\nBOOK OF ABSTRACTS | Final version, 6 October 2025\n\nIt met on 3 May 2020.",
         "2025-10-06"),
        # a revised or received version's date gives way to the final version's or the publication's
        # that follows it, not to a later date of another kind
        ("BOOK OF ABSTRACTS\nRevised version, 2 September 2025 | Final version, 6 October 2025\n\nIt met in 2020.",
         "2025-10-06"),
        ("Article history: Received 3 May 2024; revised 1 July 2024; accepted 2 August 2024; published online "
         "10 August 2024\n\nIt met on 3 May 2020.", "2024-08-10"),
        ("Revised version, 2 September 2025\nThe meeting of 6 October 2025 was held.", "2025-09-02"),
        ("Published 3 May 2024 | Updated 5 May 2024\n\nIt met on 3 May 2020.", "2024-05-03"),
        # an event's date in a record is not the record's: "Start date:", "End date:" (only an estimate:
        # the latest date that is no deadline or end)
        ("Project X\nStart date: 2023-04-01\nEnd date: 2026-09-30\n\nIt met in 2022.", "2023"),
        ("Release date: 3 May 2024\n\nIt met in 2020.", "2024-05-03"),
        # a feed's or a page's date element
        ("<rss><channel>\n<title>News</title>\n<lastBuildDate>Fri, 07 Mar 2025 14:05:12 +0200</lastBuildDate>\n"
         "<item><description>It met on 3 May 2020.</description></item>", "2025-03-07"),
        # a date that a sentence cites ("with reference to the Note ... dated") is another document's;
        # a note verbale's place and date after its closing formula, seal and addressee are its own
        ("NOTE VERBALE\n\nThe Embassy, with reference to the Ministry's Note No. 1187/BNG dated 3 June 2024, proposes "
         "it.\n\nThe Embassy avails itself of this opportunity to renew the assurances of its highest "
         "consideration.\n\nHanoi, 16 September 2024\n\n[Seal of the Embassy]      [Initialled]\n\nMinistry of "
         "Foreign Affairs\nof the Socialist Republic of Viet Nam\nDepartment of Europe\nHanoi\n\ncc: Ministry of "
         "Science and Technology of the Socialist Republic of Viet Nam\n", "2024-09-16"),
        # (probed) an event's line of date, place and session is no masthead
        ("Events\n3 July 2025 | Vienna | Morning session: talks\n15 May 2025 | Brussels, Belgium | Online\n", "2025"),
        # ... not a dash in a later line, nor an issue's number inside a sentence
        ("Report\n\nPhase 1 — September 2025\nThe lab opened on 3 March 2020.", "2020"),
        ("Report\n\nThe council met (No. 214, 14 May 2024) and agreed.\nIt opened on 3 March 2020.", "2024"),
        # a treaty's closing clause with its day said in words or as "the 12th day of"
        ("AGREEMENT\n\n" + "The Parties met in 2023. " * 90
         + "\nDone at Seoul on the twelfth day of May two thousand and twenty-four, in duplicate.", "2024-05-12"),
        ("AGREEMENT\n\n" + "The Parties met in 2023. " * 90 + "\nDone at Seoul this 12th day of May 2024.", "2024-05-12"),
        # a cable's date-time group after its label
        ("SENSITIVE BUT UNCLASSIFIED\n\nDTG: 141132Z MAR 24\nFROM: AMEMBASSY NEW DELHI\n\n1. Met on 3 March 2023.",
         "2024-03-14"),
        # a motion tabled in the story dates no text
        ("Headline here\nBy Jane Doe\n\nA motion was tabled in the House of Commons on 3 May 2023 by the party.",
         "2023"),
        # a line of a date and a clock time under a byline
        ("OBITUARIES\n\nBy Rodrigo Salinas\nFri 17 Jan 2025 06.00 GMT\n\nShe died on 3 March 2024.", "2025-01-17"),
        # a byline with a middle dot; a clock time written "14h20", then an update label
        ("Field notes\n\nPosted by Jess Tremblay · December 12, 2023 · 6 min read\n\nHi all.", "2023-12-12"),
        ("By Mariana Albuquerque, Brasília\n13/06/2025 – 14h20 | Updated 18h05\n\nBrazil approved it.", "2025-06-13"),
        # a date with a clock time and its zone in brackets; a Hijri date and its Gregorian twin
        ("NEWS AGENCY\n14 Mar 2024, 16:42 (MSK)\n\nMOSCOW, March 14. Russia will invest.", "2024-03-14"),
        ("Riyadh, 15 Sha'ban 1445 H, corresponding to 25 February 2024\n\nThe ministry signed.", "2024-02-25"),
        # a place and its country alone on a line before the date; an embargo; a parliamentary answer
        ("Addis Ababa, Ethiopia, 22 November 2024\n\nThe AU met on Monday.", "2024-11-22"),
        ("Embargoed until 12:00, 5 February 2025\n\nKenya signed on Monday.", "2025-02-05"),
        ("Answered on 14 April 2025\n\nThe minister replied.", "2025-04-14"),
        ("In Nairobi, Kenya, 3 May 2024 was a busy day for the lab.", "2024"),  # a sentence, no dateline
        # nothing to go on
        ("No dates here, only 1,500 scientists.", None),
        ("It happened in May 2019 and last year.", None),
        ("", None),
        # no signal, and the latest full dates are a range, a deadline or a weekday's deadline
        ("Talks ran from Dec. 1, 2021 to Dec. 15, 2021; the lab opened on March 3, 2020.", "2020"),
        ("Reports are due by Friday, Dec. 17, 2021; the lab opened on March 3, 2020.", "2020"),
        ("It holds from Dec. 17, 2021 onwards (signed on March 3, 2020).", "2021"),
        ("x " * 990 + "On Dec. 17, 2021 the lab opened; it closed on March 3, 2022.", "2022"),
        # a LaTeX source's \date, an export's line, a journal's running head parted by slashes
        ("\\title{Rift array}\n\\date{7 June 2024}\n\\begin{abstract}In 2021 we met.", "2024-06-07"),
        ("# Exported 2025-02-03 09:41 UTC by user mb; 13 records\n\"id\",\"start\"\n\"A-1\",\"2026-03-20\"\n",
         "2025-02-03"),
        ("Federal Register / Vol. 89, No. 49 / Tuesday, March 12, 2024 / Notices\n\nThe meeting is on April 11, 2024.",
         "2024-03-12"),
        # a release's line with a time zone in brackets ("(KST)")
        ("PRESS RELEASE\nFor release: 12:00, Oct. 16, 2025\nKorea signed in 2024.", "2025-10-16"),
        # financial statements' last note; an iCalendar export's latest event stamp
        ("Note 12. In 2024 grants rose.\nThese financial statements were authorised for issue by the Governing "
         "Board on 23 April 2025.", "2025-04-23"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTAMP:20240108T073002Z\nDTSTART:20240930T090000Z\nEND:VEVENT\n"
         "BEGIN:VEVENT\nDTSTAMP:20240226T081500Z\nDTSTART;VALUE=DATE:20240422\nEND:VEVENT\nEND:VCALENDAR\n",
         "2024-02-26"),
        # a page's source: its meta tag (the byline's blanked tags around the date aside)
        ('<head>\n<meta property="article:published_time" content="2025-05-14T12:30:00+00:00">\n</head>\n'
         "<p>The pact of 9 October 2017 expired.</p>", "2025-05-14"),
        # a news API's JSON export: the newest article's field, not the first
        ('{\n "articles": [\n  {"publishedAt": "2024-09-11T09:20:00Z", "content": "Signed on 3 June 2023."},\n'
         '  {"publishedAt": "2024-09-12T06:05:00Z"},\n  {"publishedAt": "2024-09-09T14:00:00Z"}\n ]\n}', "2024-09-12"),
        # a chat workspace's export line, a version line, a wire's time stamp with its zone's offset
        ("#lab-setup\nChannel export · exported by Elin Berg on 7 March 2025, 17:42 EAT\n\nMonday, March 3rd\n"
         "The agreement was signed on 20 February 2025.", "2025-03-07"),
        ("GEOBLUE\nAnnex 1 (Part B)\nVersion 2.1 – 15 November 2024 – Status: submitted\n\nSigned in 2018.",
         "2024-11-15"),
        ("Hub launched\n\nBy Ana Ruiz and Tom Hart\n\nMay 6, 2025 12:47 PM GMT+1 · Updated 2 hours ago\n\n"
         "LONDON, May 6 (Reuters) - Kenya launched it, after a deal of March 3, 2024.", "2025-05-06"),
        # a Spanish-language dateline's full stop and dash
        ("Montevideo, 18 February 2025.- The agency informs that the memorandum of 3 March 2022 expired.",
         "2025-02-18"),
    ],
)
def test_find_published(text, published):
    assert find_published(text) == published


@pytest.mark.parametrize(
    "text",
    ["1," * 200_000, "9" * 1_000_000, "A-" * 200_000, "\n" * 300_000, None, 5,
     "by Dec 5, 2021 " * 20_000, "(Dec 5, 2021) " * 20_000, "1 2021 " * 50_000, "Dec" + " " * 300_000 + "5, 2021"],
    ids=lambda t: repr(t)[:12],
)
def test_find_published_never_raises(text):
    result = find_published(text)  # type: ignore[arg-type]
    assert result is None or isinstance(result, str)


_DAY_RX = re.compile(r"-?\d{4}-\d{2}-\d{2}")


def _stated_reference(text: str) -> str | None:
    """The definition: the first single day of find_dates over the head that signals publication."""
    head = text[:HEAD_CHARS + 200]
    for m in find_dates(head, None):
        if m.start >= HEAD_CHARS:
            break
        if m.kind == "absolute" and m.value and _DAY_RX.fullmatch(m.value) and signals_publication(head, m):
            return m.value
    return None


def _estimate_reference(text: str) -> str | None:
    """The definition: the year of the latest single day of find_dates that is no deadline."""
    days = [m.value for m in find_dates(text, None) if m.kind == "absolute" and m.value
            and _DAY_RX.fullmatch(m.value) and m.relation not in ("before", "by", "until")]
    return max(days)[:4] if days else None


_PIECES = st.sampled_from(
    ["Dec. 17, 2021", "17 December 2021", "2021-12-19", "12/17/2021", "March 3, 2020", "Friday, ", "by ", "until ",
     "before ", " to ", " and ", "between ", " onwards", "(", ")", ";", "“", "”", "|", ", ", " ", "\n", "\n\n",
     "Published: ", "By Jane Doe | ", " <https://x.org>", "BEIJING, ", " (Xinhua) --", "x " * 300, "2019", "-"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_find_published_reads_what_find_dates_reads(pieces):
    text = "".join(pieces)
    stated = _stated_reference(text)
    assert find_published(text, estimate=False) == stated
    assert find_published(text) == (stated or _estimate_reference(text))
