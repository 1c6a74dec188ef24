"""A chat's export ("[11/03/2024, 07:58] Name: message" lines), through the real pipeline: each
message is a sentence and a paragraph, its stamp dates the message (no claim) and anchors the
message's "today" and "tomorrow", and the export is dated by its last message. Texts of our own."""

import pytest

from sci_diplo.components.extensions import CLAIMS, DATES, PARAGRAPHS
from sci_diplo.normalize.published import find_published
from sci_diplo.normalize.readable import message_stamp
from tests.components.test_components import run

CHAT = (
    "[02/07/2025, 09:12] Lena Berg: Morning! Ghana team lands Tue 08/07, workshop starts the day after\n"
    "[02/07/2025, 09:15] Kwame Mensah: 👍 we are 6 ppl, not 5\n"
    "[04/07/2025, 17:40] Lena Berg: The accord with Norway was signed in 2021 and runs until 2026\n"
    "also the budget is NOK 4 million\n"
    "[09/07/2025, 16:02] Kwame Mensah: Agreement initialled today. Final text goes out tomorrow\n"
    "[14/07/2025, 08:00] Lena Berg: Thanks all 🙏\n"
)


@pytest.mark.parametrize("line,stamp", [
    ("[11/03/2024, 07:58] Dewi Anggraini: Selamat pagi", "[11/03/2024, 07:58] Dewi Anggraini:"),
    ("11/03/2024, 07:58 - Dewi: hi", "11/03/2024, 07:58 - Dewi:"),  # the Android export
    ("[2024-03-11 07:58:12] dewi: ok", "[2024-03-11 07:58:12] dewi:"),
    ("[3/11/24, 8:10 PM] A. Khan: sure", "[3/11/24, 8:10 PM] A. Khan:"),
    ("2025-06-11 16:05 UTC — Orbit raised: all nominal", None),  # a blog's heading: no sender
    ("12/03/2024 Meeting: notes", None),  # no clock time
    ("The [12/03/2024, 10:00] note: x", None),  # not at the line's start
])
def test_message_stamp(line, stamp):
    m = message_stamp(line, 0)
    assert (m.group() if m else None) == stamp


def test_each_message_is_a_sentence_and_a_paragraph(nlp):
    doc = run(nlp, CHAT, "2025-07-14")
    sents = [s.text.strip() for s in doc.sents]
    assert "[02/07/2025, 09:15] Kwame Mensah: 👍 we are 6 ppl, not 5" in sents
    # the line with no stamp runs on in its message
    assert any(s.startswith("[04/07/2025, 17:40]") and s.endswith("NOK 4 million") for s in sents)
    assert len(doc.spans[PARAGRAPHS]) == 5


def test_stamps_date_messages_not_claims(nlp):
    doc = run(nlp, CHAT, "2025-07-14")
    dates = {(d.text, d._.date_value) for d in doc.spans[DATES]}
    assert ("Tue 08/07", "2025-07-08") in dates  # a weekday before a day and a month
    assert ("today", "2025-07-09") in dates and ("tomorrow", "2025-07-10") in dates  # the message's day
    claimed = sorted(d._.date_value for c in doc.spans[CLAIMS] for d in c._.claim_dates)
    assert claimed == ["2021", "2025-07-08", "2025-07-09", "2025-07-10", "2026"]


def test_export_dated_by_its_last_message():
    assert find_published(CHAT) == "2025-07-14"
    assert find_published("11/03/2024, 07:58 - A: hi\n13/03/2024, 09:00 - B: signed\n") == "2024-03-13"
    # a text that quotes a message further down is no export: its own date wins
    assert find_published("Published 5 May 2024\n[02/07/2025, 09:12] Lena: hi\n") == "2024-05-05"
