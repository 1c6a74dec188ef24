"""The pipeline as spaCy sees it: config, factories, spans and extension attributes."""

import textwrap

import pytest
import spacy

from sci_diplo.components.extensions import CLAIMS, COUNTRIES, DATES, FIGURES, PARAGRAPHS, PROGRAMMES
from sci_diplo.pipeline import COMPONENTS, LONG_RUN, build_pipeline


def test_default_pipeline_is_built_from_config_with_every_component(nlp):
    assert nlp.pipe_names == list(COMPONENTS)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "sci_diplo.tokenizer.v1"


def test_every_component_adds_from_its_factory_to_a_blank_pipeline():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("In March 2021, China and Russia signed a memorandum. It named 3 joint laboratories.")
    assert [s._.country_code for s in doc.spans[COUNTRIES]] == ["CHN", "RUS"]
    assert [s._.date_value for s in doc.spans[DATES]] == ["2021-03"]


def test_tokenizer_splits_hyphens_between_names_and_numbers(nlp):
    assert [t.text for t in nlp.make_doc("U.S.-China (770–476 BC)")] == ["U.S.", "-", "China", "(", "770", "–", "476", "BC", ")"]


def test_saved_pipeline_loads_with_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("Kenya and Chile opened 4 observatories in 2020.")
    assert [s._.country_code for s in doc.spans[COUNTRIES]] == ["KEN", "CHL"]
    assert len(loaded.make_doc('"' * LONG_RUN)) == 1  # the long-run guard is saved with it


def test_a_long_run_without_white_space_is_one_token_and_shorter_ones_split_as_before(nlp):
    """spaCy strips affixes one at a time: 20,000 quotes took 30 s as 20,000 tokens."""
    for run in ('"' * 20_000, "\U0001F600" * 20_000, "(" * 5_000 + ")" * 5_000):
        doc = nlp.make_doc(f"In March 2021, Kenya signed 2 agreements. {run} Chile joined in 2022.")
        assert [t.text for t in doc if len(t) > 100] == [run]
        assert doc.text.endswith(" Chile joined in 2022.")
    below = '"' * (LONG_RUN - 1)
    assert len(nlp.make_doc(below)) == LONG_RUN - 1 == len(spacy.blank("en").make_doc(below))
    text = "Kenya signed 2 agreements in March 2021. " + "\U0001F600" * 20_000 + " Chile opened 3 laboratories in 2022."
    doc = nlp(text)
    assert [s._.country_code for s in doc.spans[COUNTRIES]] == ["KEN", "CHL"]
    assert [s._.date_value for s in doc.spans[DATES]] == ["2021-03", "2022"]


def test_paragraph_breaks_end_sentences_but_not_a_cut_sentence(nlp):
    text = ("Cooperation Report\n\nIn April 2011, Chile joined. "
            + "The long paragraph goes on and on about cooperation between many partners over the years and "
            + "the text continues with more words until the page ends with Mr. Deng and President\n\nCarter signed it.")
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Cooperation Report"
    assert sents[-1].startswith("The long paragraph") and sents[-1].endswith("Carter signed it.")
    assert len(doc.spans[PARAGRAPHS]) == 2


def test_a_rule_line_ends_the_paragraph_above_it_and_opens_the_next(nlp):
    text = ("Follow along as the team commissions the new satellite and its international instruments, week by "
            "week, from launch to first light and beyond\nLast updated: 24 June 2025\n\n---\n\n"
            "2025-06-24 10:30 UTC — First images from all four instruments\n\n***\nKenya joined in 2021.\n")
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents[-4:] == ["---", "2025-06-24 10:30 UTC — First images from all four instruments", "***",
                          "Kenya joined in 2021."]


def test_a_long_paragraph_that_ends_in_an_emoji_ends_its_sentence(nlp):
    text = ("On 10 January we opened the Kenya-Thai Joint Laboratory for Food Systems in Chiang Mai, together "
            "with our partners at the Valley Institute for Agronomy and friends from far away 🙌\n\n"
            "Five years of calls later, we have a real home.")
    assert [s.text.strip() for s in nlp(text).sents][1] == "Five years of calls later, we have a real home."
    # an emoji with its variation selector; a symbol that is no emoji ends no sentence at a page break
    assert len(list(nlp(text.replace("🙌", "❤️")).sents)) == 2
    cut = ("We kept the samples of the joint laboratory in the freezers of the national institute of health for "
           "many long months, as the joint protocol demanded, at −80 ℃\n\nuntil they were shipped on 3 May 2023.")
    assert len(list(nlp(cut).sents)) == 1


