"""What the rule components share: run a pure finder on the text, write spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from sci_diplo.components import extensions
from sci_diplo.normalize.readable import Run, readable_runs, snap


# Per-Doc working data lives in ``doc.user_hooks`` under this key: not in
# ``doc.user_data``, which spaCy serializes, and not in a dict beside the Doc,
# whose values (spans) would keep every Doc alive. On the Doc, the cycle Doc ->
# cache -> span -> Doc is garbage like any other once the Doc is dropped; the
# last component releases it anyway unless the caller asked to keep it.
CACHE_HOOK = "sci_diplo.cache"


def doc_cache(doc: Doc) -> dict[str, Any]:
    """Return the working data of ``doc`` (a dict that lives as long as the Doc, or until released)."""
    cache = doc.user_hooks.get(CACHE_HOOK)
    if cache is None:
        cache = doc.user_hooks[CACHE_HOOK] = {}
    return cache


def keep_cache(doc: Doc) -> None:
    """Ask the pipeline to leave the working data on ``doc`` for the caller (who releases it)."""
    doc_cache(doc)["keep"] = True


def release(doc: Doc, unless_kept: bool = False) -> None:
    """Drop the working data of ``doc`` (with ``unless_kept``, only if no caller asked to keep it)."""
    cache = doc.user_hooks.get(CACHE_HOOK)
    if cache is not None and not (unless_kept and cache.get("keep")):
        del doc.user_hooks[CACHE_HOOK]


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    cache = doc_cache(doc)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.text
    return text


def finder_text(doc: Doc) -> str:
    """Return ``doc.text`` as the finders read it (``readable_runs``: the same length), cached
    with the runs it rewrote (``FinderComponent.write`` widens matches to their edges)."""
    cache = doc_cache(doc)
    text = cache.get("finder_text")
    if text is None:
        text, cache["rewritten"] = readable_runs(doc_text(doc))
        cache["finder_text"] = text
    return text


def sentence_chars(doc: Doc) -> numpy.ndarray:
    """Return the character offsets where the Doc's sentences start, in order (cached)."""
    cache = doc_cache(doc)
    chars = cache.get("sent_chars")
    if chars is None:
        starts, _ = token_bounds(doc)
        chars = cache["sent_chars"] = starts[sentences(doc).starts]
    return chars


# A line that ends in a label's figure ("Universities taking part in 2024: 45"): the next line
# is another label, not the figure's unit.
LABEL_END = re.compile(r":[^\S\n]*+[-+]?[\d.,]+[^\S\n]*+%?[^\S\n]*+\Z")


def joined_text(doc: Doc) -> str:
    """Return ``doc.text`` with each line break inside a sentence made a space: the offsets are
    the same, and a hard-wrapped line ("about $30\nmillion", "South\nAfrica") reads as one line
    to the finders, which take a line break for the end of a heading, a list item or a table row.
    A line break that ends a sentence (the sentence boundaries are set by now), or that is one
    of several in a row, or that ends a label's line ("...: 45"), stays."""
    cache = doc_cache(doc)
    joined = cache.get("joined")
    if joined is None:
        text = joined = finder_text(doc)
        p = text.find("\n")
        if p >= 0:
            firsts: set[int] | None = None  # the sentence starts, made when a lone line break is met
            pieces, last, end = [], 0, len(text)
            while p >= 0:
                q = p + 1
                while q < end and text[q].isspace() and text[q] != "\n":
                    q += 1
                if q < end and text[q] != "\n" and (p == 0 or text[p - 1] != "\n"):
                    if firsts is None:
                        firsts = set(sentence_chars(doc).tolist())
                    if q not in firsts and not LABEL_END.search(text, max(0, p - 40), p):
                        pieces.append(text[last:p])
                        last = p + 1
                p = text.find("\n", q)
            if pieces:
                pieces.append(text[last:])
                joined = " ".join(pieces)
        cache["joined"] = joined
    return joined


