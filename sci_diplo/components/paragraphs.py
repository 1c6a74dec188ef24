"""Sentence boundaries: punctuation, paragraphs and line breaks.

On a Doc that has no sentence boundaries yet, the component first applies
spaCy's sentencizer rule (a sentence starts at the first token that is not
punctuation after one of ``Sentencizer.default_punct_chars``), computed with
numpy over the tokens' offsets and the text's characters, asking only the
tokens after sentence-final ones whether they are punctuation, rather than a
Python loop over every token; the result is the same (a test checks it).
Punctuation alone would run a heading or a dateline into the next sentence,
so the component also starts a sentence after a blank line, before a bulleted line, a line that
opens with a year and a column's gap (a CV's or a register's entry: ``LINE_YEAR_RX``) or a chat
message's stamp ("[11/03/2024, 07:58] Dewi: ...", which starts a paragraph too), after a subtitle
cue's timing line (where a cue's lines run on as one passage: ``SUBTITLES``), before an iCalendar
export's property line (its folded lines, indented, run on; each event a paragraph), between
two rows of a table (lines of two bars or more, or of three cells set apart by spaces), and after a
single line break that ends a short line, a line of fields parted by middle dots, or a sentence
(or an emoji), except where a paragraph was cut in mid-sentence (a long paragraph with no final
punctuation, or a word hyphenated across the break), as in text copied from PDF pages, or
where a short line plainly runs on (it ends in a hyphen or a word no sentence
ends with, or in a comma before a line in lower case: ``runs_into``; or the
block is a narrow column of wrapped lines: ``wrapped``), and after a sentence's
end that a footnote mark is glued to ("in 2014.[1] Since", ``FOOTNOTE_END``). A
run of more than ``MAX_SENTENCE`` characters with no sentence end (a table or
list flattened into one line) is cut into sentences no longer than that. It
also writes the paragraphs to ``doc.spans["sci_diplo_paragraphs"]``, the
passages that facts with no country in their sentence take their countries
from.

Line breaks are found with one regex pass over the text, and the sentence
starts are written in one array operation (setting ``token.is_sent_start``
one token at a time rescans the whole Doc each time). A Doc parsed by a
trained pipeline keeps its parser's sentences; one with a senter's keeps
those and only gains the paragraph breaks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import DEP, IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions
from sci_diplo.components.base import Batched, doc_cache, doc_text, set_token_bounds
from sci_diplo.components.extensions import PARAGRAPHS
from sci_diplo.normalize.dates import LINE_YEAR_RX, SLASHED_AGENCY
from sci_diplo.normalize.readable import ICALENDAR_START_RX, line_end, message_stamp

# A line break and the white space after it. Its literal first character lets the regex
# engine jump from one line break to the next; a pattern that starts with the spaces
# before the break is tried at every character, ten times slower.
LINE_BREAK = re.compile(r"\n\s*+")
TERMINAL = frozenset('.!?:;"”’)]…>')  # "]": a footnote mark; ">": an autolink, "<https://...>"
SHORT_LINE = 60  # a line shorter than this, ended by a line break, is a heading or a dateline
CUT_PARAGRAPH = 150  # a longer paragraph with no final punctuation was cut mid-sentence
# The longest sentence, in characters (five times the longest of the seed and held-out texts).
# Longer runs with no sentence end (a table or a list flattened into one line by a scraper)
# are cut: every fact of a sentence quotes it and hashes it into its id, so a run of 100,000
# characters made both grow with the square of its length.
MAX_SENTENCE = 2000
# Characters after which a cut is preferred: clause punctuation, dashes, table bars.
CUT_AFTER = frozenset(",;:|–—")


TABLE_BARS = 2  # bars on a line of a table ("1 | Joint call | Completed | Q3 2024")
FIELDS = " · "  # what parts the fields of a heading's or a schedule's line
# A line of a table set in columns by spaces, as text from a PDF or a scan keeps it: three cells
# or more ("Ocean data and modelling   Feb. 2021       48         7      2.1").
COLUMNS = re.compile(r"\S(?:[^\S\n]{3,}|\t)\S[^\n]*?\S(?:[^\S\n]{3,}|\t)\S")  # (or tabs: a spreadsheet's rows)
# A horizontal rule alone on its line: "---", "***", "______", "=====".
RULE_LINE = re.compile(r"[^\S\n]*+(?:-{3,}|\*{3,}|_{3,}|={3,}|—{2,})[^\S\n]*+(?:\n|\Z)")


# A subtitle file (SubRip's numbered cues, WebVTT's): "1\n00:00:05,120 --> 00:00:08,300\nNARRATOR: At high
# tide,\nthe river here tastes of the sea.\n\n2\n...". A cue's lines are one passage, cut to fit the
# screen; its number and timing line are no sentence of it.
SUBTITLES = re.compile(r"\A\s*+(?:WEBVTT\b|\d{1,6}[^\S\n]*+\n[^\S\n]*+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[^\S\n]*+-->)")
CUE_TIMING = re.compile(r"[^\S\n]*+(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[^\S\n]*+-->[^\n]*+")


# A blank line: a line break, maybe blanks, and another line break.
BLANK_LINE = re.compile(r"\n[^\S\n]*+\n")


def breaks(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Return the character offsets where a sentence must start, and the paragraphs' extents.

    Each run of white space holding a line break counts once, except at either end of the text.
    A short line starts no sentence after it where it plainly runs on (``runs_into``) or its
    block is one of wrapped lines (``wrapped``), unless the next line is a list item; a footnote
    mark glued to a sentence's stop ends the sentence (``FOOTNOTE_END``).
    """
    starts, paragraphs = [], []
    para_start = block_start = line_start = 0  # block: the text since the last blank line
    block_wrapped = wrapped(text, 0)
    subtitles = SUBTITLES.match(text) is not None
    calendar = ICALENDAR_START_RX.match(text) is not None
    for m in LINE_BREAK.finditer(text):
        start, end = run_start(text, m.start()), m.end()
        if start == 0 or end == len(text):
            continue
        last = text[start - 1]
        blank = m.group().count("\n") >= 2
        if calendar and not blank:
            if m.group() == "\n" or m.group() == "\r\n":  # a property's line; a folded one is indented
                if text.startswith("BEGIN:VEVENT", end):
                    paragraphs.append((para_start, start))  # an event, a paragraph
                    para_start = end
                starts.append(end)
            line_start = end
            continue
        if subtitles and not blank:
            if CUE_TIMING.fullmatch(text, line_start, start) is not None:
                starts.append(end)  # a cue's text, its lines one passage, after its number and timing
            line_start = end
            continue
        if not blank and message_stamp(text, end) is not None:
            paragraphs.append((para_start, start))  # a chat's message: a sentence and a paragraph
            para_start = line_start = end
            starts.append(end)
            continue
        ended = last in TERMINAL or (last >= "\u2600" and _emoji(text, start)) \
            or RULE_LINE.match(text, line_start) is not None or RULE_LINE.match(text, end) is not None
        # ("... 🙌"; a rule, "---", ends what is above it and what it opens: it is no hyphen's line)
        cut = last == "-" or start - block_start > CUT_PARAGRAPH
        if blank and (ended or not cut):
            paragraphs.append((para_start, start))
            para_start = end
            starts.append(end)
        elif not blank and (ended or start - line_start < SHORT_LINE or FIELDS in text[line_start:start]):
            # (a line of fields parted by middle dots is a heading or a schedule's line, however long:
            # "11:00–12:30  S4A · Water diplomacy and data sharing · Room C-310")
            runs_on = not ended and not LIST_ITEM.match(text, end) and (
                block_wrapped or runs_into(text[line_start:start], text[end]))
            if not runs_on:
                starts.append(end)
        elif not blank and (BULLET_ITEM.match(text, end) or LINE_YEAR_RX.match(text, end)
                            or text.count("|", line_start, start) >= TABLE_BARS
                            and text.count("|", end, line_end(text, end)) >= TABLE_BARS
                            or COLUMNS.search(text, line_start, start)
                            and COLUMNS.search(text, end, line_end(text, end))):
            starts.append(end)  # a bulleted item or a CV's entry after a long line; a table's row before another
        line_start = end
        if blank:
            block_start = end
            block_wrapped = wrapped(text, end)
    paragraphs.append((para_start, len(text)))
    if "[" in text or not text.isascii():
        starts.extend(m.end() for m in FOOTNOTE_END.finditer(text))
        starts.sort()
    if "/." in text:
        starts.extend(m.end() for m in AGENCY_END.finditer(text))
        starts.sort()
    return starts, paragraphs