COLUMN = ("Joint Statement, Canberra, 2 May 2024\n\n"
          "Australia and New Zealand agreed in\nFebruary 2024 to create the Trans-Tasman\n"
          "Antarctic Research Fund, which will\nprovide A$40 million to more than 60\n"
          "research teams over five years. The two\ngovernments also agreed to open a\n"
          "joint station, with about 25 scientists\nfrom the two countries working there.\n")


def test_a_narrow_column_of_wrapped_lines_reads_as_its_sentences(nlp):
    """Text copied from a two-column PDF page: every line is short, and none is a heading."""
    doc = nlp(COLUMN)
    sents = [" ".join(s.text.split()) for s in doc.sents]
    assert sents[0] == "Joint Statement, Canberra, 2 May 2024"
    assert sents[1].startswith("Australia and New Zealand agreed in February 2024") and sents[1].endswith("five years.")
    assert sents[2].startswith("The two governments") and sents[2].endswith("working there.")
    found = {(" ".join(s.text.split()), s._.figure_value) for s in doc.spans[FIGURES]}
    assert ("more than 60 research teams", 60) in found and ("two governments", 2) in found
    assert [" ".join(s.text.split()) for s in doc.spans[PROGRAMMES]] == ["Trans-Tasman Antarctic Research Fund"]


def test_short_lines_of_a_list_or_headings_stay_sentences_of_their_own(nlp):
    text = "Key facts\nBudget: EUR 3 million\nPartners: 12 universities\nDuration: five years\n\nKenya joined in 2021.\n"
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[:4] == ["Key facts", "Budget: EUR 3 million", "Partners: 12 universities", "Duration: five years"]
    text = "SCIENCE AND SPACE\nKenya and Chile sign a research pact\nThe two countries signed it on Monday in Nairobi.\n"
    assert [s.text.strip() for s in nlp(text).sents][0] == "SCIENCE AND SPACE"


@pytest.mark.parametrize("text,first_lines", [
    # a key-figures box: each line a label and its figure, in lower case
    ("Key figures for 2024\nfellowships awarded 45\npartner universities 12\njoint papers 310\n",
     ["Key figures for 2024", "fellowships awarded 45", "partner universities 12", "joint papers 310"]),
    # statements a line each, the last ending in a comma before a line in lower case
    ("Kenya pledged 10 million dollars in 2023\nJapan pledged 15 million dollars in 2024\n"
     "Ghana pledged 2 million dollars in kind,\nall pledges were confirmed in January 2025.\n",
     ["Kenya pledged 10 million dollars in 2023", "Japan pledged 15 million dollars in 2024"]),
    # list items, marked by a dash or a letter, in lower case
    ("Milestones\n- 2019: talks open with Japan,\n- 2021: an MoU is signed in Tokyo,\n- 2023: a lab opens.\n",
     ["Milestones", "- 2019: talks open with Japan,", "- 2021: an MoU is signed in Tokyo,"]),
    ("Kenya and Japan will:\na) exchange 40 researchers a year\nb) open 2 joint laboratories by 2027\n",
     ["Kenya and Japan will:", "a) exchange 40 researchers a year", "b) open 2 joint laboratories by 2027"]),
    # a bulleted line after a long line that ends with no stop
    ("• Annual budget: €11.2 million, of which 45% comes from French public funds and Kenyan partners\n"
     "• Three shared field stations, in Mopti and Kara\n",
     ["• Annual budget: €11.2 million, of which 45% comes from French public funds and Kenyan partners",
      "• Three shared field stations, in Mopti and Kara"]),
    # a table's rows, each longer than a short line
    ("Row | Activity | Lead | Status | Timing\n1 | Second joint call for research projects with Kenya | KNSF | Completed "
     "| Q3 2024\n2 | Workshop on critical raw materials in Nairobi | SPU / LIRM | Completed | 18–20 Sep 2024\n",
     ["Row | Activity | Lead | Status | Timing",
      "1 | Second joint call for research projects with Kenya | KNSF | Completed | Q3 2024",
      "2 | Workshop on critical raw materials in Nairobi | SPU / LIRM | Completed | 18–20 Sep 2024"]),
])
def test_lines_of_lists_and_figure_boxes_stay_sentences_of_their_own(nlp, text, first_lines):
    sents = [s.text.strip() for s in nlp(text).sents if not s.text.isspace()]
    assert sents[: len(first_lines)] == first_lines


