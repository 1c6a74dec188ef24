"""What the rule components share: run a pure finder on the text, write spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from sci_diplo.components import extensions


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


def set_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (the caller knows it already)."""
    doc_cache(doc)["text"] = text


class Sentences:
    """A Doc's sentences, found once: ``span.sent`` re-checks the whole Doc on every call."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]

    def of(self, span: Span) -> Span:
        """Return the sentence that holds the start of ``span``."""
        return self.spans[bisect_right(self.starts, span.start) - 1]


def sentences(doc: Doc) -> Sentences:
    """Return the Doc's sentence index, built on first use (after the sentence boundaries are set)."""
    cache = doc_cache(doc)
    if "sents" not in cache:
        cache["sents"] = Sentences(doc)
    return cache["sents"]


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


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Return the start and end character offsets of every token (cached per Doc)."""
    cache = doc_cache(doc)
    if "bounds" not in cache:
        table = doc.to_array([IDX, LENGTH])
        starts = table[:, 0].tolist()
        cache["bounds"] = (starts, [a + n for a, n in zip(starts, table[:, 1].tolist())])
    return cache["bounds"]


def align(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Return the token range for a character range: shrunk to whole tokens, else grown to them."""
    starts, ends = token_bounds(doc)
    i, j = bisect_left(starts, start), bisect_right(ends, end)
    if j <= i:
        i, j = max(0, bisect_right(starts, start) - 1), min(len(ends), bisect_left(ends, end) + 1)
    return (i, j) if i < j else None


def set_attrs(doc: Doc, span: Span, values: dict[str, Any]) -> None:
    """Set ``span._.<name>`` for each value, writing where spaCy's Underscore keeps them.

    Spans' extension values live in ``doc.user_data`` under ``("._.", name,
    start_char, end_char)``; writing there directly spares building an
    Underscore object per attribute (tests read the values back through ``span._``).
    """
    start, end = span.start_char, span.end_char
    for name, value in values.items():
        doc.user_data[("._.", name, start, end)] = value


class FinderComponent:
    """A component that finds matches with a pure function and stores them as spans.

    Subclasses set ``key`` and ``label`` and implement ``find`` (matches for a
    doc) and ``attrs`` (a match's values by extension attribute name).
    """

    key: str = ""
    label: str = ""

    def __init__(self, nlp: Language, name: str) -> None:
        extensions.register()
        self.name = name

    def find(self, doc: Doc) -> Sequence[Any]:
        raise NotImplementedError

    def attrs(self, match: Any) -> dict[str, Any]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.write(doc, self.find(doc))
        return doc

    def write(self, doc: Doc, matches: Iterable[Any]) -> None:
        pairs = []
        for match in matches:
            tokens = align(doc, match.start, match.end)
            if tokens is not None:
                span = Span(doc, tokens[0], tokens[1], label=self.label)
                set_attrs(doc, span, self.attrs(match))
                pairs.append((span, match))
        doc.spans[self.key] = [span for span, _ in pairs]
        doc_cache(doc)[self.key] = pairs


def make_factory(cls: type) -> Callable[[Language, str], Any]:
    """Return a factory function that builds ``cls`` (the factories take no options)."""

    def factory(nlp: Language, name: str) -> Any:
        return cls(nlp, name)

    return factory
