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