def test_a_footnote_mark_glued_to_a_sentence_end_still_ends_it(nlp):
    for text, first in [("Kenya signed the agreement in 2014.[1] Since then, 40 labs opened.",
                          "Kenya signed the agreement in 2014.[1]"),
                         ("It had 70 Emirati engineers.³ Then more came in 2020.", "It had 70 Emirati engineers.³")]:
        assert [s.text for s in nlp(text).sents][0] == first
    assert len(list(nlp("The deal was signed in 2014,[2] and renewed in 2019.").sents)) == 1


def test_a_footnote_mark_is_no_part_of_the_fact_it_is_glued_to(nlp):
    doc = nlp("Kenya signed in 2014.[1] It renewed the deal in March 2019[3] and trained 300 scientists.[2] "
              "Brazil joined in 2020.⁴ The site covers 4 km² of land.")
    assert [s.text for s in doc.spans[DATES]] == ["2014", "March 2019", "2020"]  # were "2014.[1", "March", "2020.⁴"
    assert [s.text for s in doc.spans[FIGURES]] == ["300 scientists", "4 km²"]  # was "300"
    assert [s.text for s in doc.sents][1] == "It renewed the deal in March 2019[3] and trained 300 scientists.[2]"


def test_a_short_line_that_ends_in_a_word_no_sentence_ends_with_runs_on(nlp):
    doc = nlp("The deal covers the Joint Research Fund and the Indo-German Memorandum of\n"
              "Understanding on Water, renewed in 2021.\n")
    assert [" ".join(s.text.split()) for s in doc.spans[PROGRAMMES]][-1] == "Indo-German Memorandum of Understanding on Water"


def test_a_figure_alone_on_its_line_reads_its_label_from_the_next(nlp):
    """Slides and fact sheets set a big number over its label: one sentence, one figure."""
    doc = nlp("AT A GLANCE\n\n37\njoint research projects funded\n\nMore than 4,000\nfarmers trained\n\n"
              "A$48.6m\ncommitted since 2020\n\n2024\nThe year it began.\n")
    assert [(" ".join(s.text.split()), s._.figure_value, s._.unit, s._.qualifier) for s in doc.spans[FIGURES]] == [
        ("37 joint research projects", 37, "projects", "exact"), ("More than 4,000 farmers", 4000, "farmers", "more_than"),
        ("A$48.6m", 48.6e6, "AUD", "exact")]
    assert "2024" in [s.text.strip() for s in doc.sents]  # a year over a sentence in capitals stays a heading


def test_a_label_line_keeps_its_figure_from_the_next_line(nlp):
    text = ("Number of fellowships awarded to researchers from partner countries in 2024: 45\n"
            "Universities taking part in the programme across the three regions in 2024: 12\n")
    doc = nlp(text)
    assert [(s.text, s._.unit) for s in doc.spans[FIGURES]] == [("three regions", "regions")]  # no "45 Universities"


PROSE = ("Officials from the two governments confirmed that Kenya will get about $30 million in 2025, and that "
         "more than 300 engineers from South Africa will train there under the Kenya-South Africa Geothermal "
         "Skills Initiative. The Joint Laboratory on Water will open in March 2026 with 45 researchers, a "
         "third of them from the United States. Between 5 and 10 centres will follow by 2030.")


@pytest.mark.parametrize("width", [40, 55, 70, 90])
def test_a_paragraph_hard_wrapped_at_any_width_gives_the_same_facts(nlp, width):
    """A line break inside a sentence is a space to the finders, and wrapped lines are one
    passage, so the facts of a hard-wrapped paragraph are those of the paragraph on one line."""
    def facts(text):
        doc = nlp(text)
        return ({(s._.figure_value, s._.unit, s._.qualifier, s._.upper) for s in doc.spans[FIGURES]},
                sorted(s._.country_code for s in doc.spans[COUNTRIES]),
                sorted(s._.programme_name for s in doc.spans[PROGRAMMES]),
                [" ".join(s.text.split()) for s in doc.sents if not s.text.isspace()])

    wrapped = textwrap.fill(PROSE, width, break_on_hyphens=False)
    assert wrapped.count("\n") >= 4
    assert facts(wrapped) == facts(PROSE)
    assert (30_000_000, "USD", "about", None) in facts(PROSE)[0]


def test_a_counted_noun_hyphenated_across_a_line_break_is_one_word(nlp):
    doc = nlp("The partnership has supported 42 voyages since 2016 and involved\nabout 160 scientists from "
              "the two coun-\ntries, and 4,500 scien-\ntists in all.\n")
    got = [(s.text, s._.unit) for s in doc.spans[FIGURES]]
    assert ("two coun-\ntries", "countries") in got and ("4,500 scien-\ntists", "scientists") in got
    assert len([s for s in doc.sents if not s.text.isspace()]) == 1  # the short line before the break runs on


