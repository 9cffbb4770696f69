"""Case, crime, CAD, hospital and other reference numbers, found by the keyword before them."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from anonymiser.entities import REFERENCE_NUMBER

# The words that introduce a reference in police, health and children's-social-care records.
_SYSTEM = (
    r"crime|police|cad|case|hospital|patient|mosaic|lcs|liquid\s?logic|eclipse|carefirst"
    r"|care\s?first|protocol|ehm|rio|systm\s?one|emis|niche|athena|storm|connect|pnc|cris"
    r"|custody|incident|occurrence|log|file|court|claim|client|person|child|referral"
    r"|school|pupil|unique\s+pupil|unique\s+reference|local\s+authority|la"
)
_KIND = r"ref(?:erence)?|number|no|id|identifier|record|report|serial|#"
_KEYWORD = (
    rf"(?:(?:{_SYSTEM})(?:\s+(?:{_KIND})\.?)+"  # "crime reference", "CAD number", "Mosaic ID"
    r"|cad|mrn|urn|upn|crn|ref(?:erence)?(?:\s+no\.?)?)"  # short forms used alone
)
# Keyword, then at most a ":", "#", "is" or "was" before the code; the regex module's
# variable-length look-behind keeps the keyword out of the span.
_LEAD = rf"\b(?i:{_KEYWORD})(?![A-Za-z])\.?\s*(?:[:#=]|\bis\b|\bwas\b|-(?=\s))?\s*"
# One or more runs of letters and digits joined by / - . , at least one digit, ending on
# a letter or digit (so the full stop ending a sentence is left out).
_CODE = r"(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9]+(?:[/.-][A-Za-z0-9]+)*"
_END = r"(?![\w/-]|\.\w)"
_DATE_WITH_MONTH_WORD = r"\d{1,2}-(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)-\d{2,4}\b"


class ReferenceNumberRecognizer(PatternRecognizer):
    """Codes after "crime reference", "CAD", "MRN", "Mosaic ID", "Ref:" ...; the span is the code."""

    PATTERNS = [
        Pattern("Reference after keyword", rf"(?<={_LEAD}){_CODE}{_END}", 0.85),
        # Force/number/year crime references, which no date or phone number looks like.
        Pattern("Crime reference shape", r"(?<![\w/-])\d{2}/\d{5,8}/\d{2}(?![\w/-])", 0.6),
        # Letters and digits run together with / or -: "CR/2019/004512", "LA-2019-00123".
        # Upper case only and four digits or more, so "Covid-19" and "5-year-old" stay out.
        Pattern(
            "Mixed code",
            rf"(?<![\w/-])(?!{_DATE_WITH_MONTH_WORD})(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){{4}})"
            r"[A-Z0-9]+(?:[/-][A-Z0-9]+)+(?![\w/-])",
            0.4,
        ),
    ]
    CONTEXT = ["reference", "ref", "number", "crime", "case", "id", "record"]

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=REFERENCE_NUMBER,
            name=type(self).__name__,
            supported_language=supported_language,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            global_regex_flags=re.DOTALL | re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        # A keyword followed by a small count ("case number 2") or a year ("reference 2018",
        # citing guidance) is prose.
        return pattern_text.isdigit() and (
            len(pattern_text) < 3 or bool(re.fullmatch(r"(?:19|20)\d\d", pattern_text))
        )
