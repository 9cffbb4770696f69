"""UK postcodes, with or without the space between outward and inward codes."""

from __future__ import annotations

import regex as re
from presidio_analyzer.predefined_recognizers import UkPostcodeRecognizer

from anonymiser.core.entities import POSTCODE
from anonymiser.detect.recognizers._pattern import UkPattern, compile_patterns

# Royal Mail's letter rules for each position; an outward code alone ("CR7") is not taken,
# because on its own it is too like a vehicle, a form or a grade reference.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][A-HJKPSTUW]?"
    r"|[A-PR-UWYZ][0-9]{2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{2})"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"

OUTWARD, INWARD = _OUTWARD, _INWARD  # register_postcode_districts.py reads a register postcode's parts
# A full postcode in capitals, space optional; street_address.py reuses it for address tails.
POSTCODE_REGEX = rf"(?:{_OUTWARD} ?{_INWARD}|GIR ?0AA)"
_STANDALONE = rf"(?<![\w-]){POSTCODE_REGEX}(?![\w-])"


class PostcodeRecognizer(UkPostcodeRecognizer):
    """Full UK postcodes: CR7 8QT, CR78QT, SW1A 1AA, and lower-case m1 1ae at a lower score."""

    PATTERNS = [
        UkPattern("Postcode", _STANDALONE, 0.9),
        # Lower-case forms are rarer and more often typing slips ("y10 2nd"), so they need
        # context to clear a profile's threshold.
        UkPattern("Postcode, any case", f"(?i:{_STANDALONE})", 0.45),
    ]
    CONTEXT = ["postcode", "post code", "address", "lives", "lived", "moved", "road", "street"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_entity=POSTCODE,
            name=type(self).__name__,
        )
        # Case matters: the upper-case pattern earns the high score.
        self.global_regex_flags = re.DOTALL | re.MULTILINE
        compile_patterns(self.PATTERNS, self.global_regex_flags)