def test_a_text_in_capitals_counts_its_nouns_and_keeps_its_names(nlp):
    text = ("FEB-17-2025 16:42        EMBASSY OF CHILE IN OSLO        P.01/02\n\n"
            "1. THE 4TH MEETING OF THE CHILE-NORWAY JOINT COMMITTEE ON OCEAN SCIENCE (JCOS) AGREED TO DEPLOY "
            "22 SEISMIC AND GAS SENSORS AND TWO ADDITIONAL POSTDOC POSITIONS ACROSS APPROX 1,800 SQ KM. "
            "FUNDING IS NOK 3.8M UNDER THE MOU.\n")
    doc = nlp(text)
    assert [(s.text, s._.figure_value, s._.unit, s._.qualifier) for s in doc.spans[FIGURES]] == [
        ("22 SEISMIC AND GAS SENSORS", 22, "sensors", "exact"), ("TWO ADDITIONAL POSTDOC POSITIONS", 2, "positions", "exact"),
        ("APPROX 1,800 SQ KM", 1800, "square kilometers", "about"), ("NOK 3.8M", 3_800_000, "NOK", "exact")]
    assert [s._.programme_name for s in doc.spans[PROGRAMMES]][:1] == ["Chile-Norway Joint Committee on Ocean Science"]
    lower = nlp(text.lower())  # the same words in lower case: the same counts
    assert [(s._.figure_value, s._.unit) for s in lower.spans[FIGURES]][:2] == [(22, "sensors"), (2, "positions")]


def test_a_name_that_ends_a_line_is_not_continued_by_the_next_sentence(nlp):
    doc = nlp("the Joint Laboratory on Water\nIn March 2021, China and Kenya signed an agreement")
    assert [(s.text, s._.programme_name) for s in doc.spans[PROGRAMMES]] == [
        ("Joint Laboratory on Water", "Joint Laboratory on Water")]


def test_short_headings_after_a_long_unpunctuated_block_stand_alone(nlp):
    nav = ("Home | News | Business | Science | Space | Opinion | Subscribe | Trending: AI rules · Mars · "
           "Desalination · water · the five gadgets we loved in February")
    text = nav + "\n\nSCIENCE\n\nKenya and Chile sign a research pact\n\nBy Staff Reporter\n\nThey signed it."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert "Kenya and Chile sign a research pact" in sents
    assert "By Staff Reporter" in sents and sents[-1] == "They signed it."


def test_a_long_citation_line_ending_in_a_link_ends_its_sentence(nlp):
    text = ("“Joint Research on Fusion: Ten Years of Partnership between Finland and Japan,” Science Policy "
            "Review, March 3, 2020, <https://example.org/review/2020/joint-research-fusion-finland-japan>\n\n"
            "Interviewer: When did the partnership begin?")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].endswith("finland-japan>")
    assert sents[1].startswith("Interviewer:")


def test_claim_links_its_sentence_facts(nlp):
    doc = nlp("In March 2021, China and Russia signed the Lunar Research Station Agreement on 12 projects.")
    (claim,) = doc.spans[CLAIMS]
    assert [d._.date_value for d in claim._.claim_dates] == ["2021-03"]
    assert claim._.claim_countries == ["CHN", "RUS"] and claim._.claim_inferred == []
    assert [f._.figure_value for f in claim._.claim_figures] == [12]
    assert [p._.category for p in claim._.claim_programmes] == ["agreement"]


def test_claim_without_country_infers_from_its_paragraph(nlp):
    doc = nlp("Kenya worked with China on malaria. Within three years (2015–2018), cases fell by 80%.")
    claim = next(c for c in doc.spans[CLAIMS] if c._.claim_dates[0]._.date_value == "2015/2018")
    assert claim._.claim_countries == ["CHN", "KEN"] and claim._.claim_inferred == ["CHN", "KEN"]


def test_datelines_and_today_make_no_claim(nlp):
    doc = nlp("Wednesday, January 25, 2023\n\nScience diplomacy today matters. On Monday, Chile signed.")
    claim_dates = [d.text for c in doc.spans[CLAIMS] for d in c._.claim_dates]
    assert claim_dates == ["Monday"]


def test_a_records_start_and_end_dates_are_claims_not_its_own_date(nlp):
    doc = nlp("Register export | Generated: 2025-01-20 09:14 UTC\n\nProject ID: EPG-1\nStart date: 2023-04-01\n"
              "End date: 2026-09-30\nStatus: Ongoing\n")
    claims = [(c.text.strip(), [d.text for d in c._.claim_dates]) for c in doc.spans[CLAIMS]]
    assert claims == [("Start date: 2023-04-01", ["2023-04-01"]), ("End date: 2026-09-30", ["2026-09-30"])]


