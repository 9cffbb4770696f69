"""UK phone numbers (mobiles, landlines, +44 forms), found with the phonenumbers library."""

from __future__ import annotations

from typing import TYPE_CHECKING

import phonenumbers
import regex as re
from phonenumbers import Leniency
from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from anonymiser.core.entities import PHONE_NUMBER

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

VALID_SCORE = 0.85
# Numbers phonenumbers calls invalid but shaped like UK ones: Ofcom's drama ranges
# (07700 900xxx, 01632 960xxx) are exactly what anonymised drafts and tests use.
UK_SHAPED_SCORE = 0.65

_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
_UK_PREFIX = re.compile(r"^(?:\+\s*44|00\s*44|\(?0)")
# Where a number `_score` can accept may begin: a '+', a bracket or a trunk 0 ('0-7700-900123' too).
# The library's candidates never run past a line's end, so only lines holding one of these are searched.
_START = re.compile(r"\+|\((?=\s*[+\d])|(?<!\d)0")


class UkPhoneRecognizer(PhoneRecognizer):
    """Phone numbers in the forms UK documents use: 07700 900123, (0161) 496 0000, +44 (0)20 ..."""

    CONTEXT = ["phone", "telephone", "tel", "mobile", "landline", "number", "call", "called", "text"]
    # POSSIBLE, not VALID: the fictional ranges fail validation, and _score decides.
    LENIENCY = Leniency.POSSIBLE
    name: str  # set by Presidio's EntityRecognizer, which leaves it untyped

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_entity=PHONE_NUMBER,
            supported_regions=("GB",),
            leniency=self.LENIENCY,
            name=type(self).__name__,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for offset, line in _lines_with_a_start(text):
            results += self._in_line(line, offset)
        return results

    def _in_line(self, line: str, offset: int) -> list[RecognizerResult]:
        results = []
        for match in phonenumbers.PhoneNumberMatcher(line, "GB", leniency=self.LENIENCY):
            score = _score(match.raw_string, match.number)
            if score is None:
                continue
            results.append(
                RecognizerResult(
                    entity_type=PHONE_NUMBER,
                    start=offset + match.start,
                    end=offset + match.end,
                    score=score,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=self.name,
                        original_score=score,
                        textual_explanation="phone number (phonenumbers, region GB)",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def _lines_with_a_start(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of `text` where a phone number could begin."""
    out: list[tuple[int, str]] = []
    end = -1
    for m in _START.finditer(text):
        if m.start() < end:
            continue  # in the line already taken
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        out.append((start, text[start:end]))
    return out


def _score(raw: str, number: phonenumbers.PhoneNumber) -> float | None:
    """Score a candidate, or None when it is more likely a date, NHS number or reference."""
    # Slashes are dates and crime references; dotted triples are dates.
    if "/" in raw or _DOTTED_DATE.match(raw):
        return None
    # A phone number is written with its trunk 0 or a +; bare digit runs are NHS numbers,
    # case numbers and the like.
    if not raw.lstrip().startswith(("0", "+", "(")):
        return None
    if phonenumbers.is_valid_number(number):
        return VALID_SCORE
    national = str(number.national_number)
    if (
        number.country_code == 44
        and _UK_PREFIX.match(raw)
        and len(national) == 10
        and national[0] in "123578"
    ):
        return UK_SHAPED_SCORE
    return None
