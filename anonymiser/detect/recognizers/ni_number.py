"""National Insurance numbers: two letters, six digits, a suffix letter A-D."""

from __future__ import annotations

import regex as re
from presidio_analyzer.predefined_recognizers import UkNinoRecognizer

from anonymiser.core.entities import NI_NUMBER
from anonymiser.detect.recognizers._pattern import UkPattern, compile_patterns

# HMRC never issues D, F, I, Q, U or V first, nor D, F, I, O, Q, U or V second, nor the
# prefixes BG, GB, KN, NK, NT, TN, ZZ. QQ is HMRC's own specimen prefix, which drafts copy
# from guidance, so it is accepted too: a false positive costs less than a leak.
_PREFIX = r"(?:(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)"
_DIGITS = r"\d{2}([ -]?)\d{2}\1\d{2}"


class NiNumberRecognizer(UkNinoRecognizer):
    """NI numbers such as QQ 12 34 56 C, QQ123456C or qq123456c."""

    PATTERNS = [
        UkPattern("NI number", rf"\b{_PREFIX}[ -]?{_DIGITS}[ -]?[A-D]\b", 0.85),
        # Some records drop the suffix letter; without it the shape is weaker.
        UkPattern("NI number, no suffix", rf"\b{_PREFIX}[ -]?{_DIGITS}\b(?![ -]?[A-D]\b)", 0.4),
    ]
    CONTEXT = ["national insurance", "ni number", "ni no", "nino", "nin"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_entity=NI_NUMBER,
            name=type(self).__name__,
        )
        # Case-insensitive on purpose: typed case notes often write NI numbers in lower case.
        self.global_regex_flags = re.DOTALL | re.MULTILINE | re.IGNORECASE
        compile_patterns(self.PATTERNS, self.global_regex_flags)
