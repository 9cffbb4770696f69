"""A recognizer's patterns are parsed once, with its flags, and checked when the recognizer is made."""

from __future__ import annotations

import pytest
import regex as re

from anonymiser.core.entities import PHONE_NUMBER
from anonymiser.detect.recognizers import uk_recognizers
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer


def test_every_pattern_of_ours_is_compiled_with_the_flags_presidio_searches_it_with():
    checked = 0
    for recognizer in uk_recognizers():
        streets = getattr(recognizer, "_streets", None)  # the street address recognizer's second set
        for owner in (recognizer, streets):
            for pattern in getattr(owner, "patterns", []):
                if isinstance(pattern, UkPattern):  # Presidio's own (the e-mail recognizer's) it compiles itself
                    assert pattern.compiled_regex is not None, (type(recognizer).__name__, pattern.name)
                    assert pattern.compiled_with_flags == owner.global_regex_flags, pattern.name
                    checked += 1
    assert checked > 50


def test_a_pattern_that_does_not_compile_is_refused_when_its_recognizer_is_made():
    class Broken(UkPatternRecognizer):
        ENTITY = PHONE_NUMBER
        PATTERNS = [UkPattern("unclosed", r"(\d{3}", 0.5)]

    with pytest.raises(ValueError, match="unclosed"):
        Broken()


def test_a_score_out_of_range_is_refused_when_the_pattern_is_made():
    with pytest.raises(ValueError, match="Score should be between 0 and 1"):
        UkPattern("too sure", r"\d+", 1.5)


def test_the_compiled_pattern_finds_what_the_text_holds():
    class Digits(UkPatternRecognizer):
        ENTITY = PHONE_NUMBER
        PATTERNS = [UkPattern("three digits", r"\b\d{3}\b", 0.5)]
        FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    found = Digits().analyze("call 123 or 4567", [PHONE_NUMBER])
    assert [(r.start, r.end) for r in found] == [(5, 8)]
    assert Digits.PATTERNS[0].compiled_with_flags == Digits.FLAGS
