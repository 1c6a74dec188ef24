"""One spelling for words that reprints of a story write two ways, for record ids only.

Outlets reprint a wire story in their own house style: "programme" or "program", "centre"
or "center", "organisation" or "organization", "labour" or "labor", "U.S." or "US", "40 per
cent" or "40%". The ids of facts and programmes are hashed from a folded form of their
sentence or name, so that such reprints state one fact. A fold that goes too far (as
"exercise" to "exercize") is harmless: both spellings of one word fold alike, and no two
different words become one. Records keep the text as it was written.
"""

from __future__ import annotations

import re

from sci_diplo.normalize.numbers_lexicon import trie_regex

# British (and older) spellings, lower case, and the one they are folded to.
WORDS = {
    "programme": "program", "programmes": "programs", "centre": "center", "centres": "centers",
    "metre": "meter", "metres": "meters", "kilometre": "kilometer", "kilometres": "kilometers",
    "litre": "liter", "litres": "liters", "theatre": "theater", "fibre": "fiber", "fibres": "fibers",
    "defence": "defense", "licence": "license", "offence": "offense", "dialogue": "dialog",
    "dialogues": "dialogs", "catalogue": "catalog", "ageing": "aging", "aluminium": "aluminum",
    "grey": "gray", "fulfil": "fulfill", "enrol": "enroll", "enrolment": "enrollment",
    "travelled": "traveled", "travelling": "traveling", "modelling": "modeling",
    "labelled": "labeled", "cancelled": "canceled", "programmed": "programed",
}
_OUR_STEMS = ["colo", "labo", "hono", "favo", "behavio", "neighbo", "harbo", "rumo", "vigo", "endeavo", "humo",
              "flavo", "savo", "armo", "vapo", "tumo", "odo", "splendo", "fervo", "rigo", "clamo", "parlo"]
_WORD_RX = re.compile(r"\b(?:" + trie_regex(list(WORDS)) + r")\b")
_OUR_RX = re.compile(r"\b(" + trie_regex(_OUR_STEMS) + r")ur")  # labour, neighbourhood, honoured
_ISE_RX = re.compile(r"(?<=[a-z]{3})([iy])s(?=e[sdr]?\b|es\b|ing\b|ations?\b)")  # organise(d), analyse
_DOTS_RX = re.compile(r"\b[a-z]\.(?:[a-z]\.)+")  # u.s., u.k., e.u.
# Substrings without which ``_WORD_RX`` cannot match.
_WORD_HINTS = ("mme", "tre", "bre", "ence", "logue", "grey", "lled", "lling", "ageing", "alumin", "fulfil", "enrol")
_FOLDED: dict[str, str] = {}  # each word seen, folded once: a corpus uses few distinct words


def _fold_word(word: str) -> str:
    """Return one word (as ``str.split`` cuts a lower-case text: "(programme)", "u.s.-china")
    in its folded spelling. Each pattern runs only on a word that holds what it needs: this
    runs once for every distinct word of a corpus, most of which have nothing to fold."""
    if any(h in word for h in _WORD_HINTS):
        word = _WORD_RX.sub(lambda m: WORDS[m.group()], word)
    if "ur" in word:
        word = _OUR_RX.sub(r"\1r", word)
    if "s" in word and ("is" in word or "ys" in word):
        word = _ISE_RX.sub(r"\1z", word)
    if word.count(".") >= 2:
        word = _DOTS_RX.sub(lambda m: m.group().replace(".", ""), word)
    return word


def fold_spelling(text: str) -> str:
    """Return lower-case, one-spaced ``text`` with each word of two spellings written one way.

    Each distinct word is folded once and remembered, so a sentence costs a dictionary
    lookup per word; the text is rebuilt only when one of its words changes.
    """
    if "%" in text or "cent" in text:
        text = text.replace("per cent", "%").replace("per-cent", "%").replace("percent", "%").replace(" %", "%")
    words = text.split(" ")
    got = list(map(_FOLDED.get, words))  # C loops: a lookup per word, then one comparison
    if None in got:
        if len(_FOLDED) > 200_000:  # text of unbounded vocabulary (numbers, codes): start again
            _FOLDED.clear()
        for i, word in enumerate(words):
            if got[i] is None:
                got[i] = _FOLDED[word] = _fold_word(word)
    return text if got == words else " ".join(got)
