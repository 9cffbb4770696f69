"""Places the NER misses, found by the words around them: "lives in Edirne", "moved to King's Lynn",
"the Waterlees area", "Siverek village", "Co. Limerick", "the District of Famagusta",
"the north of the country"."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from anonymiser.config import places, vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.core.entities import LOCATION
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

# Capitalised words that follow "in", "at" or "from" without being a place.
_NOT_A_PLACE = "(?:" + vocabulary.alternation(
    vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS + vocabulary.WEEKDAYS + vocabulary.DETERMINERS
    + vocabulary.PRONOUNS + vocabulary.titles("not-place") + vocabulary.entries("document_parts")
    + vocabulary.FAMILY_WORDS + vocabulary.entries("place_stop_words")
) + r")\b"
# A place name: one to three capitalised words, any alphabet, "King's Lynn", "Stoke-on-Trent".
_LINKS = vocabulary.alternation(vocabulary.entries("place_links"))
_WORD = rf"\p{{Lu}}\p{{Ll}}+(?:['’]s)?(?:-(?:(?:{_LINKS})-){{0,3}}\p{{Lu}}\p{{Ll}}+)*"
_PLACE = rf"(?!{_NOT_A_PLACE}){_WORD}(?:[ ](?!{_NOT_A_PLACE}){_WORD}){{0,2}}"
# Verbs of living and moving, whose object is a place.
_RESIDENCE = rf"(?:{vocabulary.alternation(vocabulary.entries('residence_words'))})"
_PLACE_END = r"(?![\w'’-])"
# After a bare preposition, a place must be followed by the end of a clause, so that
# "in Section 47 enquiries" or "at Oakfield Primary School" do not qualify.
_CLAUSE_END = (
    r"(?=\s*(?:[,.;:)\]!?]|$)|\s+(?:and|where|with|on|in|at|for|to|after|before|when|while|until|since"
    r"|during|but|or|until|who|which)\b)"
)

# A part of a country or town not named, but pointed at: "the north of the country", "the east of the city".
_COMPASS = r"(?:far\s+)?(?:north|south|east|west|north-east|north-west|south-east|south-west)(?:ern\s+part)?"
_UNNAMED_AREA = vocabulary.alternation(vocabulary.having("place_words", "unnamed"))
_AREA = vocabulary.alternation(vocabulary.having("place_words", "area"))
_SETTLEMENTS = vocabulary.having("place_words", "settlement")
_SETTLEMENT = vocabulary.alternation(_SETTLEMENTS)
# "the Village of ...": the kind's first letter in either case.
_SETTLEMENT_EITHER_CASE = "|".join(
    f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(_SETTLEMENTS, key=len, reverse=True))
# Marks a place written without a capital ("the north of the country"), which the filters would
# otherwise drop as NER noise, and which a profile may keep (keep.unnamed_areas).
UNNAMED_AREA_KEY = "unnamed_area"
_AFTER_PREPOSITION = "Place after a preposition, mid-sentence"
# A place after a preposition mid-sentence with no clause end after it ("two children in Exeter were
# seen"): a place only if the gazetteer knows it, and, written as one word, only if English does not
# also write it in lower case ('in Bath', 'at Sale' may be baths and sales).
_GAZETTEER_AFTER_PREPOSITION = re.compile(rf"[\p{{Ll}},;]\s{{1,3}}(?:in|at|from|near)\s{{1,3}}\K{_PLACE}{_PLACE_END}")


class PlaceContextRecognizer(UkPatternRecognizer):
    """LOCATION for a capitalised name where the sentence says it is a place."""

    ENTITY = LOCATION
    PATTERNS = [
        UkPattern(
            "Place after living or moving",
            rf"\b{_RESIDENCE}\s{{1,3}}(?:back\s{{1,3}})?(?:(?:in|at|to|from|near|into)\s{{1,3}})?\K{_PLACE}{_PLACE_END}",
            0.65,
        ),
        UkPattern(
            _AFTER_PREPOSITION,
            rf"[\p{{Ll}},;]\s{{1,3}}(?:in|at|from|near)\s{{1,3}}\K{_PLACE}{_PLACE_END}{_CLAUSE_END}",
            0.6,
        ),
        # "the Waterlees area", "the Longheath estate": the name without the noun.
        UkPattern(
            "Named area",
            rf"\b[Tt]he\s{{1,3}}\K{_PLACE}(?=\s+(?:{_AREA})\b)",
            0.65,
        ),
        # "Siverek village", "Limerick city", "the village of Trypimeni", "the District of Famagusta".
        UkPattern(
            "Settlement",
            # The look-ahead lets the engine give up at once at a capital with no settlement word in reach.
            rf"(?<![\w'’-])(?=\p{{Lu}}[\p{{L}}'’ -]{{0,60}}?\s(?:{_SETTLEMENT})\b)"
            rf"{_PLACE}\s+(?:{_SETTLEMENT})\b"
            rf"|\b(?i:the)\s{{1,3}}\K(?:{_SETTLEMENT_EITHER_CASE})"
            rf"\s+of\s+{_PLACE}{_PLACE_END}",
            0.65,
        ),
        # Irish and Northern Irish counties: "Patrickswell, Co. Limerick".
        UkPattern("County", rf"(?<![\w'’-])Co\.?\s+{_PLACE}{_PLACE_END}", 0.75),
        # "the north of the country": lower case, so the filters keep it only by that mark.
        UkPattern("Part of an unnamed area", rf"\b[Tt]he\s{{1,3}}\K{_COMPASS}\s+of\s+the\s+(?:{_UNNAMED_AREA})\b", 0.65),
    ]

    # Case-sensitive: a capital letter is the evidence for a name.
    FLAGS = re.DOTALL | re.MULTILINE

    def refine(self, text: str, results: list[RecognizerResult], entities: list[str]) -> list[RecognizerResult]:
        seen = {(r.start, r.end) for r in results}
        for start, _, end in places.hyphenated(text):
            # 'Barrow-in-Furness', 'Stoke-on-Trent': known whole wherever written, with no context needed.
            if (start, end) not in seen and places.is_place(text[start:end]):
                seen.add((start, end))
                results.append(self._result(start, end))
        for m in _GAZETTEER_AFTER_PREPOSITION.finditer(text):
            if (m.start(), m.end()) not in seen and _known_place(m.group(0)):
                results.append(self._result(m.start(), m.end()))
        out = []
        for result in results:
            explanation = result.analysis_explanation
            pattern = explanation.pattern_name if explanation is not None else None
            if pattern == "Part of an unnamed area":
                result.recognition_metadata[UNNAMED_AREA_KEY] = True
            if pattern == _AFTER_PREPOSITION and _common_words(text[result.start:result.end]):
                continue  # 'Trustee in Bankruptcy', 'a finding in Principle': a word given a capital
            out.append(result)
        return out

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(LOCATION, start, end, 0.6, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def _common_words(span: str) -> bool:
    """After a bare preposition a capital is the only sign of a name: words the lexicon lists only in
    lower case ('Bankruptcy') are words, unless the UK places gazetteer knows the name ('Street') or
    knows it as the short name of a longer one ('in Barrow' for Barrow-in-Furness)."""
    words = re.findall(r"[^\W\d_]+", span)
    return bool(words) and all(word_class(w) is WordClass.COMMON for w in words) and not (
        places.is_place(span) or places.is_short_name(span))


def _known_place(name: str) -> bool:
    """A UK place the gazetteer knows, not also a common word when it is one word: 'Exeter', not 'Bath'."""
    if not places.is_place(name):
        return False
    return " " in name or word_class(name) in (WordClass.PROPER, WordClass.UNKNOWN)
