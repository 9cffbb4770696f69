"""What the UK pattern recognizers share: each declares its entity, patterns, context words and flags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts


class UkPattern(Pattern):
    """Presidio's Pattern, its regex parsed once.

    Presidio parses a pattern when it is made, only to check it, and again with its recognizer's
    flags when it is first searched; the regex module parses in Python, so the first parse alone was
    a sixth of a start-up. Here the pattern is checked when its recognizer compiles it with its
    flags (`compile_patterns`), and Presidio searches with that compiled form."""

    def __init__(self, name: str, regex: str, score: float) -> None:  # noqa: D107
        if not 0 <= score <= 1:
            raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
        self.name, self.regex, self.score = name, regex, score
        self.compiled_regex = None
        self.compiled_with_flags = None


def compile_patterns(patterns: Sequence[Pattern], flags: int) -> None:
    """Compile each pattern with the flags Presidio will search it with, where Presidio looks for it."""
    for pattern in patterns:
        if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
            try:
                # Presidio types these fields by their first value, None
                pattern.compiled_regex = re.compile(pattern.regex, flags=flags)  # type: ignore[assignment]
            except re.error as e:  # as Presidio reports a pattern that does not compile
                raise ValueError(f"Invalid regex pattern {pattern.name!r}: {e}") from e
            pattern.compiled_with_flags = flags  # type: ignore[assignment]


class UkPatternRecognizer(PatternRecognizer):
    """A Presidio PatternRecognizer set up from class attributes, named after its class."""

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    # Case-sensitive unless a recognizer says otherwise: a capital letter is evidence of a name.
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE
    # Strings of which every match holds at least one, as written: a text holding none of them
    # is not searched at all (a plain substring test costs far less than the patterns).
    REQUIRES: ClassVar[tuple[str, ...]] = ()
    # The same, in any case (compared with the text in lower case).
    REQUIRES_ANY_CASE: ClassVar[tuple[str, ...]] = ()
    # The same as a regex, for a requirement no fixed string states (a dot before a web suffix).
    REQUIRES_MATCH: ClassVar[str | None] = None
    # The same for one pattern, by its name: a regex that finds something in every text the pattern
    # matches in ('to a postcode' needs a postcode). A text where it finds nothing is not searched
    # with that pattern, which saves the slow patterns' time on the many texts without one.
    PATTERN_REQUIRES: ClassVar[dict[str, str]] = {}
    name: str  # set by Presidio's EntityRecognizer, which leaves it untyped
    patterns: list[Pattern]  # set by Presidio's PatternRecognizer, untyped there too

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=self.PATTERNS,
            # Presidio types `context` List[str] yet defaults it to None, which it keeps as is.
            context=self.CONTEXT or None,  # type: ignore[arg-type]
            global_regex_flags=self.FLAGS,
        )
        compile_patterns(self.patterns, self.FLAGS)
        self._all_patterns = list(self.patterns)
        self._pattern_requires = {name: re.compile(rx, self.FLAGS) for name, rx in self.PATTERN_REQUIRES.items()}
        unknown = set(self.PATTERN_REQUIRES) - {p.name for p in self.patterns}
        if unknown:
            raise ValueError(f"{type(self).__name__}: PATTERN_REQUIRES names no pattern: {sorted(unknown)}")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if self.REQUIRES and not any(word in text for word in self.REQUIRES):
            return []
        if self.REQUIRES_ANY_CASE:
            lower = text.lower()
            if not any(word in lower for word in self.REQUIRES_ANY_CASE):
                return []
        if self.REQUIRES_MATCH and not re.search(self.REQUIRES_MATCH, text):
            return []
        skipped = {name for name, rx in self._pattern_requires.items() if not rx.search(text)}
        # Presidio searches with `self.patterns`; the skipped ones are left out for this text only.
        self.patterns = [p for p in self._all_patterns if p.name not in skipped]
        try:
            found = super().analyze(text, entities, nlp_artifacts, regex_flags) if self.patterns else []
        finally:
            self.patterns = self._all_patterns
        return self.refine(text, found, entities)

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        """What a recognizer adds to its patterns' results: metadata, more results. As found, here."""
        return results
