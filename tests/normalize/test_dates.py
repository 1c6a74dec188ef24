"""Temporal expressions: find_dates, parse_date_value, date_bounds.

Every sentence here is written for these tests. The anchor is 2021-12-17 (a
Friday) unless a row says otherwise. Rows give (span text, value, relation)
for every expression the sentence holds, in order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sci_diplo.normalize.dates import date_bounds, day_matches, find_dates, parse_date_value

FRI = "2021-12-17"


def found(text: str, anchor: str | None = FRI) -> list[tuple[str, str | None, str]]:
    return [(text[m.start:m.end], m.value, m.relation) for m in find_dates(text, anchor)]


# ---------------------------------------------------------------- absolute forms
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in March 2021.", [("March 2021", "2021-03", "on")]),
        ("On Dec. 17, 2021, the ministers met.", [("Dec. 17, 2021", "2021-12-17", "on")]),
        ("The talks ended on 17 December 2021.", [("17 December 2021", "2021-12-17", "on")]),
        ("The line went live on 2021-12-19 at noon.", [("2021-12-19", "2021-12-19", "on")]),
        ("The form was signed 12/17/2021 in Boston.", [("12/17/2021", "2021-12-17", "on")]),  # US order
        ("The form was signed 17/12/2021 in Paris.", [("17/12/2021", "2021-12-17", "on")]),  # day > 12
        ("The plant opened on 05.03.2021 in Bonn.", [("05.03.2021", "2021-03-05", "on")]),  # dots: day first
        ("The station opened on 2021年12月19日.", [("2021年12月19日", "2021-12-19", "on")]),
        ("Updated 10:32, 17-Dec-2021 by staff", [("17-Dec-2021", "2021-12-17", "on")]),
        ("The treaty was signed in 1979.", [("1979", "1979", "on")]),
        ("Nixon's 1972 visit changed everything.", [("1972", "1972", "on")]),
        ("She shared the 2015 Nobel Prize in medicine.", [("2015", "2015", "on")]),
        ("2011, the first year of the plan, was busy.", [("2011", "2011", "on")]),
        ("Trade grew. 2020 was a hard year.", [("2020", "2020", "on")]),
        ("The census (2019) counted them.", [("2019", "2019", "on")]),
        # a timeline: a year opening a line or a list item, before a colon or a spaced dash
        ("- 2008: Ghana and Germany sign an agreement.\n* 2012 - The centre opens.",
         [("2008", "2008", "on"), ("2012", "2012", "on")]),
        ("2025 (planned) – A vessel begins its cruises.\n2026 (see table) shows more.", [("2025", "2025", "on")]),
        ("• By end-2028 – 150 PhD graduates\n• 2019 – 40 labs", [("By end-2028", "2028", "by"), ("2019", "2019", "on")]),
        ("Room 2008: left. Budget: 2008: items.", []),
        ("He moved abroad in 2008, 2012 and 2016.", [("2008", "2008", "on"), ("2012", "2012", "on"),
                                                   ("2016", "2016", "on")]),
        ("Output rose in the first half of 2022.", [("first half of 2022", "2022-01/2022-06", "during")]),
        ("Profits fell in the second quarter of 2021.", [("second quarter of 2021", "2021-04/2021-06", "during")]),
        ("Profits rose in Q3 2021 again.", [("Q3 2021", "2021-07/2021-09", "during")]),
        ("Growth should pick up by mid-2023.", [("by mid-2023", "2023", "by")]),  # modifiers keep the year
        ("Prices dropped in late 2020.", [("late 2020", "2020", "on")]),
        ("Costs fall by the end of 2025.", [("by the end of 2025", "2025", "by")]),
        ("Between 2015 and 2020 the fund grew.", [("Between 2015 and 2020", "2015/2020", "during")]),
        ("Ties date back to 1972.", [("back to 1972", "1972", "since")]),
        ("It went back to 1,980 units.", []),
        ("From 2016 to 2020, exports doubled.", [("From 2016 to 2020", "2016/2020", "during")]),
        # a modifier on either end keeps the range (and the ends' years)
        ("Between mid-2019 and early 2021, it published.", [("Between mid-2019 and early 2021", "2019/2021", "during")]),
        ("From late 2019 until mid-2020 it ran.", [("From late 2019 until mid-2020", "2019/2020", "during")]),
        # "and" without "between" joins no range, modifier or not
        ("It grew in 2019 and early 2020.", [("2019", "2019", "on"), ("early 2020", "2020", "on")]),
        ("The 2016-2020 plan ended.", [("2016-2020", "2016/2020", "during")]),
        ("The 2020-21 season was short.", [("2020-21", "2020/2021", "during")]),
        ("From July 2020 to June 2021 output rose.", [("From July 2020 to June 2021", "2020-07/2021-06", "during")]),
        ("It was hot in March–May 2021.", [("March–May 2021", "2021-03/2021-05", "during")]),
        ("Talks ran December 12-14, 2021 in Rome.", [("December 12-14, 2021", "2021-12-12/2021-12-14", "during")]),
        ("The forum ran 12-14 December 2021.", [("12-14 December 2021", "2021-12-12/2021-12-14", "during")]),
        ("Music of the 2010s is loud.", [("2010s", "2010/2019", "during")]),
        ("Kids of the ‘90s remember it.", [("‘90s", "1990/1999", "during")]),
        ("Trade boomed in the 1800s.", [("1800s", "1800/1899", "during")]),
        ("Life in the 21st century is fast.", [("21st century", "2000/2099", "during")]),
        ("Walls from the 5th century BC stand.", [("5th century BC", "-0499/-0400", "during")]),
        ("Mozi lived in the Spring and Autumn Period (770–476 BC).", [("770–476 BC", "-0769/-0475", "during")]),
        ("The dam was built in 272 BC.", [("272 BC", "-0271", "on")]),
        ("Sales peaked in the summer of 2020.", [("summer of 2020", "2020", "on")]),
        ("Budgets for fiscal 2021 and FY2022 grew.", [("2021", "2021", "on"), ("FY2022", "2022", "on")]),
        ("He served as envoy since July 2021.", [("since July 2021", "2021-07", "since")]),
        ("Emissions will peak before 2030.", [("before 2030", "2030", "before")]),
        ("Targets must be met by 2025.", [("by 2025", "2025", "by")]),
        ("The programme will run until 2030.", [("until 2030", "2030", "until")]),
        ("Exports grew after 2010.", [("after 2010", "2010", "after")]),
        ("Few visited before the 1990s.", [("before the 1990s", "1990/1999", "before")]),
        ("Prices rose pre-2020 and fell post-2021.", [("pre-2020", "2020", "before"), ("post-2021", "2021", "after")]),
    ],
)
def test_absolute_forms(text, expected):
    assert found(text) == expected


# ---------------------------------------------------------------- relative forms
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("This year marks an anniversary.", FRI, [("This year", "2021", "on")]),
        ("The deal was signed last year.", FRI, [("last year", "2020", "on")]),
        ("Talks resume next year.", FRI, [("next year", "2022", "on")]),
        ("A deal is expected early next year.", FRI, [("early next year", "2022", "on")]),
        ("Earlier this year, the ministry said so.", FRI, [("Earlier this year", "2021", "on")]),
        ("The forum closed last month.", FRI, [("last month", "2021-11", "on")]),
        ("Output rose this month.", FRI, [("this month", "2021-12", "on")]),
        ("Talks resume next month.", FRI, [("next month", "2022-01", "on")]),
        ("We met last week.", FRI, [("last week", "2021-12-06/2021-12-12", "during")]),
        ("The minister said on December 15 that talks went well.", "2021-12-23", [("December 15", "2021-12-15", "on")]),
        # no year, past tense: the latest such day on or before the anchor
        ("The minister said on December 20 that talks went well.", FRI, [("December 20", "2020-12-20", "on")]),
        # future tense: the earliest on or after
        ("The summit will be held on December 20.", FRI, [("December 20", "2021-12-20", "on")]),
        ("The closure will begin on April 7, officials said.", "2013-03-22", [("April 7", "2013-04-07", "on")]),
        ("The book is due to be published in May.", "2013-03-22", [("May", "2013-05", "on")]),
        # a month alone after "at" and a part of it
        ("The minister would like the signing at the end of June.", "2024-06-06",
         [("the end of June", "2024-06", "on")]),
        ("He met her at June's house.", "2024-06-06", []),
        # a participle twenty words back still has its "be" beside it: no past, so the nearest April
        ("The Committee is asked to endorse the Phase 2 design today, so that the proposal can go to both"
         " cabinets before the end of April.", "2025-03-12",
         [("today", "2025-03-12", "on"), ("before the end of April", "2025-04", "before")]),
        # reported future ("said ... would"): "would" is read before "said"
        ("Officials said the first cohort would start in September.", "2024-06-15", [("September", "2024-09", "on")]),
        ("Officials said the first cohort started in September.", "2024-06-15", [("September", "2023-09", "on")]),
        ("The pilot will run through June.", "2013-03-18", [("through June", "2013-06", "until")]),
        ("In May, the two sides agreed.", FRI, [("May", "2021-05", "on")]),
        ("In May, the two sides agreed.", "2011", [("May", "2011-05", "on")]),
        ("In June the two sides agreed.", "2011-08", [("June", "2011-06", "on")]),
        ("He was fired in July.", "2013-03-22", [("July", "2012-07", "on")]),
        ("The star died last June.", "2013-03-22", [("last June", "2012-06", "on")]),
        ("An interview published Friday night caught attention.", "2021-12-19", [("Friday night", "2021-12-17", "on")]),
        ("He spoke on Friday.", FRI, [("Friday", "2021-12-17", "on")]),
        ("He spoke on Wednesday.", FRI, [("Wednesday", "2021-12-15", "on")]),
        ("He will speak next Friday.", FRI, [("next Friday", "2021-12-24", "on")]),
        ("He spoke last Friday.", FRI, [("last Friday", "2021-12-10", "on")]),
        ("She arrived yesterday and leaves tomorrow.", FRI, [("yesterday", "2021-12-16", "on"),
                                                           ("tomorrow", "2021-12-18", "on")]),
        ("The goal of diplomacy today is peace.", FRI, [("today", "2021-12-17", "on")]),
        ("The talks ended. Today the ministers sign.", FRI, [("Today", "2021-12-17", "on")]),
        ("The congress will meet in Accra from 10 to 12 September.", FRI,
         [("10 to 12 September", "2022-09-10/2022-09-12", "during")]),
        ("The fair ran from 3 through 5 May 2021.", FRI, [("3 through 5 May 2021", "2021-05-03/2021-05-05", "during")]),
        ("It closed on 12 September.", FRI, [("12 September", "2021-09-12", "on")]),
        ("Accord with Fiji: signed 2017; renewed 2022.", FRI, [("2017", "2017", "on"), ("2022", "2022", "on")]),
        ("BEIJING, Dec. 17 (Xinhua) -- Today, the lab opened.", FRI,
         [("Dec. 17", "2021-12-17", "on"), ("Today", "2021-12-17", "on")]),
        ("Fifty years ago, Kissinger flew to Beijing.", FRI, [("Fifty years ago", "1971", "on")]),
        ("Ties were set up more than forty years ago.", FRI, [("more than forty years ago", "1981", "before")]),
        ("The lab opened three days ago.", FRI, [("three days ago", "2021-12-14", "on")]),
        ("The lab opened two months ago.", FRI, [("two months ago", "2021-10", "on")]),
        ("In the third quarter, sales rose.", FRI, [("third quarter", "2021-07/2021-09", "during")]),
        ("The third quarter was weak.", "2021-02-10", [("third quarter", "2020-07/2020-09", "during")]),
        ("Sales fell last summer.", FRI, [("last summer", "2021", "on")]),
        ("Sales fell last summer.", "2013-03-22", [("last summer", "2012", "on")]),
        ("The ice grew last winter.", "2013-03-22", [("last winter", "2012/2013", "during")]),  # the last ended
        ("The agency must cut costs this fiscal year.", FRI, [("this fiscal year", "2021", "on")]),
        ("Prices rose late last July.", "2013-03-22", [("late last July", "2012-07", "on")]),
        ("Since last year, output grew.", FRI, [("Since last year", "2020", "since")]),
        # a weekday written with a yearless date picks the year where they agree
        ("How about a cruise on Friday, July 7?", "2000-06-15", [("Friday, July 7", "2000-07-07", "on")]),
        ("The forum ran from Nov. 29 to Dec. 1 in Dakar.", FRI, [("from Nov. 29 to Dec. 1",
                                                                 "2021-11-29/2021-12-01", "during")]),
        ("The fund plans more from 2024 onwards.", FRI, [("from 2024 onwards", "2024", "since")]),
        # "from" after a word of what holds or runs on is its start; after a noun, an origin
        ("The rules apply from 1 January 2026.", FRI, [("from 1 January 2026", "2026-01-01", "since")]),
        ("Funding flows from next year.", FRI, [("from next year", "2022", "since")]),
        ("A report from 2019 said so.", FRI, [("2019", "2019", "on")]),
        # a present-tense schedule in the plural, or a visit, is the next such month
        ("The first calls open in June; delegates arrive in May.", "2025-03-10",
         [("June", "2025-06", "on"), ("May", "2025-05", "on")]),
        ("Kenya completed the lab by the end of June.", "2025-03-10", [("by the end of June", "2024-06", "by")]),
        # a future verb far before a yearless month still makes it the next such month
        ("The team will present first results at the Pan-African Mosquito Control Association Conference "
         "in Accra in October.", "2025-03-18", [("October", "2025-10", "on")]),
        # irregular past tenses are past; "plan" and "aim" as nouns say nothing of the future
        ("Ministers met in March and will meet again in the autumn.", "2023-06-08", [("March", "2023-03", "on")]),
        ("The two sides signed an implementation plan on Tuesday.", "2023-06-08",
         [("Tuesday", "2023-06-06", "on")]),
        ("They discussed the plan in April.", "2023-06-08", [("April", "2023-04", "on")]),
        ("Talks began on Friday and are expected to last a week.", "2023-06-08", [("Friday", "2023-06-02", "on")]),
        ("Russia plans to launch a probe in August.", "2023-06-08", [("August", "2023-08", "on")]),
        # present-tense schedules
        ("The council meets again in January.", "2023-12-15", [("January", "2024-01", "on")]),
        ("The conference takes place on 12 September.", "2023-06-08", [("12 September", "2023-09-12", "on")]),
        # "no later than" is "by", "no earlier than" after; a bare year after "than" is a year
        ("The report is due no later than 30 June 2024.", FRI, [("no later than 30 June 2024", "2024-06-30", "by")]),
        ("Emissions must peak no later than 2030.", FRI, [("no later than 2030", "2030", "by")]),
        ("Launch is no earlier than 2025.", FRI, [("no earlier than 2025", "2025", "after")]),
        # a deadline named before a date makes it "by"; not a date that names something else
        ("Deadline for full proposals: Thursday 22 May 2025, 14:00 CEST.", FRI,
         [("Thursday 22 May 2025", "2025-05-22", "by")]),
        ("The deadline is apparently April 15.", FRI, [("April 15", "2022-04-15", "by")]),
        ("Apply before the deadline of 3 May 2024 at noon.", FRI, [("3 May 2024", "2024-05-03", "by")]),
        ("The call closes 12 May 2024.", FRI, [("12 May 2024", "2024-05-12", "by")]),
        # a footnote mark in superscript after a year is no part of it; a unit's power is no mark
        ("Committed since 2020¹ and saved in 2023–24³.", FRI, [("since 2020", "2020", "since"), ("2023–24", "2023/2024", "during")]),
        # what is handed in, due: a deadline; a meeting due is a schedule
        ("Applications are due Sept. 30, 2024; the dialogue, due 3 May 2024, met.", FRI,
         [("Sept. 30, 2024", "2024-09-30", "by"), ("3 May 2024", "2024-05-03", "on")]),
        # a deadline's label that opens its line, and a list's "closes" after a comma; "closes on"
        # names the day it closes, as annotators give it
        ("Deadline for comments on this report: 5 December 2025.", FRI, [("5 December 2025", "2025-12-05", "by")]),
        ("Window: opens 1 October, closes 15 November 2025 at 23:59.", FRI,
         [("1 October", "2025-10-01", "on"), ("15 November 2025", "2025-11-15", "by")]),
        ("Registration closes on 15 October 2024.", FRI, [("15 October 2024", "2024-10-15", "on")]),
        # (probed) what closes after a comma is a window only when it opened before it; a label's
        # words in lower case after "for" or "of"
        ("The airport reopened, closes 20 April 2025; the embassy, open since 1990, closes 31 March 2025.", FRI,
         [("20 April 2025", "2025-04-20", "on"), ("since 1990", "1990", "since"), ("31 March 2025", "2025-03-31", "on")]),
        ("Closing date of the Oslo conference: 14 June 2025", FRI, [("14 June 2025", "2025-06-14", "on")]),
        ("The deadline for the 2024 round passed; on 3 May 2024 they met.", FRI,
         [("2024", "2024", "on"), ("3 May 2024", "2024-05-03", "on")]),
        ("The dialogue, due later this year, meets in Oslo.", FRI, [("later this year", "2021", "on")]),
        # "since" and a noun phrase before "in": since; a clause after "since" says when
        ("The fund has grown since its creation in 2014.", FRI, [("since its creation in 2014", "2014", "since")]),
        # a cable's date-time group; not a code of digits whose hour is none
        ("DTG: 141132Z MAR 24\nCode 123456Z MAR 2024", FRI, [("141132Z MAR 24", "2024-03-14", "on"),
                                                           ("MAR 2024", "2024-03", "on")]),
        # "12th instant" is this month's; "the month of October"
        ("The MoU was signed on 12th instant; the centre opens in the month of October this year.", "2025-03-14",
         [("12th instant", "2025-03-12", "on"), ("October this year", "2025-10", "on")]),
        # a text with no date of its own: a timeline's day or month takes its entry's year (not a
        # year in a sentence, nor a year a weekday would pick); "instant" as an adjective is no day
        ("1972: Argentina and Italy signed an accord on 14 April.\n2008 – In September a lab opened.", None,
         [("1972", "1972", "on"), ("14 April", "1972-04-14", "on"), ("2008", "2008", "on"), ("September", "2008-09", "on")]),
        ("Net zero by 2050 is the aim. Delegates meet again on 14 April.", None,
         [("by 2050", "2050", "by"), ("14 April", None, "on")]),
        ("1972: Italy and Argentina sign an agreement.\n\nOn Monday 14 April the minister spoke.", None,
         [("1972", "1972", "on"), ("Monday 14 April", "1972-04-14", "on")]),
        ("The 3rd instant noodle brand and the 12th Instant Messaging Summit.", "2024-03-20", []),
        # a day of the month by its ordinal alone, as a briefing says it; not an anniversary or a floor
        ("They meet from the 25th to the 28th of this month; it was signed on the 19th of last month.",
         "2024-11-21", [("25th to the 28th of this month", "2024-11-25/2024-11-28", "during"),
                        ("19th of last month", "2024-10-19", "on")]),
        ("Leaders met on the 18th and 19th, and signed on the 3rd.", "2024-11-21",
         [("18th and 19th", "2024-11-18/2024-11-19", "during"), ("3rd", "2024-11-03", "on")]),
        ("It marks the 20th anniversary; the 5th session met on the 3rd floor.", "2024-11-21", []),
        # a deadline's label before "by" says no tense: the day ahead
        ("Shortlisted candidates notified: by 29 November", "2024-10-21", [("by 29 November", "2024-11-29", "by")]),
        # a text that reviews a past year: its yearless months and days are that year's, unless the future
        ("Our 2023 in review\n\nJanuary – The season opened on 9 January. They will meet again in March.",
         "2024-01-09", [("2023", "2023", "on"), ("January", "2023-01", "on"), ("9 January", "2023-01-09", "on"),
                        ("March", "2024-03", "on")]),
        ("In January, labs opened.", "2024-01-09", [("January", "2024-01", "on")]),  # no review: this January
        # "the following year", "the previous month" count from the last date given, as "two years later"
        ("In 1990 it began. The following year it grew. Two years later it closed; he read the following text.",
         "2025-01-17", [("1990", "1990", "on"), ("The following year", "1991", "on"), ("Two years later", "1993", "on")]),
        ("It opened on 5 May 2021; the previous month, talks ended.", "2025-01-17",
         [("5 May 2021", "2021-05-05", "on"), ("the previous month", "2021-04", "on")]),
        # "the following spring": the first to start after the date before it, and its year; "the
        # previous winter" the last to end before it; "two years later" counts from the spring's year
        ("I arrived in October 1988. The following spring we met. Two years later it grew.", "2025-01-17",
         [("October 1988", "1988-10", "on"), ("The following spring", "1989", "on"), ("Two years later", "1991", "on")]),
        ("It opened in October 2020. The previous winter it was planned.", "2025-01-17",
         [("October 2020", "2020-10", "on"), ("The previous winter", "2019/2020", "during")]),
        ("It opened in January 2020. The following winter it grew.", "2025-01-17",
         [("January 2020", "2020-01", "on"), ("The following winter", "2020/2021", "during")]),
        # "that same month", "the same year": the last date's; an abbreviated month before a range's end
        ("In September 2021 they sailed. That same month funds came; the same year it grew.", "2025-01-17",
         [("September 2021", "2021-09", "on"), ("That same month", "2021-09", "on"), ("the same year", "2021", "on")]),
        # a day and a month without a year after a relation word or opening a schedule's line: day
        # first in a text that writes its dates so, else month first; not a share, a score, 24/7
        ("The council met on 05.03.2025 and approved it on 5/3.\n20/3 ........ Webinar\n9-11/6 ...... Week", "2025-03-10",
         [("05.03.2025", "2025-03-05", "on"), ("5/3", "2025-03-05", "on"), ("20/3", "2025-03-20", "on"),
          ("9-11/6", "2025-06-09/2025-06-11", "during")]),
        ("Filed March 3, 2025. Hearings on 12/27 and on 11/03. Support is 24/7; after 9/11; 3/5 of them; he won on "
         "3/5 votes; adopted by 2/3 majority.", "2025-03-10",
         [("March 3, 2025", "2025-03-03", "on"), ("12/27", "2024-12-27", "on"), ("11/03", "2024-11-03", "on")]),
        # ... two as a range, after "from", "between" or with a dash, the second later than the first
        ("Filed 03.02.2025. The school runs from 1/9 to 30/9; visits 10/4 - 20/4 and between 3/10 and 5/10.",
         "2025-03-01", [("03.02.2025", "2025-02-03", "on"), ("from 1/9 to 30/9", "2025-09-01/2025-09-30", "during"),
                        ("10/4 - 20/4", "2025-04-10/2025-04-20", "during"),
                        ("between 3/10 and 5/10", "2025-10-03/2025-10-05", "during")]),
        ("Filed 12/27/2024. Visits run from 9/1 to 9/30.", "2025-03-01",
         [("12/27/2024", "2024-12-27", "on"), ("from 9/1 to 9/30", "2024-09-01/2024-09-30", "during")]),
        # ... but not shares or scores: a change, a fall, "of" after, the second no later
        ("Filed 03.02.2025. Scores went from 3/10 to 7/10; it rose from 1/3 to 2/3; between 1/4 and 1/3 of "
         "them; from 1/3 to 1/2 in a year.", "2025-03-01", [("03.02.2025", "2025-02-03", "on")]),
        # a time stamp opening its line (a feed's item, a blog's update) anchors what follows it, as
        # a dateline does; a date without a clock time does not
        ("<item>\n<pubDate>Tue, 04 Mar 2025 10:00:00 +0200</pubDate>\n<description>It opened today.</description>",
         "2025-03-07", [("Tue, 04 Mar 2025", "2025-03-04", "on"), ("today", "2025-03-04", "on")]),
        ("2025-06-11 16:05 UTC — Orbit raised\nYesterday the last burn ended.\n\n2025-06-06 — Arrays out\nIt "
         "woke yesterday.", "2025-06-24",
         [("2025-06-11", "2025-06-11", "on"), ("Yesterday", "2025-06-10", "on"), ("2025-06-06", "2025-06-06", "on"),
          ("yesterday", "2025-06-10", "on")]),
        # a record's start and end dates: since and until; a closing date is a deadline
        ("Project X\nStart date: 2023-04-01\nEnd date: 2026-09-30\nClosing date: 2025-03-01\nThe end date: 2025 "
         "was cited.", "2025-01-20",
         [("2023-04-01", "2023-04-01", "since"), ("2026-09-30", "2026-09-30", "until"),
          ("2025-03-01", "2025-03-01", "by"), ("2025", "2025", "on")]),
        # a schedule's lines after one to come keep their order: the next such day; a list of the
        # past, newest first, keeps each nearest its publication
        ("Diary\n20 March – webinar\n9 June – week\n2 October – info day", "2025-03-10",
         [("20 March", "2025-03-20", "on"), ("9 June", "2025-06-09", "on"), ("2 October", "2025-10-02", "on")]),
        ("News\n5 March – launch\n12 February – visit\n20 January – meeting", "2025-03-10",
         [("5 March", "2025-03-05", "on"), ("12 February", "2025-02-12", "on"), ("20 January", "2025-01-20", "on")]),
        # ... and none in a text that writes no other date: "cut by 1/2", "on 5/3" may be shares
        ("Emissions must be cut by 1/2 and the vote passed on 5/3.", "2025-03-10", []),
        # (probed) "that same month" after a year alone names none; "month-long", "the same year as" compare
        ("It was signed in 2019. That same month, Chile ratified it; the same month-long survey ran.", "2025-01-17",
         [("2019", "2019", "on")]),
        ("Since 2023 it grew. Those who apply to both in the same year must choose.", "2025-01-17",
         [("Since 2023", "2023", "since")]),  # mid-clause, "the same year" compares
        ("Jan–Feb 2022: seismometers deployed; Sept.–Oct. 2021: talks. Jan met Feb.", "2025-01-17",
         [("Jan–Feb 2022", "2022-01/2022-02", "during"), ("Sept.–Oct. 2021", "2021-09/2021-10", "during")]),
        ("It opened in 2020. The following summer it grew.", "2025-01-17",
         [("2020", "2020", "on"), ("The following summer", "2021", "on")]),
        # a review year only from a title line; a cited report is none
        ("The institute's 2023 annual report, released on Tuesday, shows record funding. In April, it signed.",
         "2024-06-10", [("2023", "2023", "on"), ("Tuesday", "2024-06-04", "on"), ("April", "2024-04", "on")]),
        # no deadline: what closes is no call, a verb follows "deadline"; a colon before a quote's "by"
        ("The embassy will close 15 August. Deadline talks resumed 12 May.", "2024-03-21",
         [("15 August", "2024-08-15", "on"), ("12 May", "2023-05-12", "on")]),
        ("The minister said: by 29 November the deal had been done.", "2024-03-21",
         [("by 29 November", "2023-11-29", "by")]),
        # "since" with a cause, or a date of its own, is no start
        ("Since the ministers meet in June, the report waits.", "2024-03-21", [("June", "2024-06", "on")]),
        # the day of the month after a date, a quarter over the year's end, a compact date-time group
        ("The law passed in May 2019. On the 1st of the following month it took effect.", "2024-03-21",
         [("May 2019", "2019-05", "on"), ("1st of the following month", "2019-06-01", "on")]),
        ("The 20th and final state signed in 2021; the team finished on the 3rd in the rankings.", "2024-03-21",
         [("2021", "2021", "on")]),
        ("In the quarter ending 31 January 2024 it grew; DTG 141132ZMAR24.", "2024-03-21",
         [("quarter ending 31 January 2024", "2023-11/2024-01", "during"), ("141132ZMAR24", "2024-03-14", "on")]),
        # a range of days each with its weekday (the first's picks the year); a weekday alone before
        # a day with its own is no range
        ("Open days run Mon 2 June – Fri 27 June.", "2025-05-02",
         [("Mon 2 June – Fri 27 June", "2025-06-02/2025-06-27", "during")]),
        ("Closed Fri 27 Dec – Mon 6 Jan.", "2024-06-01", [("Fri 27 Dec – Mon 6 Jan.", "2024-12-27/2025-01-06", "during")]),
        ("Arrival: Sunday\nMonday 3 June: opening session", "2024-05-20",
         [("Sunday", "2024-05-19", "on"), ("Monday 3 June", "2024-06-03", "on")]),
        # the words before a period's end or "since" in capitals
        ("FISCAL YEAR ENDED 31 MARCH 2024; SINCE ITS CREATION IN 2014 it grew.", "2024-06-01",
         [("FISCAL YEAR ENDED 31 MARCH 2024", "2023/2024", "during"), ("SINCE ITS CREATION IN 2014", "2014", "since")]),
        # a fiscal year or a quarter named by its last day
        ("For the fiscal year ending 31 March 2026, it seeks more; in the quarter ended September 30, "
         "2024, sales rose, as in the fiscal year ended December 31, 2023.", FRI,
         [("fiscal year ending 31 March 2026", "2025/2026", "during"),
          ("quarter ended September 30, 2024", "2024-07/2024-09", "during"),
          ("fiscal year ended December 31, 2023", "2023", "on")]),
        ("Since the SKCALR was established in 2016, yields rose.", FRI, [("2016", "2016", "on")]),
        ("It rose earlier than 2020.", FRI, [("earlier than 2020", "2020", "before")]),
        ("The summit opens the day after tomorrow.", "2023-04-20", [("the day after tomorrow", "2023-04-22", "on")]),
        ("They met the day before yesterday.", "2023-04-20", [("the day before yesterday", "2023-04-18", "on")]),
        # a recurrence is no date
        ("Meetings are held every Monday; each Friday they meet.", "2023-04-20", []),
        ("In May of every year a report is issued; on 1 June each year fees rise.", "2023-04-20", []),
        # "the year" or "the month" after "end of", "start of" ... is the current one
        ("Decisions are expected by the end of the year.", "2022-05-10", [("by the end of the year", "2022", "by")]),
        ("Money arrives at the start of the month.", "2022-05-10", [("start of the month", "2022-05", "on")]),
        ("The year was hard; for the year ahead, hope.", "2022-05-10", []),
        ("It runs until at least 2030.", FRI, [("until at least 2030", "2030", "until")]),
        # a year after a holiday's name is a year
        ("It opened at Easter 2019 and closed by Christmas 2020.", "2023-08-01",
         [("2019", "2019", "on"), ("2020", "2020", "on")]),
        # numbered parts of a text are no years
        ("The findings are on pages 2001-2004; see sections 1990-1995.", "2023-08-01", []),
        # a month alone after another month in a list
        ("Grants were awarded in March, April and May.", "2023-08-01",
         [("March", "2023-03", "on"), ("April", "2023-04", "on"), ("May", "2023-05", "on")]),
        ("They met in June and July; we may go.", "2023-08-01", [("June", "2023-06", "on"), ("July", "2023-07", "on")]),
        # a quarter with its year after a dash, a slash or an apostrophe; a fiscal year over two years
        ("Sales rose in Q3'21 and Q1-2024.", "2023-04-20",
         [("Q3'21", "2021-07/2021-09", "during"), ("Q1-2024", "2024-01/2024-03", "during")]),
        ("The FY2021-22 budget and FY 2019/2020 rose.", "2023-04-20",
         [("FY2021-22", "2021/2022", "during"), ("FY 2019/2020", "2019/2020", "during")]),
        # two digits after an apostrophe are a year: up to 35 in this century, above it in the last
        ("Output rose in March '21.", "2023-04-20", [("March '21", "2021-03", "on")]),
        ("It was signed on 3 Sept. ’98.", "2023-04-20", [("3 Sept. ’98", "1998-09-03", "on")]),
        ("In the '80s it grew.", "2023-04-20", [("'80s", "1980/1989", "during")]),
    ],
)
def test_relative_forms(text, anchor, expected):
    assert found(text, anchor) == expected


# ---------------------------------------------------------------- not dates
@pytest.mark.parametrize(
    "text",
    [
        "Now, currently, so far and to date are not dates.",
        "The past decade saw forty years of growth.",
        "It will be done within five years.",
        "In the last year, output grew.",
        "In recent years, ties were renewed every year since.",
        "It has 8,300 scientists and held 1,000 events.",
        "They restored a 2,000-year-old dam.",
        "COVID-19 spread in the 12th Five-Year Plan period.",
        "The meeting starts at 10:30.",
        "1500 scientists attended.",
        "About 2000 people joined in 2000 cities.",
        "Three days later they left.",
        "Resolution 2231 passed; Vision 2030 was launched.",
        "It cost $2021 and weighed 2021 kg.",
        "Unit No. 2021 was sold.",
        "May I ask a question?",
        "The temperature rose by 1.5 °C and 2 °C.",
        "Sun and Sat are not weekdays here, nor is march a month.",
        "Tel: 86-10-88828000",
        "He wrote for The Sunday Times.",
        "2000 delegates came; 2021 delegates left.",
        "GulfTech Today | Home | Business | Science",
        "The interview first ran in USA Today and China Today.",
        "Children aged 10 to 12 years paid 3 to 5 dollars.",
    ],
)
def test_not_dates(text):
    assert found(text) == []


# ---------------------------------------------------------------- anchors
@pytest.mark.parametrize(
    ("text", "expected_kinds"),
    [
        ("This year marks an anniversary.", [(None, "relative")]),
        ("In May, the two sides agreed.", [(None, "relative")]),
        ("He spoke on Friday.", [(None, "relative")]),
        ("Fifty years ago, Kissinger flew.", [(None, "relative")]),
        ("The minister said on December 15 that talks went well.", [(None, "relative")]),
        ("It happened in March 2021, not last year.", [("2021-03", "absolute"), (None, "relative")]),
    ],
)
def test_without_anchor_relative_values_stay_none(text, expected_kinds):
    assert [(m.value, m.kind) for m in find_dates(text, None)] == expected_kinds


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("The forum closed last month.", "2011", None),  # needs a month: never guessed
        ("He spoke on Friday.", "2011-08", None),
        ("Talks resume next year.", "2011", "2012"),
        ("The goal of diplomacy today is peace.", "2011", "2011"),
        ("The forum closed last month.", "2011-08", "2011-07"),
        ("The minister said on December 15 that talks went well.", "2011-08", "2010-12-15"),
        ("The minister said on December 15 that talks went well.", "2011", "2011-12-15"),
    ],
)
def test_reduced_precision_anchor(text, anchor, value):
    assert [m.value for m in find_dates(text, anchor)] == [value]


MULTI_STORY = (
    "Headline written this year\n\n"
    "Wednesday, January 25, 2023\n\n"
    "The centre opened last month. On Monday it hosted a visit in Hanoi on March 3, 2022.\n\n"
    "date 2020-06-01 Another story starts here\n\n"
    "It began in May.\n\n"
    "BEIJING, Dec. 17 (Xinhua) -- The talks ended yesterday.\n"
)


def test_datelines_reanchor_the_stories_after_them():
    got = [(MULTI_STORY[m.start:m.end], m.value, m.dateline) for m in find_dates(MULTI_STORY, FRI)]
    assert got == [
        ("this year", "2021", False),
        ("Wednesday, January 25, 2023", "2023-01-25", True),
        ("last month", "2022-12", False),
        ("Monday", "2023-01-23", False),
        ("March 3, 2022", "2022-03-03", False),  # a date inside a sentence is no dateline
        ("2020-06-01", "2020-06-01", True),
        ("May", "2020-05", False),
        ("Dec. 17", "2019-12-17", True),  # a yearless news dateline takes the current anchor's year
        ("yesterday", "2019-12-16", False),
    ]


def test_datelines_anchor_even_without_published():
    values = [m.value for m in find_dates(MULTI_STORY, None)]
    assert values[:3] == [None, "2023-01-25", "2022-12"]


def test_a_yearless_news_dateline_takes_the_nearest_year():
    text = "BEIJING, Dec. 19 (Xinhua) -- The two sides signed deals on Sunday."
    got = [(text[m.start:m.end], m.value, m.dateline) for m in find_dates(text, FRI)]
    assert got == [("Dec. 19", "2021-12-19", True), ("Sunday", "2021-12-19", False)]


def test_values_beyond_four_digit_years_are_none():
    assert [(m.value, m.kind) for m in find_dates("It formed 900 centuries ago.", FRI)] == [(None, "relative")]


def test_masthead_in_capitals_is_a_dateline():
    text = "# Daily\n\nVOL.1-NO.25\n\nTHURSDAY, DECEMBER 23, 2021\n\nXi said on December 15 that ..."
    got = [(m.value, m.dateline) for m in find_dates(text, None)]
    assert got == [("2021-12-23", True), ("2021-12-15", False)]


def test_timeml_refs_are_off_by_default():
    text = "Now the plan is currently in force, unlike in the past."
    assert find_dates(text, FRI) == []
    refs = [(text[m.start:m.end], m.value) for m in find_dates(text, FRI, timeml_refs=True)]
    assert refs == [("Now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("the past", "PAST_REF")]


def test_offsets_are_into_the_given_text():
    text = "**Dec\u200217\u2002,\u20022021** and “in 1979”"
    for m in find_dates(text, None):
        assert m.value in ("2021-12-17", "1979")
        assert text[m.start:m.end].strip("*“” ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers the scanner skips at once: counts, percentages, thousands, long runs
        ("About 30 percent of 1,500 scientists and 12345 samples (95%) came in 2021.", [("2021", "2021", "on")]),
        ("It cost 2,021 dollars, 2021,5 units and 1.5% more.", []),
        # ... and the ones it still reads
        ("It closed on 5 of May 2021.", [("5 of May 2021", "2021-05-05", "on")]),
        ("Rome was sacked in 410 AD; Carthage fell in 146 BC.", [("410 AD", "0410", "on"), ("146 BC", "-0145", "on")]),
        # trigger words without what their expression needs after them
        ("First of all, this is the second time; in spring they met.", []),
        ("THIS YEAR sales rose; tHis Year too.", [("THIS YEAR", "2021", "on"), ("tHis Year", "2021", "on")]),
        ("Output fell in the first quarter of 2021 and rose in the summer of 2020.",
         [("first quarter of 2021", "2021-01/2021-03", "during"), ("summer of 2020", "2020", "on")]),
    ],
)
def test_numbers_and_trigger_words(text, expected):
    assert found(text) == expected


_DAY_TEXTS = [
    "Friday, Dec. 17, 2021 (Xinhua) -- Talks ran from Dec. 1, 2021 to Dec. 15, 2021; by 5 May 2022 onwards.",
    "Due by Friday, Dec. 17, 2021: the lab (opened 2021-12-19) and “12/17/2021” were due before 17 December 2021.",
    "Between March 3, 2020 and May 5, 2020 (and from 2019 to Dec. 5, 2021) it ran; 2021年12月19日 too!",
    "x " * 30 + "On Dec. 17, 2021 and 5 May 2020, 2021-12-19 | 2021年12月19日 ? 12/17/2021 May 2021 Dec 5",
    "Signed on 3 Sept. '19 and Dec. 17 ’21; renewed Dec. 17, '22 (not 3 May '21s or Dec. 5 '2).",
]
_SYNC = "()[]{};:!?\"“”|"


def _single_days(text):
    return [m for m in find_dates(text, None) if m.kind == "absolute" and m.value and len(m.value) == 10]


@pytest.mark.parametrize("text", _DAY_TEXTS)
def test_day_matches_are_the_single_days_of_find_dates(text):
    days = _single_days(text)
    assert day_matches(text) == days
    for cut, ch in enumerate(text):  # a scan started after a sync character reads the same days
        if ch in _SYNC:
            assert day_matches(text, cut + 1) == [m for m in days if m.start > cut]


_DAY_PIECES = st.sampled_from(
    ["Dec. 17, 2021", "17 December 2021", "2021-12-19", "12/17/2021", "Friday, ", "by ", "before ", "since ",
     " to ", " and ", "between ", " onwards", "(", ")", ";", ":", "“", "”", "|", "?", ", ", " ", "\n", "2020",
     "May 5, 2022", "-", "in ", "the end of ", "Jan. 1", "2019"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DAY_PIECES, max_size=20))
def test_day_matches_from_any_sync_character(pieces):
    text = "".join(pieces)
    days = _single_days(text)
    assert day_matches(text) == days
    cuts = [i for i, ch in enumerate(text) if ch in _SYNC]
    for cut in cuts[:5]:
        assert day_matches(text, cut + 1) == [m for m in days if m.start > cut]


# ---------------------------------------------------------------- parse_date_value
@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2021", "2021"),
        ("2021-03", "2021-03"),
        ("2021-03-05", "2021-03-05"),
        (" 2021-12-17 ", "2021-12-17"),
        ("March 2021", "2021-03"),
        ("5 March 2021", "2021-03-05"),
        ("Dec. 17, 2021", "2021-12-17"),
        ("2008/2013", "2008/2013"),
        ("-0271", "-0271"),
        ("272 BC", "-0271"),
        ("", None),
        ("hello", None),
        ("2021-13", None),
        ("2021-02-30", None),
        ("next year", None),
        ("March", None),
        ("2021 and 2022", None),
        ("1500 scientists", None),
    ],
)
def test_parse_date_value(raw, value):
    assert parse_date_value(raw) == value


# ---------------------------------------------------------------- date_bounds
@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2021", ((2021, 1, 1), (2021, 12, 31))),
        ("2021-02", ((2021, 2, 1), (2021, 2, 28))),
        ("2020-02", ((2020, 2, 1), (2020, 2, 29))),
        ("2021-12-17", ((2021, 12, 17), (2021, 12, 17))),
        ("2008/2013", ((2008, 1, 1), (2013, 12, 31))),
        ("2021-07/2021-09", ((2021, 7, 1), (2021, 9, 30))),
        ("-0271", ((-271, 1, 1), (-271, 12, 31))),
        ("-0769/-0475", ((-769, 1, 1), (-475, 12, 31))),
        ("", None),
        ("abc", None),
        ("2021-13", None),
        ("2013/2008", None),
        ("2021/2022/2023", None),
        ("21", None),
    ],
)
def test_date_bounds(value, bounds):
    assert date_bounds(value) == bounds


def test_date_bounds_of_non_strings_is_none():
    assert date_bounds(2021) is None  # type: ignore[arg-type]
    assert parse_date_value(None) is None  # type: ignore[arg-type]


# ---------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text",
    [
        "1," * 200_000,
        "9" * 1_000_000,
        "A-" * 200_000,
        "Aa " * 200_000,
        ". " * 200_000,
        "Dec" + " " * 300_000 + "x",
        "1-" * 50_000,
        "1/2/" * 25_000,
        "-" * 500_000,
        "May " * 5_000,
        "in 2021 " * 5_000,
        "\x00\x01\n\u2028" * 100_000,
        "二〇二一年" * 50_000,
        "Friday, " * 3_000,
        "the end of " * 50_000,
    ],
    ids=lambda t: repr(t[:8]),
)
def test_pathological_inputs_complete(text):
    result = find_dates(text, FRI)
    assert isinstance(result, list)
    assert all(0 <= m.start < m.end <= len(text) for m in result)


@pytest.mark.parametrize("text", ["", "\n", "Friday", "1999", "‘", "Q", "FY", "May", None, 12])
def test_tiny_and_odd_inputs(text):
    assert isinstance(find_dates(text, FRI), list)  # type: ignore[arg-type]
    assert isinstance(find_dates(text, "not a date"), list)  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    ["May", "Dec.", "Friday", "in ", "since ", "the ", " ago", "years", "Q3", "FY", " BC", "century", "21st",
     "first half of ", "last ", "next ", "week", "today", "2021", "1999", "12/17/", "THURSDAY, ", "\ndate ",
     "BEIJING, ", "(Xinhua) --", "by ", "mid-", "fifty ", "more than ", "’s", "from ", " to ", " and ", "-",
     ",", " ", "\n", "7", "0"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25),
       st.sampled_from([None, "2021", "2021-12", FRI, "0001-01-01", "9999-12-31", "junk"]))
def test_any_text_gives_valid_spans_and_values(pieces, anchor):
    text = "".join(pieces)
    for m in find_dates(text, anchor):
        assert 0 <= m.start < m.end <= len(text)
        assert m.value is None or date_bounds(m.value) is not None
        assert m.relation in ("on", "before", "after", "since", "until", "by", "during")


@pytest.mark.parametrize(
    "text",
    ["It opened on 5 Auguſt 2021.", "On 5 Aprıl 2021 it began.", "Signed thıs year.", "In ſummer 2020 they met.",
     "It was 3 dayſ ago.", "Next Frıday, or laſt month, or 12 \u212aelvin.", "Since Marcħ 2021 and İn May."],
)
def test_letters_that_only_fold_to_ascii_never_raise(text):
    for anchor in (None, "2021-12-17", "2011"):
        matches = find_dates(text, anchor)
        assert all(0 <= m.start <= m.end <= len(text) for m in matches)
    from sci_diplo.normalize.published import find_published

    find_published(text)
    find_published(text, estimate=False)


@pytest.mark.parametrize("word,past", [
    ("signed", True), ("met", True), ("said", True), ("broke", True), ("chose", True),
    ("indeed", False), ("hundred", False), ("exceed", False), ("United", False), ("meets", False), ("seed", False),
])
def test_a_past_verb_is_read_from_one_list_for_dates_and_claims(word, past):
    from sci_diplo.normalize.dates_grammar import past_verb

    assert past_verb(word) is past


def test_a_number_in_hundred_does_not_make_a_weekday_past():
    (match,) = find_dates("On Friday, two hundred scientists will gather in Nairobi.", "2024-03-06")
    assert match.value == "2024-03-08"  # the Friday after Wednesday 6 March, not 1 March


@pytest.mark.parametrize("text,value", [
    ("Correction (Nov. 15): An earlier version of this story gave the wrong figure.", "2024-11-15"),
    ("Coming up:\n11 June, 14:00 – Webinar on science attachés", "2024-06-11"),
    ("The ministers met on 11 June.", "2024-06-11"),  # past tense: on or before 14 November
    ("The ministers will meet on 3 February.", "2025-02-03"),  # future tense
    ("Coming up:\n3 February – the annual review", "2025-02-03"),  # nearer ahead than behind
    ("Coming up:\n3 September – the annual review", "2024-09-03"),  # nearer behind
])
def test_a_day_with_no_year_and_no_tense_takes_the_nearest_year(text, value):
    (match,) = [m for m in find_dates(text, "2024-11-14") if m.value]
    assert match.value == value


@pytest.mark.parametrize("text,value", [
    # a chat's emoji code ends the sentence: the past tense after it is another sentence's
    ("The agreement is cleared for signature on 3 December in Dodoma :tada: Sweden confirmed the funds.", "2024-12-03"),
    ("The agreement is cleared for signature on 3 December in Dodoma. Sweden confirmed the funds.", "2024-12-03"),
    ("The agreement is cleared for signature on 3 December in Dodoma, Sweden confirmed.", "2023-12-03"),
    # a clause after a colon has its own tense; a label's does not
    ("The supplier confirmed: installation from 3 December, 35 days on site.", "2024-12-03"),
    ("The supplier confirmed it on 3 December.", "2023-12-03"),
    ("First call closes: 3 December", "2024-12-03"),
])
def test_the_tense_of_a_yearless_date_is_its_own_sentences_and_clauses(text, value):
    (match,) = [m for m in find_dates(text, "2024-11-14") if m.value]
    assert match.value == value


@pytest.mark.parametrize("text", [
    "Tel: +966 11 555 0199 (Sunday–Thursday, 8:00–15:00)",
    "Enquiries: +250 788 555 014 (Monday to Friday, 8:30 a.m.–5 p.m.)",
    "The office is open Mon-Fri 9am-5pm.",
])
def test_opening_hours_name_no_day(text):
    assert find_dates(text, "2024-03-06") == []


def test_a_weekday_with_a_clock_time_is_still_a_day():
    assert [m.value for m in find_dates("They met on Monday, 8:30 a.m.", "2024-03-06")] == ["2024-03-04"]


@pytest.mark.parametrize("text,quote,value", [
    ("Two decades from now, I trust that nobody will say so.", "Two decades from now", "2043"),
    ("Five years from now the lab opens.", "Five years from now", "2028"),
])
def test_a_span_of_time_from_now_is_the_date_ahead(text, quote, value):
    (match,) = find_dates(text, "2023-11-14")
    assert (text[match.start:match.end], match.value) == (quote, value)


@pytest.mark.parametrize("text,expected", [
    ("The station opened in 1979. A quarter of a century later, Japan joined.",
     [("1979", "1979", "on"), ("A quarter of a century later", "2004", "on")]),
    ("It opened in March 1979; six months later it closed. Two years earlier, it was planned.",
     [("March 1979", "1979-03", "on"), ("six months later", "1979-09", "on"), ("Two years earlier", "1977", "on")]),
    ("On 5 May 2001 they met, and three days later they signed.",
     [("5 May 2001", "2001-05-05", "on"), ("three days later", "2001-05-08", "on")]),
    # nothing to count from: no date before it, an interval, or a comparison
    ("Two years later it closed.", []),
    ("It was signed in the 1990s; a decade later it lapsed.", [("1990s", "1990/1999", "during")]),
    ("The lab opened in 2020, two years later than planned.", [("2020", "2020", "on")]),
    # a past event after the publication: counted from another date than the last
    ("By 2010 the station grew. A quarter of a century later, they signed a memorandum.", [("By 2010", "2010", "by")]),
    ("In 2020 they met. Ten years later, they will sign.", [("2020", "2020", "on"), ("Ten years later", "2030", "on")]),
    # a dateline dates the story, not an event to count from; "decided to meet" is past
    ("LONDON, 5 February 2024 — They cut ties after the war. Forty years later, they decided to meet again.",
     [("5 February 2024", "2024-02-05", "on")]),
])
def test_a_span_of_time_later_counts_from_the_date_before_it(text, expected):
    assert found(text, "2023-11-18") == expected


@pytest.mark.parametrize("text,expected", [
    ("They met on 3 March, 5 April and 6 May 2023.",
     [("3 March", "2023-03-03", "on"), ("5 April", "2023-04-05", "on"), ("6 May 2023", "2023-05-06", "on")]),
    ("They met in March and April 2021.", [("March", "2021-03", "on"), ("April 2021", "2021-04", "on")]),
    ("Calls open on 1 October and close on 15 November 2025.",
     [("1 October", "2025-10-01", "on"), ("15 November 2025", "2025-11-15", "on")]),
    ("Applications: opens 1 October, closes 15 November 2025.",
     [("1 October", "2025-10-01", "on"), ("15 November 2025", "2025-11-15", "by")]),
    # not across a sentence or a clause, nor a month after the year's date, nor a year alone
    ("On 3 March the lab opened; on 5 April 2021 it closed.",
     [("3 March", "2023-03-03", "on"), ("5 April 2021", "2021-04-05", "on")]),
    ("They met in December and January 2021.", [("December", "2022-12", "on"), ("January 2021", "2021-01", "on")]),
    ("It opened on 3 March and in 2021 it grew.", [("3 March", "2023-03-03", "on"), ("2021", "2021", "on")]),
    # (probed) not where the tense puts the day on the other side of the publication
    ("The cuts were announced on 3 November, and in March 2024 the first calls will open.",
     [("3 November", "2023-11-03", "on"), ("March 2024", "2024-03", "on")]),
])
def test_dates_of_a_list_share_the_year_of_the_last(text, expected):
    assert found(text, "2023-11-18") == expected


@pytest.mark.parametrize("text,quote,value", [
    ("A quarter of a century ago we met.", "A quarter of a century ago", "1998"),
    ("Half a century ago the lab opened.", "Half a century ago", "1973"),
    ("Half a year ago the lab opened.", "Half a year ago", "2023-05"),
    ("Experts met in Arequipa a fortnight ago.", "a fortnight ago", "2023-11-04"),  # fourteen days
    ("Kenya Lab\nEstablished: 2011\nStaff: 320", "2011", "2011"),  # an infobox's label, the next line's noun
    ("Participation doubled compared with 2022.", "2022", "2022"),
    # (probed) not a count's label, a count compared, a year before the next line's noun, a document's symbol
    ("Awards\nSubmitted: 2031\nAwarded: 412\nIt has supported 2015\nstudents. It got 2450 applications, compared with "
     "1980. See S/2024/56. It opened in 2012.", "2012", "2012"),
    ("I sat on a panel a couple of years ago.", "a couple of years ago", "2021"),
    ("This time last year you sat in that chair.", "This time last year", "2022-11"),  # its month a year back
    ("In the coming decade we grow; in the coming year we sign.", "coming year", "2024"),  # a decade from now: a span
    ("It was finalised on 15 Ramadan 1446, corresponding to 15 March 2025.",  # no Hijri year: one date, with its gloss
     "15 Ramadan 1446, corresponding to 15 March 2025", "2025-03-15"),
    ("In 2024 H-1B visa approvals fell.", "2024", "2024"),  # (probed) no Hijri "H"
])
def test_a_share_of_a_unit_ago(text, quote, value):
    (match,) = find_dates(text, "2023-11-18")
    assert (text[match.start:match.end], match.value) == (quote, value)


def test_from_now_on_names_no_date():
    assert find_dates("From now on we work together.", "2023-11-14") == []


def test_a_dateline_with_an_agency_between_slashes_anchors_what_follows():
    text = "MOSCOW, March 14. /TASS/. Russia said on Thursday that it would invest."
    dateline, thursday = find_dates(text, "2024")
    assert (dateline.dateline, dateline.value) == (True, "2024-03-14")
    assert thursday.value == "2024-03-14"


@pytest.mark.parametrize("text,value", [
    ("Published 03/06/2025. The deal of 12 June 2025 holds.", "2025-06-03"),  # the text writes day first
    ("Published 03/06/2025. The deal of June 12, 2025 holds.", "2025-03-06"),  # month first
    ("Published 03/06/2025.", "2025-03-06"),  # no words to tell: month first (US)
    # ... or the clock as day-first countries write it
    ("03/06/2025 – 14h20 | Updated 18h05", "2025-06-03"),
    ("Posted 03/06/2025 18:42", "2025-06-03"),
    ("Posted 03/06/2025 6:42 pm", "2025-03-06"),
    ("Posted 03/06/2025 10:42", "2025-03-06"),
    # a weekday that agrees with one reading; the text's other numeric dates; a clock that is no
    # clock of the date's line (a score), or with a US time zone
    ("Sent: Thursday, 03/06/2025 18:42", "2025-03-06"),
    ("Sent: Tuesday, 03/06/2025", "2025-06-03"),
    ("Webinar: 03/06/2025, 15:00 CET. Registration closes 02/28/2025.", "2025-03-06"),
    ("Webinar: 03/06/2025. Registration closes 28/02/2025.", "2025-06-03"),
    ("The score was 18:42 in the final. The match was held on 03/06/2025.", "2025-03-06"),
    ("Flight UA 914 departs 03/06/2025 at 17:45 EST", "2025-03-06"),
    ("Published 13/06/2025.", "2025-06-13"),
])
def test_an_ambiguous_numeric_date_reads_in_the_order_the_text_writes_its_dates(text, value):
    assert find_dates(text, None)[0].value == value


@pytest.mark.parametrize("text,value,relation", [
    ("It will be held in Changsha from Dec. 5 to 7.", "2023-12-05/2023-12-07", "during"),
    ("It runs from December 5 to 7, 2023.", "2023-12-05/2023-12-07", "during"),
    ("It runs from 5 to 7 December.", "2023-12-05/2023-12-07", "during"),  # was "since"
    ("The office is open on March 5 to 7 p.m.", "2024-03-05", "on"),
])
def test_a_month_and_a_span_of_its_days(text, value, relation):
    (match,) = find_dates(text, "2023-11-16")
    assert (match.value, match.relation) == (value, relation)


@pytest.mark.parametrize("text,quote,value", [
    ("The first call opens on the fifteenth of May.", "fifteenth of May", "2025-05-15"),
    ("Engineers meet from the second to the sixth of June.", "second to the sixth of June", "2025-06-02/2025-06-06"),
    ("It was signed on the twenty-first of March, 2024.", "twenty-first of March, 2024", "2024-03-21"),
    ("It replaces a memorandum from twenty fourteen.", "twenty fourteen", "2014"),
    ("The next session is in twenty twenty-six.", "twenty twenty-six", "2026"),
    ("The archive opened in nineteen ninety-eight.", "nineteen ninety-eight", "1998"),
    # ... at a sentence's start, before a verb that ends in "s" (not a count's noun)
    ("Twenty fourteen was the year it began.", "Twenty fourteen", "2014"),
    ("Nineteen ninety-eight was the year it began.", "Nineteen ninety-eight", "1998"),
    ("It stalled. Twenty twenty-two has been better.", "Twenty twenty-two", "2022"),
    # a treaty's closing clause: "the Nth day of", the year in words
    ("Done at Seoul on the twelfth day of May two thousand and twenty-four, in duplicate.",
     "twelfth day of May two thousand and twenty-four", "2024-05-12"),
    ("Signed on the first day of June in the year two thousand and four.",
     "first day of June in the year two thousand and four", "2004-06-01"),
    ("Done this 15th day of May, 2024.", "15th day of May, 2024", "2024-05-15"),
    ("Done on the twenty-first day of March, two thousand.", "twenty-first day of March, two thousand", "2000-03-21"),
    # ... not a count after the day
    ("On the fifteenth of May two thousand researchers came.", "fifteenth of May", "2024-05-15"),
    ("On the fifteenth of May twenty four labs opened.", "fifteenth of May", "2024-05-15"),
    ("On the first of May twenty four people were arrested.", "first of May", "2024-05-01"),  # (probed)
    ("It was signed on the thirty-first day of February 2024.", "February 2024", "2024-02"),  # no such day
])
def test_dates_said_aloud(text, quote, value):
    (match,) = find_dates(text, "2025-04-29")
    assert (text[match.start:match.end], match.value) == (quote, value)


@pytest.mark.parametrize("text", ["Twenty twenty-year-olds joined.", "Nineteen fifty percent.", "The fifth round of talks.",
                                  "Twenty fourteen-year-olds joined.", "We hired twenty twenty labs."])
def test_counts_and_ordinals_said_aloud_are_no_dates(text):
    assert find_dates(text, "2025-04-29") == []


def test_codes_that_hold_a_month_or_a_year_name_no_date():
    text = "It recalled Decision EASIC/CM/Dec.11(V)/2022, adopted on 4 November 2022. Reference: COM(2024) 498 final."
    assert [m.value for m in find_dates(text, "2024-05-29")] == ["2022-11-04"]


def test_a_year_alone_in_a_table_cell_is_a_date():
    text = "| Year | Satellite | Status |\n|------|-----------|--------|\n| 2016 | TROPSAT-1 | Retired in 2022 |\n"
    assert [m.value for m in find_dates(text, "2025-06-03")] == ["2016", "2022"]


@pytest.mark.parametrize("text,relation", [
    ("Nigerian engineers will join it from July.", "since"),
    ("As of 1 January 2025, Egyptian universities will take part.", "since"),
    ("A memorandum from 2014 lapsed.", "on"),  # an origin
    ("As of June 2023, 40 labs exist.", "on"),  # a state at that time
])
def test_from_or_as_of_a_date_in_the_future_is_since(text, relation):
    (match,) = find_dates(text, "2024-11-27")
    assert match.relation == relation


@pytest.mark.parametrize("text,value", [
    ("It opens on 12 February next year.", "2025-02-12"),
    ("It opened in March last year.", "2023-03"),
    ("It opens by June this year.", "2024-06"),
])
def test_a_month_of_next_or_last_year(text, value):
    (match,) = find_dates(text, "2024-11-27")
    assert match.value == value


@pytest.mark.parametrize("text,values", [
    ("It feeds the Forum’s 2050 Strategy and the 2030 Agenda; Saudi Vision 2030 too.", []),
    ("Kenya adopted its 2030 Plan in 2008.", ["2008"]),
    ("The 2019 Science Summit met; India will reach net zero by 2070.", ["2019", "2070"]),  # an event's year is one
])
def test_a_year_in_a_plans_name_is_no_date(text, values):
    assert [m.value for m in find_dates(text, None)] == values


@pytest.mark.parametrize("text,found", [
    ("Please write to us by the end of April.\n\n4. New call for proposals", [("by the end of April", "2024-04")]),
    ("It was signed on December\n17, 2021 in Nairobi.", [("December\n17, 2021", "2021-12-17")]),  # a wrapped line
    ("Image pack reference: CFP-IMG-2024-03. Mid-2023 was busy.", [("Mid-2023", "2023")]),
])
def test_a_month_and_a_day_across_a_paragraph_or_a_code_are_no_date(text, found):
    assert [(text[m.start:m.end], m.value) for m in find_dates(text, "2024-04-10")] == found


def test_a_date_closing_a_masthead_bar_of_middle_dots_is_a_dateline():
    (match,) = find_dates("MERIDIAN MAGAZINE · Long read · 18 November 2023\n\nText.", None)
    assert (match.value, match.dateline) == ("2023-11-18", True)


def test_the_turn_of_the_millennium_is_2000_and_of_the_century_no_date():
    text = "By the turn of the millennium the station was busy; at the turn of the century it was not."
    assert [(text[m.start:m.end], m.value, m.relation) for m in find_dates(text, "2023-11-18")] == [
        ("By the turn of the millennium", "2000", "by")]


def test_a_tables_column_header_gives_its_dates_relation():
    text = ("| Partner | Since | Ends | Deadline | Signed |\n|---|:---:|---|---|---|\n"
            "| Sava Institute | 2017 | 2026 | 3 May 2025 | 2016 |\n| Nile Institute | 2021 | 2027 | 1 June 2025 | 2020 |\n\n"
            "| 2019 | Kenya |\n")  # a row of no table with a separator: no header
    got = [(text[d.start:d.end], d.relation) for d in find_dates(text, "2024-05-02")]
    assert got == [("2017", "since"), ("2026", "until"), ("3 May 2025", "by"), ("2016", "on"),
                   ("2021", "since"), ("2027", "until"), ("1 June 2025", "by"), ("2020", "on"), ("2019", "on")]


@pytest.mark.parametrize("text,expected", [
    # a year cut to two digits after an apostrophe, where a relation word or a fiscal year's mark stands
    ("In ’21 it was COVID, and in ’24 it was mpox; since '19 they met, and the class of ’98 too.",
     [("’21", "2021"), ("’24", "2024"), ("since '19", "2019"), ("’98", "1998")]),
    ("He scored 3 of '21 points; it's '21st century stuff and the '90s.", [("21st century", "2000/2099"), ("'90s", "1990/1999")]),
    # a CV's entries: a range left open is "since"; a date with no year takes its entry's year
    ("2023–          Lead, Observatory\n2021–present   Work package lead\n2020           Co-organiser, workshop "
     "(9–11 June)\nThe 2020- model.",
     [("2023–", "2023"), ("2021–present", "2021"), ("2020", "2020"), ("9–11 June", "2020-06-09/2020-06-11")]),
    # a two-digit year's numeric date after a filing's label, not a score's
    ("[FR Doc. 2024-05123 Filed 3-11-24; 8:45 am] The score was 3-11-24.", [("3-11-24", "2024-03-11")]),
    # a day's end between a relation word and its day; a month and a year said aloud
    ("Send comments by COB 24 Feb. In July twenty twenty-two we had floods.",
     [("by COB 24 Feb.", "2025-02-24"), ("July twenty twenty-two", "2022-07")]),
    # a year and a share after a dash are no range of years
    ("The annual report for 2023 – 91% of the budget spent.", [("2023", "2023")]),
    # German-style dates: a day range of one month, "10.–12.09.2024"
    ("The symposium takes place from 10.–12.09.2024, after the 21.05.2024 signing.",
     [("10.–12.09.2024", "2024-09-10/2024-09-12"), ("after the 21.05.2024", "2024-05-21")]),
    ("Symposium, Nicosia, 14–16/11/2023.", [("14–16/11/2023", "2023-11-14/2023-11-16")]),
])
def test_apostrophe_years_and_dotted_day_ranges(text, expected):
    assert [(text[d.start:d.end], d.value) for d in find_dates(text, "2024-12-04")] == expected


def test_iso_weeks_run_from_their_monday_to_their_sunday():
    text = ("Kick-off in week 3 of 2025; cruises in weeks 27–30 of 2025 and W22–W26 2026, the review by week 47 "
            "of 2027 and the audit in 2025-W14. Week 54 of 2025 is none; last week we met.")
    got = [(text[m.start:m.end], m.value, m.relation) for m in find_dates(text, "2025-01-08")]
    assert got == [
        ("week 3 of 2025", "2025-01-13/2025-01-19", "during"),
        ("weeks 27–30 of 2025", "2025-06-30/2025-07-27", "during"),
        ("W22–W26 2026", "2026-05-25/2026-06-28", "during"),
        ("by week 47 of 2027", "2027-11-22/2027-11-28", "by"),
        ("2025-W14", "2025-03-31/2025-04-06", "during"),
        ("2025", "2025", "on"),  # no 54th week: the year alone
        ("last week", "2024-12-30/2025-01-05", "during"),
    ]


@pytest.mark.parametrize("text,expected", [
    ("The call opens in the second semester of 2025 and the 1st semester of 2026.",
     [("second semester of 2025", "2025-07/2025-12"), ("1st semester of 2026", "2026-01/2026-06")]),
    # four digits and a time zone are a clock time, as wires write it; a year after "in" stays one
    ("Bids are due by 1130 GMT on Tuesday; polls close at 0900 UTC. In 2019 EST was kept.",
     [("Tuesday", "2024-09-17"), ("2019", "2019")]),
    # a link's path names no date
    ("See https://news.example/2024/09/11/story and www.x.example/2023/05/02/a; it opened on 3 May 2023.",
     [("3 May 2023", "2023-05-03")]),
])
def test_semesters_clock_times_and_links(text, expected):
    assert [(text[m.start:m.end], m.value) for m in find_dates(text, "2024-09-12")] == expected


@pytest.mark.parametrize("text,expected", [
    ("This year the survey ran from January to March across the strait.",
     [("This year", "2025"), ("January to March", "2025-01/2025-03")]),
    ("The survey ran January–Sept. last year.", [("January–Sept. last year", "2024-01/2024-09")]),
    ("Between December and February the station is closed.", [("Between December and February", "2024-12/2025-02")]),
    ("The survey ran from January to March 2025.", [("from January to March 2025", "2025-01/2025-03")]),
    ("From May to 3 June they sailed.", [("From May to 3 June", "2025-05/2025-06-03")]),
])
def test_a_range_of_two_months_with_no_year_is_one_period(text, expected):
    assert [(text[m.start:m.end], m.value) for m in find_dates(text, "2025-05-14")] == expected
