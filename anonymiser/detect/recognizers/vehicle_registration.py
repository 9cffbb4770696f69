"""UK vehicle registration marks: current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D)."""

from __future__ import annotations

import regex as re
from presidio_analyzer.predefined_recognizers import UkVehicleRegistrationRecognizer

from anonymiser.core.entities import VEHICLE_REGISTRATION
from anonymiser.detect.recognizers._pattern import UkPattern, compile_patterns

# DVLA letter sets: I, Q and Z are not used in the area/random letters, and year letters
# skip I, O, Q, U and Z.
_CURRENT = r"[A-HJ-PR-Y]{2}[0-9]{2} ?[A-HJ-PR-Z]{3}"
_PREFIX = r"[A-HJ-NPR-TV-Y][0-9]{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
# The year letter is written against the digits ("ABC 123D"); a spaced letter is prose.
_SUFFIX = r"[A-HJ-PR-Y][A-HJ-PR-Z]{2} ?[0-9]{1,3}[A-HJ-NPR-TV-Y]"
_ANY = rf"(?:{_CURRENT}|{_PREFIX}|{_SUFFIX})"
# A mark right after one of these words is a registration whatever its shape.
_KEYWORD = (
    r"(?i:registration(?:\s+(?:number|mark|plate))?|reg(?:\.|\s+(?:no\.?|number|plate))?"
    r"|vrm|vrn|number\s?plate|vehicle|car|van|motorbike|moped|taxi)"
)
# A few spaces at most: an unbounded look-behind rescans every run of blank lines at every position.
_LEAD = rf"\b{_KEYWORD}\s{{0,3}}(?:[:\-–]|\bis\b|\bwas\b)?\s{{0,3}}(?:(?i:number)\s{{0,3}})?"


def _mark(body: str) -> str:
    return rf"(?<![\w-]){body}(?![\w-])"


class VehicleRegistrationRecognizer(UkVehicleRegistrationRecognizer):
    """Registration marks in capitals; a keyword before (registration, reg, car, VRM) scores high."""

    PATTERNS = [
        UkPattern("Registration after keyword", rf"(?<={_LEAD}){_mark(_ANY)}", 0.85),
        UkPattern("Registration (current)", _mark(_CURRENT), 0.6),
        # The older shapes are short enough to meet in capitalised headings and codes.
        UkPattern("Registration (prefix)", _mark(_PREFIX), 0.3),
        UkPattern("Registration (suffix)", _mark(_SUFFIX), 0.2),
    ]
    CONTEXT = ["registration", "reg", "vehicle", "car", "vrm", "vrn", "number plate", "dvla", "van"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_entity=VEHICLE_REGISTRATION,
            name=type(self).__name__,
        )
        # Marks are written in capitals; ignoring case would turn "was 12 men" into a mark.
        self.global_regex_flags = re.DOTALL | re.MULTILINE
        compile_patterns(self.PATTERNS, self.global_regex_flags)

    def validate_result(self, pattern_text: str) -> bool | None:
        # Presidio's check turns a valid current mark into score 1.0; only its veto is wanted,
        # so the pattern (and keyword) decides the score.
        return False if super().validate_result(pattern_text) is False else None