# A sentence's end with a footnote mark glued to it, before the next sentence: "in 2014.[1] Since",
# "engineers.³ Then" (the mark and the stop are one token, which the punctuation rule cannot see).
_FOOTNOTE = r"\[\d{1,3}\]|[¹²³⁴-⁹⁰]{1,3}"
FOOTNOTE_END = re.compile(r"[.!?][\"”’)]?(?:" + _FOOTNOTE + r")[^\S\n]+(?=[A-Z“\"‘])")
# A news agency between slashes after a dateline's full stop, before the story: "MOSCOW, March 14.
# /TASS/. Russia will" (the agency and its stop are one token).
AGENCY_END = re.compile(r"(?<![\w/])" + SLASHED_AGENCY + r"\.[^\S\n]+(?=[A-Z“\"‘])")
# What stays in the sentence before it after the stop: a footnote mark as the pipeline's
# tokenizer cuts it from the word before it, a news agency between slashes ("14. /TASS/.").
FOOTNOTE_MARK = re.compile(_FOOTNOTE + "|" + SLASHED_AGENCY + r"\.?")


def _emoji(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with an emoji (a pictograph or a flag, maybe with its variation
    selector): not a symbol such as "℃" or "™", which a sentence cut at a page break may end with."""
    c = text[end - 1]
    if c == "\ufe0f" and end > 1:
        c = text[end - 2]
    return c >= "\U0001f000" or "\u2600" <= c <= "\u27bf"


def wrapped(text: str, start: int) -> bool:
    """Return True when the block of lines from ``start`` to the next blank line is one passage
    hard-wrapped into short lines (a narrow column copied from a PDF page): three lines or more,
    none a list item, the last ending a sentence, the others of about one length (at least 0.6
    of the longest: a heading is shorter), fewer than half of them ending a sentence, and more
    than half of the breaks plainly inside a sentence (the next line opens in lower case, or the
    line ends in a comma, a hyphen or a word that no sentence ends with, ``ends_open``). A list
    of short statements, each a line, is none."""
    m = BLANK_LINE.search(text, start)
    end = m.start() if m else len(text)
    if text.count("\n", start, end) < 2:  # most blocks: a paragraph on one line
        return False
    lines = text[start:end].strip().split("\n")
    if len(lines) < 3:
        return False
    lines = [line.strip() for line in lines]
    body, last = lines[:-1], lines[-1]
    if not last or last[-1] not in TERMINAL or any(LIST_ITEM.match(line) for line in lines):
        return False
    longest = max(map(len, body))
    if longest >= SHORT_LINE * 2 or min(map(len, body)) < 0.6 * longest:
        return False
    if sum(1 for line in body if line[-1:] in TERMINAL) * 2 >= len(body):
        return False
    inside = sum(1 for line, nxt in zip(body, lines[1:]) if nxt[:1].islower() or ends_open(line))
    return inside * 2 > len(body)


# A list item's mark at a line's start: a bullet or dash, "1.", "2)", "a)", "(iv)".
LIST_ITEM = re.compile(r"[^\S\n]*+(?:[-*•·‣▪◦–—]|\d{1,3}[.)]|[A-Za-z][.)]|\([0-9A-Za-z]{1,4}\))[^\S\n]")
# A bullet at a line's start: an item of its own even after a long line that ends with no stop
# (a numbered or lettered line may be a wrapped sentence's next line: "... signed in\n12 cities").
BULLET_ITEM = re.compile(r"[^\S\n]*+[*•‣▪◦][^\S\n]")
# Words no sentence ends with: a line that ends with one runs on into the next.
OPEN_WORDS = frozenset(
    "the a an of in on for to and or nor but with by from at as that which who whose whom will would shall "
    "should can could may might must has have had is are was were be been its their our his her this these "
    "those than into onto over under between among about after before during through per via also".split())


# A line that is a figure alone, as slides and fact sheets set a big number over its label ("37" /
# "joint research projects funded", "More than 4,000" / "farmers trained", "A$48.6m" / "committed").
FIGURE_LINE = re.compile(
    r"[^\S\n]*+(?i:(?:more[^\S\n]++than|over|about|around|nearly|almost|some|up[^\S\n]++to|at[^\S\n]++least"
    r"|roughly|close[^\S\n]++to)[^\S\n]++|~)?(?:[A-Z]{0,3}[$€£¥₹]|[A-Z]{3}[^\S\n]++)?\d{1,3}(?:[,.  ]\d{3})*+"
    r"(?:[.,]\d++)?(?:[^\S\n]?(?:[A-Za-z]{1,8}|%|×))?[^\S\n]*+")


def runs_into(line: str, first: str) -> bool:
    """True when a short ``line`` plainly runs on into the next line, which opens with ``first``:
    it ends with a hyphen or a word no sentence ends with ("... Memorandum of" / "Understanding
    ..."), or with a comma before a line in lower case, or it is a figure alone over its label in
    lower case ("37" / "joint research projects"). A line of a list or table that ends in a
    figure ("fellowships awarded 45" / "partner universities 12") does not."""
    line = line.rstrip()
    if line[-1:] == ",":
        return first.islower()
    return ends_open(line) or first.islower() and FIGURE_LINE.fullmatch(line) is not None


def ends_open(line: str) -> bool:
    """True when ``line`` stops inside a sentence: at a comma, a hyphen or a word of ``OPEN_WORDS``."""
    line = line.rstrip()
    if line[-1:] in ",-":
        return True
    return line.rsplit(None, 1)[-1].lower() in OPEN_WORDS if line else False


def run_start(text: str, i: int) -> int:
    """Return where the run of white space that reaches ``i`` starts (``i`` if none precedes it)."""
    while i and text[i - 1].isspace():  # the characters of the regex class ``\s``
        i -= 1
    return i


def paragraph_spans(doc: Doc, text: str, paragraphs: list[tuple[int, int]], idx: numpy.ndarray) -> list[Span]:
    """Return the paragraphs that hold more than white space as Spans of the tokens they overlap.

    ``idx`` holds the tokens' character offsets. The Spans are those of ``doc.char_span(a, b,
    alignment_mode="expand")``: a paragraph starts at the text's start or on a character that is
    no white space, so never in a token's trailing space.
    """
    kept = numpy.array([(a, b) for a, b in paragraphs if text[a:b].strip()], dtype=numpy.uint64)
    if not len(kept):
        return []
    first = numpy.searchsorted(idx, kept[:, 0], side="right") - 1
    end = numpy.searchsorted(idx, kept[:, 1] - 1, side="right")
    return [Span(doc, a, b) for a, b in zip(first.tolist(), end.tolist())]


NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 ("not a sentence start") as to_array gives it


def cut_long_sentences(sent: numpy.ndarray, text: str, idx: numpy.ndarray, limit: int = MAX_SENTENCE) -> numpy.ndarray:
    """Start sentences in ``sent`` (SENT_START values, changed in place) so that none spans more
    than ``limit`` characters, unless one token does; return the tokens ``sent`` marks as starts.

    A cut falls after the last token of ``CUT_AFTER`` or the last line break in the second half
    of the allowed stretch, else before the last token that starts within it. ``idx`` holds the
    tokens' character offsets in ``text``.
    """
    marked = (sent == 1).nonzero()[0]  # (numpy.flatnonzero and numpy.diff add microseconds of Python)
    if len(text) <= limit:
        return marked
    # token 0 starts a sentence, marked or not
    firsts = marked if len(marked) and not marked[0] else numpy.insert(marked, 0, 0)
    starts = idx[firsts].astype(numpy.int64)
    ends = numpy.empty_like(starts)
    ends[:-1], ends[-1] = starts[1:], len(text)
    long = (ends - starts > limit).nonzero()[0]
    if not len(long):
        return marked
    for a, end in zip(firsts[long].tolist(), ends[long].tolist()):
        while end - int(idx[a]) > limit and a + 1 < len(idx):
            low = int(numpy.searchsorted(idx, idx[a] + limit // 2, side="left"))
            high = int(numpy.searchsorted(idx, idx[a] + limit, side="right")) - 1
            cut = max(high, a + 1)
            for k in range(high, max(low, a + 1) - 1, -1):
                before = text[idx[k - 1] : idx[k]]
                if before.rstrip()[-1:] in CUT_AFTER or "\n" in before:
                    cut = k
                    break
            sent[cut] = 1
            a = cut
    return (sent == 1).nonzero()[0]


class ParagraphSplitter(Batched):
    def __init__(self, nlp: Language, name: str, punctuation: bool = True) -> None:
        extensions.register()
        self.name = name
        self.punctuation = punctuation
        # The sentence-final characters' code points, sorted for searchsorted (each is one character).
        self.finals = numpy.array(sorted({ord(c) for c in Sentencizer.default_punct_chars}),
                                  dtype=numpy.uint32)

    def punctuation_starts(self, doc: Doc, text: str, idx: numpy.ndarray,
                           length: numpy.ndarray) -> numpy.ndarray:
        """Return SENT_START values by the sentencizer's rule: 1 at token 0 and at the first token
        after a sentence-final character that is neither punctuation nor such a character.

        ``idx`` and ``length`` are the tokens' offsets and lengths in ``text``, the Doc's text.
        The sentence-final tokens are the one-character tokens whose character is one (read
        from the text's code points); only the tokens right after them are asked whether they
        are punctuation. Reading every token's ORTH and IS_PUNCT for this took a quarter of the
        component's time.
        """
        n = len(idx)
        sent = numpy.full(n, NOT_START, dtype=numpy.uint64)
        sent[0] = 1
        single = numpy.flatnonzero(length == 1)
        if not len(single):
            return sent
        points = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)[idx[single]]
        found = numpy.searchsorted(self.finals, points)
        final = single[self.finals[numpy.minimum(found, len(self.finals) - 1)] == points].tolist()
        after = -1  # the first token after the last run of punctuation walked
        for i in final:
            if i < after:  # inside a run already walked ("?!", "...")
                continue
            after = i + 1  # every sentence-final character is punctuation (tested)
            while after < n and (doc[after].is_punct or FOOTNOTE_MARK.fullmatch(doc[after].text)):
                after += 1  # (a footnote mark after the stop stays in its sentence: "2014.[1]", "14. /TASS/.")
            if after < n:
                sent[after] = 1
        return sent

    def sentence_starts(self, doc: Doc, text: str, idx: numpy.ndarray, length: numpy.ndarray,
                        given: numpy.ndarray, starts: list[int]) -> numpy.ndarray:
        """Return the SENT_START values: those ``given`` (the Doc's column), else the punctuation's,
        plus ``starts`` (character offsets)."""
        # Set by an earlier component (a senter or a sentencizer) when any token after the first
        # has a value, as ``doc.has_annotation("SENT_START")`` tells (which reads the column
        # token by token through a generator).
        has = "sents" in doc.user_hooks or len(given) == 1 or given[1:].any()
        sent = numpy.ascontiguousarray(given) if has else None
        if sent is None or not sent[1:].any():
            if self.punctuation:
                sent = self.punctuation_starts(doc, text, idx, length)
            elif sent is None:
                sent = numpy.zeros(len(idx), dtype=numpy.uint64)
        hits = numpy.searchsorted(idx, starts)
        sent[hits[hits < len(sent)]] = 1
        return sent

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.spans[PARAGRAPHS] = []
            return doc
        text, cache = doc_text(doc), doc_cache(doc)
        starts, paragraphs = breaks(text)
        # (``doc.has_annotation("DEP")`` would read the DEP column token by token)
        table = doc.to_array([IDX, LENGTH, SENT_START, DEP])
        for key in ("sents", "sent_starts", "sent_chars", "joined"):  # made from the boundaries set here
            cache.pop(key, None)
        if not table[:, 3].any():
            sent = self.sentence_starts(doc, text, table[:, 0], table[:, 1], table[:, 2], starts)
            firsts = cut_long_sentences(sent, text, table[:, 0])
            doc.from_array([SENT_START], sent)
        else:  # a parser's sentences stay on the Doc as it set them; the facts quote them cut
            firsts = cut_long_sentences(table[:, 2], text, table[:, 0])
        # the first tokens of the sentences the facts quote (token 0 always starts one): those of
        # ``doc.sents``, and with a parser's, the cuts of those longer than MAX_SENTENCE
        cache["sent_starts"] = [0, *firsts[firsts > 0].tolist()]
        set_token_bounds(doc, table[:, 0], table[:, 1])
        spans = doc.spans[PARAGRAPHS] = paragraph_spans(doc, text, paragraphs, table[:, 0])
        cache["paragraphs"] = (spans, [p.start for p in spans])  # for ``paragraph_of``
        return doc


@Language.factory("sci_diplo_paragraphs", default_config={"punctuation": True})
def make_paragraphs(nlp: Language, name: str, punctuation: bool) -> ParagraphSplitter:
    return ParagraphSplitter(nlp, name, punctuation)


def paragraph_of(doc: Doc, span: Span) -> Span | None:
    """Return the paragraph that holds ``span``, or None."""
    cache = doc_cache(doc)
    if "paragraphs" not in cache:
        paragraphs = list(doc.spans.get(PARAGRAPHS, []))
        cache["paragraphs"] = (paragraphs, [p.start for p in paragraphs])
    paragraphs, starts = cache["paragraphs"]
    i = bisect_right(starts, span.start) - 1
    if 0 <= i < len(paragraphs) and span.start < paragraphs[i].end:
        return paragraphs[i]
    return None
