"""Build the spaCy ``Language``: tokenizer, sentence boundaries, our components.

The default pipeline is built from ``CONFIG`` and needs no download: spaCy's
English tokenizer (with hyphens and dashes split everywhere, so that
"U.S.-China" and "770–476" come apart, and its cache of chunks kept working
after a special case: ``CachingTokenizer``) and the project's components, the
first of which sets sentence boundaries (spaCy's sentencizer rule, plus
paragraph and line breaks). ``build_pipeline(model=NAME)`` loads a trained pipeline the user
has installed instead and adds our components on top of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# Importing the component modules registers their factories.
from sci_diplo.components import claims, countries, dates, figures, paragraphs, programmes  # noqa: F401

# A hyphen or dash between two word characters (or after an abbreviation's dot):
# "U.S.-China", "770–476", "thirty-three".
HYPHEN_INFIX = r"(?<=[\w.])[\-\u2010-\u2015](?=\w)"
# A comma between two quoted fields of a CSV export: '"2019-09-02","185000000","ARS"' is cells, not a word.
FIELD_INFIX = r'(?<="),(?=")'

# Footnote marks glued to a word, kept apart from it: "in 2014.[1]", "March 2019[3]" (the date
# ended inside the token "2019[3", and its span lost the year), "engineers.³" after punctuation
# (a superscript after a letter may be a unit's power: "km²").
FOOTNOTE_SUFFIXES = (r"\[\d{1,3}\]", r"(?<=[.,;:!?)\]”\"'’])[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}")

# A run of this many characters with no white space is kept as one token. spaCy strips a run's
# prefixes and suffixes one at a time, copying the rest each time, so a long run of quotes,
# brackets or emoji took time in the square of its length (20,000 quotes: 30 s; 4,000 "(" then
# 4,000 ")": 5 s). Its ``token_match`` hook ends the stripping when this pattern matches; a
# compiled pattern's ``match`` is called without a Python frame and saved with the pipeline.
LONG_RUN = 1000
LONG_RUN_MATCH = re.compile(r"(?s).{%d}" % LONG_RUN).match

COMPONENTS = (
    "sci_diplo_paragraphs",
    "sci_diplo_countries",
    "sci_diplo_dates",
    "sci_diplo_figures",
    "sci_diplo_programmes",
    "sci_diplo_claims",
)

CONFIG = """
[nlp]
lang = "en"
pipeline = [%s]

[nlp.tokenizer]
@tokenizers = "sci_diplo.tokenizer.v1"

[components]
%s
""" % (
    ", ".join(f'"{c}"' for c in COMPONENTS),
    "\n".join(f"[components.{c}]\nfactory = \"{c}\"\n" for c in COMPONENTS),
)

# Documents longer than this are cut at paragraph breaks and read in pieces.
MAX_CHARS = 100_000


class CachingTokenizer(Tokenizer):
    """spaCy's tokenizer, whose cache of chunks goes on filling after a document's first special case.

    spaCy caches how it split each chunk of text between spaces ("laboratories,"), so that a
    chunk seen before costs a look-up. But once a document has used a special case ("Dr.",
    "don't", "Oct."), spaCy caches no chunk of the rest of that document (the flag that keeps a
    special case's own chunk out of the cache is kept for the whole document), and most
    documents have one early: the chunks after it are split anew, affix by affix, in every
    document. Here each chunk not seen before is first tokenized on its own, where only a
    chunk that holds a special case itself stays out of the cache; then the document is
    tokenized as spaCy does it, into the same tokens (a test compares them).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.seen: set[str] = set()  # the chunks tokenized on their own (spaCy's __init__ flushes the cache)
        super().__init__(*args, **kwargs)

    def __call__(self, text: str) -> Doc:
        seen = self.seen
        # Past ``max_cache_size`` chunks spaCy's cache takes no more; in a memory zone it takes none.
        if len(seen) < self.max_cache_size and not self.vocab.in_memory_zone:
            chunks = text.split()
            if not seen.issuperset(chunks):  # (a loop in C that stops at the first new chunk)
                new = sorted(set(chunks).difference(seen))  # (sorted: the same order in every run)
                del new[self.max_cache_size - len(seen):]  # (what spaCy's cache has room for)
                seen.update(new)
                tokenize = super().__call__
                for chunk in new:
                    tokenize(chunk)
        return super().__call__(text)

    def _flush_cache(self) -> None:
        """Empty spaCy's cache (new rules or affixes), and so what it has seen."""
        self.seen.clear()
        super()._flush_cache()


@registry.tokenizers("sci_diplo.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Return a factory of spaCy's tokenizer for the language (as ``spacy.Tokenizer.v1`` makes it),
    with ``HYPHEN_INFIX`` and ``FIELD_INFIX`` added to the infixes, ``FOOTNOTE_SUFFIXES`` to the suffixes and runs
    of ``LONG_RUN`` characters kept whole. It is built once, with its own infixes: building the
    default one and replacing its infixes compiled them twice and loaded the special cases
    twice (0.15 s of every start)."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return CachingTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex([*FOOTNOTE_SUFFIXES, *(defaults.suffixes or [])]).search,
            infix_finditer=compile_infix_regex([*(defaults.infixes or []), HYPHEN_INFIX, FIELD_INFIX]).finditer,
            token_match=defaults.token_match or LONG_RUN_MATCH,  # (English has none of its own)
            url_match=defaults.url_match,
        )

    return make


def build_pipeline(model: str | None = None) -> Language:
    """Return the pipeline: the default one, or ``model`` (an installed spaCy pipeline) plus ours.

    Raises OSError (from spaCy) when ``model`` is not installed.
    """
    if model is None:
        nlp = spacy.util.load_model_from_config(spacy.util.load_config_from_str(CONFIG), auto_fill=True)
    else:
        nlp = spacy.load(model)  # sentences: the model's parser or senter, else ours
        for name in COMPONENTS:
            nlp.add_pipe(name)
    nlp.max_length = MAX_CHARS * 2
    return nlp
