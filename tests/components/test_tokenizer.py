"""The pipeline's tokenizer: spaCy's tokens, with spaCy's cache of chunks kept working."""

from collections import Counter
from pathlib import Path

import pytest
from spacy.tokenizer import Tokenizer

from sci_diplo.pipeline import CachingTokenizer, build_pipeline

ROOT = Path(__file__).resolve().parents[2]

# Special cases ("Dr.", "don't", "Oct.", ":)", "cannot", "9am") before, inside and after chunks
# that repeat, glued to affixes ("(Dr.", "don't,") and to each other, and runs of white space.
SENTENCES = [
    "Dr. Okafor said the laboratories, observatories and (new) stations don't close.",
    "The U.S.-China pact (signed Oct. 5) covers 33 labs; it cannot lapse before 9am :) Mr. Li said.",
    "“laboratories,” she said, “observatories.”  Stations\n\n(Dr. Okafor) won't go.",
    "laboratories, observatories and stations:\tdon't,can't;won't... e.g. i.e. etc. Jan. Feb.",
    "Prof. Mbeki's team, the team's 4 km² site and Mrs. Rao's $5bn fund (approx. 30%) ... ok?",
]


def same_settings(tok: Tokenizer, cls: type = Tokenizer, **change) -> Tokenizer:
    """Return a ``cls`` with the rules and affixes of ``tok`` (over ``tok``'s vocabulary)."""
    settings = dict(rules=tok.rules, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
                    infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match)
    return cls(tok.vocab, **{**settings, **change})


def tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.lower_, t.is_punct) for t in doc]


def test_the_default_pipeline_tokenizes_with_the_caching_tokenizer(nlp):
    assert type(nlp.tokenizer) is CachingTokenizer


def test_the_caching_tokenizer_gives_spacys_own_tokens_over_the_projects_texts():
    ours = build_pipeline().tokenizer
    plain = same_settings(build_pipeline().tokenizer)
    texts = [p.read_text(encoding="utf-8") for pattern in ("seeds/*.txt", "data/gold/heldout*/docs/*.txt")
             for p in sorted(ROOT.glob(pattern))]
    assert len(texts) >= 19
    texts += [" ".join(SENTENCES[k:] + SENTENCES[:k]) for k in range(len(SENTENCES))]
    for text in texts + texts:  # the second time over, from the cache
        assert tokens(ours(text)) == tokens(plain(text))


@pytest.mark.parametrize("cls, splits", [(Tokenizer, 3), (CachingTokenizer, 1)])
def test_a_chunk_after_a_special_case_is_split_once_not_in_every_document(cls, splits):
    """spaCy caches no chunk of a document after its first special case ("Dr."), so it split
    "laboratories," again in every document; the caching tokenizer splits it once."""
    searched = Counter()
    suffix_search = build_pipeline().tokenizer.suffix_search

    def counted(text):
        searched[text] += 1
        return suffix_search(text)

    tok = same_settings(build_pipeline().tokenizer, cls, suffix_search=counted)
    docs = [tok("Dr. Okafor visited the laboratories, and observatories.") for _ in range(3)]
    assert searched["laboratories,"] == splits
    assert searched["observatories."] == splits
    assert [t.text for t in docs[2]] == ["Dr.", "Okafor", "visited", "the", "laboratories", ",", "and",
                                         "observatories", "."]


def test_the_seen_chunks_are_forgotten_with_the_cache_when_the_rules_change():
    tok = build_pipeline().tokenizer
    assert [t.text for t in tok("Dr. Okafor visited the labs.")][-2:] == ["labs", "."]
    assert "labs." in tok.seen
    tok.add_special_case("labs.", [{"ORTH": "labs."}])  # spaCy empties its cache
    assert not tok.seen
    assert [t.text for t in tok("Dr. Okafor visited the labs.")][-1] == "labs."


def test_no_more_chunks_are_tokenized_alone_than_spacys_cache_holds():
    tok = build_pipeline().tokenizer
    tok.max_cache_size = 5
    doc = tok(" ".join(f"w{i}" for i in range(8)))
    assert tok.seen == {"w0", "w1", "w2", "w3", "w4"}  # the first five, sorted
    assert len(doc) == 8
    tok("Dr. Okafor visited the laboratories.")
    assert "laboratories." not in tok.seen  # spaCy's cache is full: tokenizing it alone would gain nothing


def test_a_csv_exports_quoted_fields_are_tokens_apart(nlp):
    doc = nlp.make_doc('"2022-09-01","185000000","ARS"')
    assert [t.text for t in doc][5:] == ['01"', ",", '"185000000"', ",", '"ARS', '"']  # (not one token '01","1850...')
