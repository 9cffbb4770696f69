"""The analyzer engine: only the NER runs, yet Presidio's context words and entities are unchanged."""

from __future__ import annotations

import spacy
from presidio_analyzer import RecognizerResult

from anonymiser.core import entities as E
from anonymiser.detect.engine import SPACY_MODEL, UNUSED_PIPES, build_analyzer
from anonymiser.detect.recognizers.dates import YEAR_ONLY_SCORE

PARAGRAPH = (
    "In March 2021 Jade Hall moved with Kayden to her sister's flat in Peterborough. "
    "The health visitor, Amina Begum, saw them at Orton Medical Practice on 14 April 2021 and "
    "referred the family to Cambridgeshire Children's Services. Mr Hall's brother, Daniel, "
    "lived in Leicester and had served a sentence at HMP Lowdham Grange."
)


def _year(text: str) -> RecognizerResult:
    """The date recognizer's "2009", after Presidio's context enhancement on the engine's artifacts."""
    engine = build_analyzer()
    dates = next(r for r in engine.registry.recognizers if r.name == "UkDateRecognizer")
    artifacts = engine.nlp_engine.process_text(text, "en")
    raw = dates.analyze(text, [E.DATE], artifacts)
    enhanced = engine.context_aware_enhancer.enhance_using_context(text, raw, artifacts, [dates])
    return next(r for r in enhanced if text[r.start:r.end] == "2009")


def test_only_the_named_entity_recogniser_runs() -> None:
    assert build_analyzer().nlp_engine.nlp["en"].pipe_names == ["ner"]


def test_a_context_word_before_a_year_still_lifts_its_score() -> None:
    assert _year("The budget for 2009 was spent.").score == YEAR_ONLY_SCORE
    assert _year("Kayden was born in 2009.").score > YEAR_ONLY_SCORE


def test_stop_words_and_punctuation_are_not_context() -> None:
    artifacts = build_analyzer().nlp_engine.process_text("He was born, dob: 2009, in Leeds.", "en")
    assert "born" in artifacts.keywords and "leeds" in artifacts.keywords
    for word in ("the", "was", ",", "be", "dob:"):
        assert word not in artifacts.keywords


def test_lemmas_are_the_tokens_in_lower_case() -> None:
    artifacts = build_analyzer().nlp_engine.process_text("Jade Hall MOVED to Leeds.", "en")
    assert len(artifacts.lemmas) == 6
    assert artifacts.lemmas[2] == "moved"
    assert artifacts.lemmas[0:2] == ["jade", "hall"]
    assert artifacts.tokens_indices == [0, 5, 10, 16, 19, 24]


def test_the_faster_matrix_library_finds_the_same_entities() -> None:
    """The engine's NER (numpy's BLAS) against the same pipeline on thinc's default (blis)."""
    reference = spacy.load(SPACY_MODEL, exclude=list(UNUSED_PIPES))
    ours = build_analyzer().nlp_engine.nlp["en"]
    expected = [(e.start_char, e.end_char, e.label_) for e in reference(PARAGRAPH).ents]
    assert expected  # the paragraph has people and places for the NER to find
    assert [(e.start_char, e.end_char, e.label_) for e in ours(PARAGRAPH).ents] == expected


# Dates and numbers with and without their context words near them: after stop words, attached to the
# match by punctuation, several keywords back, after the match, and on other lines.
CONTEXT_TEXT = (
    "Kayden was born on 3 May 2009 and his DOB: 03/05/2009 is on the file. The budget for 2009 was "
    "spent by March 2010, and the date of the meeting, which was held at the offices of the trust, "
    "was 14 April 2011.\nThe letter dated 2 June 2012 was sent.\nCall 07700 900123 or the office on "
    "(0161) 496 0000; his birthday, in the summer of 2013, was missed.\nIn 2014 nothing happened, "
    "nor in 2015, and the chronology (2016-2017) is silent.\n"
)


def _plain_presidio():
    """Presidio's own engine and enhancer on this project's registry and NER."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    ours = build_analyzer()
    return AnalyzerEngine(registry=ours.registry, nlp_engine=ours.nlp_engine, supported_languages=["en"],
                          context_aware_enhancer=LemmaContextAwareEnhancer())


def _found(results: list[RecognizerResult]) -> list[tuple[int, int, str, float]]:
    return sorted((r.start, r.end, r.entity_type, round(r.score, 6)) for r in results)


def test_the_engine_scores_every_match_as_presidio_itself_does() -> None:
    ours = build_analyzer()
    expected = _found(_plain_presidio().analyze(CONTEXT_TEXT, language="en"))
    assert any(score > YEAR_ONLY_SCORE for s, e, _, score in expected if CONTEXT_TEXT[s:e] == "2009")
    assert _found(ours.analyze(CONTEXT_TEXT, language="en")) == expected


def test_only_matches_with_a_context_word_near_them_go_to_presidios_enhancer() -> None:
    text = ("Nothing was recorded by the school, nursery, practice or hospital in 2019, nor in 2020. "
            "Kayden was born on 3 May 2009.")
    engine = build_analyzer()
    dates = next(r for r in engine.registry.recognizers if r.name == "UkDateRecognizer")
    artifacts = engine.nlp_engine.process_text(text, "en")
    raw = dates.analyze(text, [E.DATE], artifacts)
    near = {text[r.start:r.end] for r in raw if engine.context_aware_enhancer._supported(
        r, [w.lower() for w in dates.context], artifacts)}
    assert "3 May 2009" in near
    assert not near & {"2019", "2020"}


def test_the_recognizers_run_in_the_order_they_were_added() -> None:
    engine = build_analyzer()
    added = [r.name for r in engine.registry.recognizers]
    for entities in ([E.PERSON, E.DATE], [E.DATE, E.PERSON, E.LOCATION], [E.PHONE_NUMBER, E.ADDRESS, E.PERSON]):
        got = [r.name for r in engine.registry.get_recognizers("en", entities=entities)]
        assert got == [name for name in added if name in got]