def test_a_records_title_field_names_its_project_to_the_lines_end(nlp):
    doc = nlp("Project ID: EPG-1\nTitle: Upwelling Observatories for Small-Scale Fisheries\nAcronym: UPSAF\n"
              "Start date: 2023-04-01\n")
    assert [(s.text, s._.aliases, s._.category) for s in doc.spans[PROGRAMMES]] == [
        ("Upwelling Observatories for Small-Scale Fisheries", ["UPSAF"], "project")]


def test_model_option_refuses_an_uninstalled_pipeline():
    import pytest

    with pytest.raises(OSError):
        build_pipeline("xx_no_such_pipeline_sm")


def test_components_on_top_of_a_pipeline_with_its_own_sentences(tmp_path):
    base = spacy.blank("en")
    base.add_pipe("sentencizer")
    base.to_disk(tmp_path / "base")
    nlp = build_pipeline(str(tmp_path / "base"))
    assert nlp.pipe_names == ["sentencizer", *COMPONENTS]
    doc = nlp("Last year Brazil pledged US$2 million.")
    assert [(s._.figure_value, s._.unit) for s in doc.spans[FIGURES]] == [(2_000_000, "USD")]
    assert doc.spans[PROGRAMMES] is not None


def test_docs_are_freed_and_serialize_without_working_data(nlp):
    import gc
    import warnings
    import weakref

    doc = nlp("In March 2021, Chile and China signed 3 agreements.")
    assert "sci_diplo.cache" not in doc.user_hooks  # released by the last component
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # W109 would mean hooks were left on the Doc
        doc.to_bytes()
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_sentence_final_characters_are_all_punctuation(nlp):
    from spacy.pipeline import Sentencizer

    assert all(nlp.vocab[c].is_punct for c in Sentencizer.default_punct_chars)


def test_punctuation_boundaries_are_the_sentencizers():
    from pathlib import Path

    from spacy.pipeline import Sentencizer

    from sci_diplo.components.paragraphs import ParagraphSplitter
    from sci_diplo.pipeline import build_pipeline as build

    nlp = build()
    ours = ParagraphSplitter(nlp, "p")
    theirs = Sentencizer()
    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("data/gold/heldout/docs/*.txt"))]
    texts += ["", ".", "Hi!!! ... ?! Yes.", "No end", "« Oui. » Non ! (Yes.) \"Quoted.\" Next",
              "Fin。次の文！本当？ Yes.", "Ends here.", "Ends here...", "Wait?!\"\" Then. 3.5 km. U.S. ok.",
              "Emoji 😀. Next 🇰🇪! Then"]
    for text in texts:
        doc = nlp.make_doc(text)
        if not len(doc):
            continue
        from spacy.attrs import IDX, LENGTH

        table = doc.to_array([IDX, LENGTH])
        got = [int(v == 1) for v in ours.punctuation_starts(doc, text, table[:, 0], table[:, 1])]
        expected = [int(bool(g)) for g in theirs.predict([doc])[0]]
        assert got == expected, text[:80]


def test_sentence_index_and_token_offsets_from_the_boundary_component_are_spacys(nlp):
    """The boundary component hands its sentence starts and token offsets to the others;
    they must be what ``doc.sents`` and the tokens themselves give."""
    from pathlib import Path

    from sci_diplo.components.base import Sentences, doc_cache, keep_cache, release, sentences, token_bounds

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt"))]
    texts += ["One.", "A heading\nThe body runs on. Last words", "Hi!!! ... ?! Yes.\n\n\n  Next  "]
    for text in texts:
        doc = nlp.make_doc(text)
        keep_cache(doc)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        assert doc_cache(doc)["sent_starts"] == [s.start for s in doc.sents], text[:80]
        starts, ends = token_bounds(doc)
        assert (starts.tolist(), ends.tolist()) == ([t.idx for t in doc], [t.idx + len(t) for t in doc])
        ours, theirs = sentences(doc), Sentences(doc)
        for token in doc:
            span = doc[token.i : token.i + 1]
            assert ours.of(span) == theirs.of(span) == token.sent
        release(doc)


