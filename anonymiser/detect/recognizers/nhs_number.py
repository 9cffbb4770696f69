"""NHS numbers: ten digits whose last is a mod-11 check digit."""

from __future__ import annotations

import regex as re
from presidio_analyzer.predefined_recognizers import NhsRecognizer

from anonymiser.core.entities import NHS_NUMBER
from anonymiser.detect.recognizers._pattern import UkPattern, compile_patterns


class NhsNumberRecognizer(NhsRecognizer):
    """NHS numbers written 485 777 3456, 485-777-3456 or 4857773456; the checksum must hold."""

    # One separator used consistently, and no digit, slash or hyphen either side, so pieces of
    # longer numbers (phone numbers, crime references) are never taken for an NHS number.
    PATTERNS = [
        UkPattern(
            "NHS number",
            r"(?<![\w/+-])\d{3}([ -]?)\d{3}\1\d{4}(?![\w/]|-\d)",
            0.5,
        ),
    ]
    CONTEXT = ["nhs", "nhs number", "nhs no", "national health service"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_entity=NHS_NUMBER,
            name=type(self).__name__,
        )
        self.global_regex_flags = re.DOTALL | re.MULTILINE
        compile_patterns(self.PATTERNS, self.global_regex_flags)

    def validate_result(self, pattern_text: str) -> bool:
        digits = "".join(ch for ch in pattern_text if ch.isdigit())
        # "0000000000" and the like pass mod 11 but are placeholders, not people.
        if len(set(digits)) == 1:
            return False
        return bool(super().validate_result(pattern_text))
