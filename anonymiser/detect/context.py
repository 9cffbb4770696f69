"""Presidio's context enhancer, made linear: a match's token is found by binary search, and only the
matches that have a context word near them are handed to it."""

from __future__ import annotations

import bisect

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc


class IndexedContextEnhancer(LemmaContextAwareEnhancer):
    """Same scores as LemmaContextAwareEnhancer.

    Presidio scans every token of the document for every match it enhances, which makes a long
    review quadratic; here the token ends are computed once per document and searched.
    """

    def __init__(self) -> None:
        super().__init__()
        self._indexed: tuple[list[int], list[int]] | None = None

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: NlpArtifacts,
                              recognizers: list[EntityRecognizer], context: list[str] | None = None,
                              ) -> list[RecognizerResult]:
        # A recognizer that builds its own results may leave out the explanation, which Presidio
        # then writes the supporting context word into.
        for r in raw_results:
            if r.analysis_explanation is None:
                name = (r.recognition_metadata or {}).get("recognizer_name", "")
                r.analysis_explanation = AnalysisExplanation(recognizer=name, original_score=r.score)
        # Presidio deep-copies every result before looking at any; only results from a recognizer
        # with context words can change, so the rest (most of them: the NER's) skip the copy.
        words = {r.id: [w.lower() for w in r.context] for r in recognizers if r.context}
        ids = [(r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY) for r in raw_results]
        # Nor can a match change with no context word in the words Presidio would read round it; given
        # context words of its own (`context`) are read for every match, so then every match goes.
        todo: list[RecognizerResult] = []
        rest: list[RecognizerResult] = []
        for r, i in zip(raw_results, ids):
            can_change = i in words and (bool(context) or self._supported(r, words[i], nlp_artifacts))
            (todo if can_change else rest).append(r)
        return rest + super().enhance_using_context(text, todo, nlp_artifacts, recognizers, context)

    def _supported(self, result: RecognizerResult, context_words: list[str], nlp_artifacts: NlpArtifacts) -> bool:
        """Whether a context word is in a word Presidio reads round `result`: the match's own token and the
        `context_prefix_count` keywords before it, and the first keyword from its token on (its suffix
        count of 0 reads that one). Presidio compares by substring, unless told whole words."""
        tokens, keywords = nlp_artifacts.tokens, nlp_artifacts.keywords
        lemmas = nlp_artifacts.lemmas
        i = self._find_index_of_match_token("", result.start, tokens, nlp_artifacts.tokens_indices)
        read: list[str] = []
        for step, n in ((-1, self.context_prefix_count + 1), (1, self.context_suffix_count + 1)):
            j = i
            while 0 <= j < len(lemmas) and n > 0:
                lemma = lemmas[j].lower()
                if lemma in keywords:
                    read.append(lemma)
                    n -= 1
                j += step
        if self.context_matching_mode == "whole_word":
            return any(w in read for w in context_words)
        return any(w in lemma for w in context_words for lemma in read)

    def _find_index_of_match_token(self, word: str, start: int, tokens, tokens_indices: list[int]) -> int:  # type: ignore[override]
        if self._indexed is None or self._indexed[0] is not tokens_indices:
            if isinstance(tokens, Doc):
                starts_and_lengths = tokens.to_array([IDX, LENGTH])
                ends = (starts_and_lengths[:, 0] + starts_and_lengths[:, 1]).tolist()
            else:
                ends = [i + len(t) for i, t in zip(tokens_indices, tokens)]
            self._indexed = (tokens_indices, ends)
        ends = self._indexed[1]
        i = bisect.bisect_right(ends, start)
        if i >= len(ends):
            raise ValueError("a detected span lies outside the document's tokens")
        return i