def test_a_parsed_doc_keeps_its_sentences_and_a_senters_gain_the_paragraph_breaks(nlp):
    from spacy.tokens import Doc

    from sci_diplo.components.extensions import PARAGRAPHS

    words = ["Chile", "signed", "it", "\n\n", "Peru", "agreed", "and", "Chile", "left", "."]
    heads = [1, 1, 1, 1, 5, 5, 5, 8, 5, 5]  # one sentence, as a parser would have it
    deps = ["nsubj", "ROOT", "dobj", "dep", "nsubj", "ROOT", "cc", "nsubj", "conj", "punct"]
    parsed = Doc(nlp.vocab, words=words, spaces=[True, True, False, False, True, True, True, True, False, False],
                 heads=heads, deps=deps)
    doc = nlp(parsed)
    assert [s.text for s in doc.sents] == ["Chile signed it\n\n", "Peru agreed and Chile left."]
    assert [p.text for p in doc.spans[PARAGRAPHS]] == ["Chile signed it", "Peru agreed and Chile left."]

    sentenced = Doc(nlp.vocab, words=["Chile", "signed", "\n\n", "Peru", "agreed", "and", "left"],
                    sent_starts=[True, False, False, False, False, True, False])
    doc = nlp(sentenced)
    assert [s.start for s in doc.sents] == [0, 3, 5]  # the senter's two, and "Peru" after the blank line

    words = ["Chile", "signed", ".", "Peru", "agreed"]
    partial = Doc(nlp.vocab, words=words, sent_starts=[True, None, None, None, True])
    assert [s.start for s in nlp(partial).sents] == [0, 4]  # a start set after the first: kept, no rule added
    unset = Doc(nlp.vocab, words=words, sent_starts=[True, None, None, None, None])
    assert [s.start for s in nlp(unset).sents] == [0, 3]  # only the first set: the punctuation rule


def test_align_shrinks_to_whole_tokens_else_grows_to_those_touched(nlp):
    from bisect import bisect_left, bisect_right

    from sci_diplo.components.base import align
    from sci_diplo.normalize.types import CountryMatch, FigureMatch

    text = "In 2021,  U.S.-China labs (thirty-three) opened for €8m.\n\nEnd"
    doc = nlp.make_doc(text)
    starts, ends = [t.idx for t in doc], [t.idx + len(t) for t in doc]

    def one(a, b):  # one match at a time, by bisection
        i, j = bisect_left(starts, a), bisect_right(ends, b)
        if i < j < len(starts) and starts[j] < b and not any(c.isalnum() for c in text[b:ends[j]]):
            j += 1  # the last token cut by the match leaves only punctuation out
        if j <= i:
            i, j = max(0, bisect_right(starts, a) - 1), min(len(ends), bisect_left(ends, b) + 1)
        return (i, j) if i < j else None

    pairs = [(a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1)]
    assert align(doc, [CountryMatch(a, b, "X") for a, b in pairs]) == [one(a, b) for a, b in pairs]
    china, inside = text.index("China"), text.index("hin")
    assert align(doc, [CountryMatch(china, china + 5, "CHN"), CountryMatch(inside, inside + 3, "CHN")]) == [
        (6, 7), (6, 7)]
    assert doc[6].text == "China"  # after "In", "2021", ",", " ", "U.S." and "-"
    # "€8m." is "€", "8" and "m.": the figure "€8m" keeps its "m", with the period
    euros = text.index("€")
    (span,) = align(doc, [FigureMatch(euros, euros + 3, 8e6, "EUR")])
    assert doc[span[0]:span[1]].text == "€8m."
    assert align(doc, []) == []


def test_a_run_with_no_sentence_end_is_cut_into_sentences_of_bounded_length(nlp):
    """A table or list flattened into one line holds no sentence end: it is cut, after a comma
    where one falls in the second half of the allowed stretch, so that no fact quotes (and
    hashes into its id) a sentence of the whole text. Real sentences are left whole."""
    from sci_diplo.components.paragraphs import MAX_SENTENCE

    row = "Kenya 120 scientists, Chile 45 engineers, China 2 million yuan in 2021"
    text = ", ".join([row] * 600)  # 43,000 characters, no sentence end
    doc = nlp(text)
    sents = list(doc.sents)
    assert len(sents) > len(text) // MAX_SENTENCE
    assert max(len(s.text) for s in sents) <= MAX_SENTENCE
    assert all(s.text.endswith(",") for s in sents[:-1])  # cut after a comma
    assert "".join(t.text_with_ws for s in sents for t in s) == text
    long_sentence = "Ghana and Peru signed it, " * 70 + "and left."  # 1,829 characters
    assert [s.text for s in nlp(long_sentence).sents] == [long_sentence]