def set_text(doc: Doc, text: str, finder: str | None = None, runs: list[Run] | None = None) -> None:
    """Record the text a Doc was made from (the caller knows it already) and, when the caller
    has read it already, the text as the finders read it with its rewritten runs (``finder_text``)."""
    cache = doc_cache(doc)
    cache["text"] = text
    if finder is not None:
        cache["finder_text"], cache["rewritten"] = finder, runs or []


class Sentences:
    """A Doc's sentences, found once: ``span.sent`` re-checks the whole Doc on every call.

    ``starts`` are the sentences' first tokens (the component that set the boundaries may
    give them; else they are read from ``doc.sents``). A sentence's Span is made when first
    asked for: most sentences hold no fact.
    """

    def __init__(self, doc: Doc, starts: list[int] | None = None) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sents] if starts is None else starts
        self.spans: dict[int, Span] = {}

    def of(self, span: Span) -> Span:
        """Return the sentence that holds the start of ``span``."""
        k = bisect_right(self.starts, span.start) - 1
        sent = self.spans.get(k)
        if sent is None:
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
            sent = self.spans[k] = Span(self.doc, self.starts[k], end)
        return sent


def sentences(doc: Doc) -> Sentences:
    """Return the Doc's sentence index, built on first use (after the sentence boundaries are set)."""
    cache = doc_cache(doc)
    sents = cache.get("sents")
    if sents is None:
        sents = cache["sents"] = Sentences(doc, cache.get("sent_starts"))
    return sents


def span_text(span: Span) -> str:
    """Return ``span.text`` from the cached Doc text (``span.text`` joins its tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def found(doc: Doc, key: str) -> list[tuple[Span, Any]]:
    """Return ``(span, match)`` pairs a finder component wrote under ``key``.

    The match objects carry the same values as the spans' extension attributes,
    without a lookup per attribute. A Doc annotated elsewhere (loaded from disk)
    has none cached: its spans are paired with their extension attributes read back.
    """
    pairs = doc_cache(doc).get(key)
    if pairs is None:
        restore = RESTORE[key]
        pairs = doc_cache(doc)[key] = [(span, restore(span)) for span in doc.spans.get(key, [])]
    return pairs


# How each finder component rebuilds a match from a span's extension attributes (see ``found``).
RESTORE: dict[str, Callable[[Span], Any]] = {}


def token_bounds(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Return the start and end character offsets of every token, as arrays (cached per Doc)."""
    bounds = doc_cache(doc).get("bounds")
    if bounds is None:
        table = doc.to_array([IDX, LENGTH])
        bounds = set_token_bounds(doc, table[:, 0], table[:, 1])
    return bounds


def set_token_bounds(doc: Doc, idx: numpy.ndarray, length: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Cache and return the tokens' offsets from arrays of their ``IDX`` and ``LENGTH``
    (a component that reads those attributes anyway spares ``token_bounds`` reading them again)."""
    idx = idx.astype(numpy.int64)
    bounds = doc_cache(doc)["bounds"] = (idx, idx + length.astype(numpy.int64))
    return bounds


def align(doc: Doc, matches: Sequence[Any]) -> list[tuple[int, int] | None]:
    """Return the token range of each match's characters: shrunk to whole tokens, else grown to them.

    A match has character offsets ``start`` and ``end``; its range is None when it
    neither holds nor touches a token. A last token that the match ends inside of is kept
    when only punctuation of it lies outside: "€8m." is one token "m." after "8", and "€8m"
    would otherwise lose its "m". All of a component's matches are aligned in one
    ``searchsorted`` over the token offsets.
    """
    if not matches:
        return []
    starts, ends = token_bounds(doc)
    match_ends = numpy.array([m.end for m in matches], dtype=numpy.int64)
    first = numpy.searchsorted(starts, [m.start for m in matches], side="left").tolist()
    last = numpy.searchsorted(ends, match_ends, side="right")
    inside = (last < len(starts)).nonzero()[0]  # a token follows the whole ones
    cut = inside[starts[last[inside]] < match_ends[inside]].tolist()
    last = last.tolist()
    if cut:
        text = doc_text(doc)
        for k in cut:  # the match ends inside token last[k]: keep it if only punctuation is left out
            j = last[k]
            rest = text[matches[k].end:ends[j]]
            if first[k] < j and not any(c.isalnum() for c in rest):
                last[k] = j + 1
    out: list[tuple[int, int] | None] = list(zip(first, last))
    for k, (i, j) in enumerate(out):
        if j <= i:  # no whole token inside: take the tokens it touches
            m = matches[k]
            i = max(0, int(numpy.searchsorted(starts, m.start, side="right")) - 1)
            j = min(len(ends), int(numpy.searchsorted(ends, m.end, side="left")) + 1)
            out[k] = (i, j) if i < j else None
    return out


def set_attrs(doc: Doc, names: Sequence[str], spans: Sequence[tuple[int, int]],
              values: Iterable[Sequence[Any]]) -> None:
    """Set ``span._.<name>`` of each span to its values (one per name), writing where spaCy's Underscore keeps them.

    Spans' extension values live in ``doc.user_data`` under ``("._.", name,
    start_char, end_char)``; writing there directly spares building an
    Underscore object per attribute (tests read the values back through ``span._``).
    ``spans`` gives each span's ``(start_char, end_char)``; a later span over the
    same characters overwrites an earlier one's values, as ``span._`` would.
    """
    keys = [("._.", name, start, end) for start, end in spans for name in names]
    doc.user_data.update(zip(keys, chain.from_iterable(values)))


class Batched:
    """Gives a component spaCy's ``pipe``: a batch of Docs goes through this component before the
    next component sees it. Called a Doc at a time, six rule components take turns at every Doc
    and each finds its code and tables gone cold from the processor's caches (a date finder ran
    a third slower inside the pipeline than alone over the same texts)."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            for doc in batch:
                self(doc)
            yield from batch


class FinderComponent(Batched):
    """A component that finds matches with a pure function and stores them as spans.

    Subclasses set ``key``, ``label`` and ``names`` (extension attribute names) and
    implement ``find`` (matches for a doc) and ``values`` (a match's values, in the order of ``names``).
    """

    key: str = ""
    label: str = ""
    names: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def find(self, doc: Doc) -> Sequence[Any]:
        raise NotImplementedError

    def values(self, match: Any) -> tuple[Any, ...]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.write(doc, self.find(doc))
        return doc

    def write(self, doc: Doc, matches: Sequence[Any]) -> None:
        runs = doc_cache(doc).get("rewritten")
        if runs:  # a match that ends inside an HTML entity's run quotes the whole run
            starts = [a for a, _ in runs]
            matches = [replace(m, start=s, end=e) if (s, e) != (m.start, m.end) else m
                       for m in matches for s, e in [snap(m.start, m.end, runs, starts)]]
        label = doc.vocab.strings.add(self.label)  # once, not in every Span()
        kept = [(match, tokens) for match, tokens in zip(matches, align(doc, matches)) if tokens is not None]
        pairs = [(Span(doc, i, j, label), match) for match, (i, j) in kept]
        chars: list[tuple[int, int]] = []
        if kept:  # the spans' character offsets from the token offsets (``span.start_char`` asks the Doc twice)
            starts, ends = token_bounds(doc)
            tokens = numpy.array([t for _, t in kept], dtype=numpy.int64)
            chars = list(zip(starts[tokens[:, 0]].tolist(), ends[tokens[:, 1] - 1].tolist()))
        set_attrs(doc, self.names, chars, [self.values(m) for _, m in pairs])
        doc.spans[self.key] = [span for span, _ in pairs]
        doc_cache(doc)[self.key] = pairs


def make_factory(cls: type) -> Callable[[Language, str], Any]:
    """Return a factory function that builds ``cls`` (the factories take no options)."""

    def factory(nlp: Language, name: str) -> Any:
        return cls(nlp, name)

    return factory