def test_a_run_cut_with_no_comma_is_cut_between_words_and_a_giant_token_stays_whole(nlp):
    from sci_diplo.components.paragraphs import MAX_SENTENCE

    text = " ".join(["word"] * 3000)
    sents = list(nlp(text).sents)
    assert all(MAX_SENTENCE // 2 <= len(s.text) <= MAX_SENTENCE for s in sents[:-1])
    assert "".join(s.text_with_ws for s in sents) == text
    giant = "x" * (MAX_SENTENCE + 500)
    assert [len(s.text) for s in nlp(f"{giant} and {giant}").sents] == [len(giant), 3, len(giant)]


def test_the_facts_of_a_flattened_table_quote_sentences_of_bounded_length(nlp):
    """Every figure of a 1,200-row table flattened into one line is found, and each quotes a
    sentence of at most MAX_SENTENCE characters that holds it (the whole line, before)."""
    from sci_diplo.api import extract
    from sci_diplo.components.paragraphs import MAX_SENTENCE

    countries = ["Kenya", "Chile", "Nepal", "Peru"]
    text = " | ".join(f"{countries[k % 4]} {k + 2} scientists in {1990 + k % 30}" for k in range(1200))
    records = extract(text, nlp=nlp)
    figures = [r for r in records if r.kind == "figure"]
    assert sorted(r.value for r in figures) == list(range(2, 1202))
    mentions = [m for r in records for m in r.mentions]
    assert all(len(m.sentence) <= MAX_SENTENCE and m.sentence in text for m in mentions)
    assert all(text[m.start : m.end] in m.sentence for r in figures for m in r.mentions)
    assert {r.date.value for r in records if r.kind == "claim"} == {str(1990 + k) for k in range(30)}


def test_a_parsers_long_sentence_stays_on_the_doc_but_its_facts_quote_it_cut(nlp):
    """A trained pipeline's parser may make one sentence of a flattened table. Its sentences stay
    on the Doc as it set them; the facts quote pieces of at most MAX_SENTENCE characters."""
    from spacy.tokens import Doc

    from sci_diplo.components.base import keep_cache, release
    from sci_diplo.components.paragraphs import MAX_SENTENCE
    from sci_diplo.records import DocContext, doc_records

    row = ["Kenya", "sent", "120", "scientists", ","]
    words = row * 500 + ["Chile", "left", "."]  # 13,012 characters, one sentence
    heads = [1] * len(words)  # every word hangs on the first "sent": one tree
    deps = ["dep"] * len(words)
    deps[1] = "ROOT"
    parsed = Doc(nlp.vocab, words=words, spaces=[w != "," and i + 1 < len(words) and words[i + 1] != ","
                                                 for i, w in enumerate(words)], heads=heads, deps=deps)
    keep_cache(parsed)
    doc = nlp(parsed)
    text = doc.text
    assert [(s.start, s.end) for s in doc.sents] == [(0, len(words))]  # the parser's, untouched
    records = doc_records(doc, DocContext("t.txt", "d1", None, {}, 0))
    release(doc)
    mentions = [m for r in records for m in r.mentions]
    assert len(mentions) == 500  # "120 scientists" in each row, one figure
    assert max(len(m.sentence) for m in mentions) <= MAX_SENTENCE
    assert all(text[m.start : m.end] in m.sentence and m.sentence in text for m in mentions)
    assert {m.sentence[-1] for m in mentions} == {",", "."}  # cut after commas; the last piece ends it


def test_cut_long_sentences_counts_the_first_sentence_even_when_token_0_is_unmarked():
    """A senter may leave token 0 unmarked: the first sentence is still measured and cut."""
    import numpy

    from sci_diplo.components.paragraphs import NOT_START, cut_long_sentences

    text = " ".join(["word"] * 100)  # 499 characters, tokens every 5
    idx = numpy.arange(100, dtype=numpy.uint64) * 5
    sent = numpy.full(100, NOT_START, dtype=numpy.uint64)
    sent[0], sent[90] = 0, 1  # sentences: tokens 0-89 (450 characters) and 90-99
    firsts = cut_long_sentences(sent, text, idx, limit=200)
    assert firsts.tolist() == [40, 80, 90] and sent[0] == 0  # token 0 left as it was
    assert cut_long_sentences(sent, text, idx, limit=200).tolist() == [40, 80, 90]  # nothing more to cut


def test_an_agency_between_slashes_ends_the_dateline_not_the_story(nlp):
    doc = nlp("MOSCOW, March 14. /TASS/. Russia will invest 2.4 billion roubles in a centre with Ethiopia.")
    assert [s.text for s in doc.sents] == [
        "MOSCOW, March 14. /TASS/.", "Russia will invest 2.4 billion roubles in a centre with Ethiopia."]


SUBTITLES_TEXT = (
    "1\n00:00:00,000 --> 00:00:03,000\nCOASTAL DESK · 3 May 2024\n\n"
    "2\n00:00:03,200 --> 00:00:07,900\nSince June 2022, engineers\nfrom Ghana and Denmark\n\n"
    "3\n00:00:07,900 --> 00:00:12,000\nhave run the Ghana–Denmark Joint Laboratory\non Coastal Erosion in Accra.\n"
)


def test_a_subtitle_cues_lines_are_one_passage_without_its_number_and_timing(nlp):
    doc = nlp(SUBTITLES_TEXT)
    sents = [" ".join(s.text.split()) for s in doc.sents if s.text.strip()]
    assert "Since June 2022, engineers from Ghana and Denmark" in sents
    assert "2 00:00:03,200 --> 00:00:07,900" in sents  # the cue's number and timing, apart
    assert [s._.programme_name for s in doc.spans[PROGRAMMES]] == [
        "Ghana–Denmark Joint Laboratory on Coastal Erosion"]
    claims = [(" ".join(c.text.split()), [d._.date_value for d in c._.claim_dates]) for c in doc.spans[CLAIMS]]
    assert ("Since June 2022, engineers from Ghana and Denmark", ["2022-06"]) in claims


def test_rows_of_a_table_set_by_spaces_are_sentences_of_their_own(nlp):
    text = ("Call                       Opened      Proposals   Funded   CAD M   BRL M\n"
            "Marine data and modelling  Feb. 2021       48         7      2.1     4.8\n"
            "Soil microbiomes           Mar. 2022       61         9      2.9     6.4\n")
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == [line.strip() for line in text.splitlines()]
    assert [s.text for s in doc.spans[FIGURES]] == []  # "4.8\nSoil microbiomes" counts nothing


def test_a_tables_header_does_not_open_the_name_on_the_row_below(nlp):
    text = ("Scheme                                    FY 2022–23   FY 2023–24   Change\n"
            "Bilateral Seed Grants (BSG)                     8.15         9.62   +18.0%\n\n"
            "The BSG scheme funds starter projects.\n")
    doc = nlp(text)
    got = [(s.text, s._.programme_name) for s in doc.spans[PROGRAMMES]]
    assert got == [("Bilateral Seed Grants (BSG)", "Bilateral Seed Grants"), ("BSG scheme", "Bilateral Seed Grants")]


def test_a_long_line_of_fields_parted_by_middle_dots_ends_its_sentence(nlp):
    text = ("11:00–12:30  S4A · Water diplomacy and data sharing in the basin · Room C-310\n"
            "The Regional Glacier Early Warning Plan, adopted by five ministers in June 2023, covers Nepal.\n")
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == text.strip().split("\n")
    assert [s._.programme_name for s in doc.spans[PROGRAMMES]] == ["Regional Glacier Early Warning Plan"]


def test_an_icalendar_exports_property_lines_are_sentences_and_its_events_paragraphs(nlp):
    text = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240312T090000Z\nSUMMARY:Signing of the\n"
            "  Memorandum of Understanding on Peatland Research\nLOCATION:Helsinki\n"
            "DESCRIPTION:Kenya and Finland renew it\\, for 2024–2027.\nEND:VEVENT\nBEGIN:VEVENT\n"
            "DTSTART;VALUE=DATE:20240422\nSUMMARY:Field school\nEND:VEVENT\nEND:VCALENDAR\n")
    doc = nlp(text)
    sents = [" ".join(s.text.split()) for s in doc.sents if s.text.strip()]
    assert "SUMMARY:Signing of the Memorandum of Understanding on Peatland Research" in sents  # a folded line runs on
    assert "LOCATION:Helsinki" in sents
    assert [s._.programme_name for s in doc.spans[PROGRAMMES]] == ["Memorandum of Understanding on Peatland Research"]
    assert {d._.date_value for d in doc.spans[DATES]} == {"2024-03-12", "2024/2027", "2024-04-22"}
    assert len(doc.spans[PARAGRAPHS]) == 3  # the calendar's head, and each event


def test_a_cvs_entries_opening_with_their_years_are_sentences(nlp):
    text = ("2019–22        Co-PI, UK–Ethiopia Gully Erosion Project (Newton Fund), total award £450k\n"
            "2017–20        PI, smallholder soil-moisture pilot in northern Ghana, total award £295k\n")
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == text.strip().split("\n")
    assert [(f._.figure_value, f._.unit) for f in doc.spans[FIGURES]] == [(450_000, "GBP"), (295_000, "GBP")]
    claims = [(c.text.split()[0], [d._.date_value for d in c._.claim_dates]) for c in doc.spans[CLAIMS]]
    assert claims == [("2019–22", ["2019/2022"]), ("2017–20", ["2017/2020"])]
